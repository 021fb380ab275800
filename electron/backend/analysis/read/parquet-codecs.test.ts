import { brotliCompressSync, gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { codecReadable, parquetCompressors, zstdFramesFit } from './parquet-codecs';
import { loadParquetModules } from './parquet-modules';

// openParquet loads the decompressors before any page is read; these tests call them directly.
beforeAll(() => loadParquetModules());

/** A Zstandard frame holding `data` in one raw block; with or without its content size. */
function frame(data: number[], contentSize = true): number[] {
  const header = (data.length << 3) | 1;
  const descriptor = contentSize ? [0x20, data.length] : [0x00, 0x48];
  return [0x28, 0xb5, 0x2f, 0xfd, ...descriptor, header & 255, (header >> 8) & 255, (header >> 16) & 255, ...data];
}

describe('Zstandard pages', () => {
  it('frames that state their sizes within the page pass; anything else takes the bounded path', () => {
    expect(zstdFramesFit(Uint8Array.from(frame([1, 2, 3, 4, 5])), 5)).toBe(true);
    expect(zstdFramesFit(Uint8Array.from([...frame([1, 2]), ...frame([3])]), 3)).toBe(true);
    // More than the page header says, no stated size, a truncated block, trailing bytes.
    expect(zstdFramesFit(Uint8Array.from(frame([1, 2, 3, 4, 5])), 4)).toBe(false);
    expect(zstdFramesFit(Uint8Array.from(frame([1, 2, 3], false)), 3)).toBe(false);
    expect(zstdFramesFit(Uint8Array.from(frame([1, 2, 3, 4, 5]).slice(0, -2)), 5)).toBe(false);
    expect(zstdFramesFit(Uint8Array.from([...frame([1]), 7]), 5)).toBe(false);
    // A skippable frame (magic 0x184D2A5?) is walked over.
    expect(zstdFramesFit(Uint8Array.from([0x50, 0x2a, 0x4d, 0x18, 2, 0, 0, 0, 9, 9, ...frame([4])]), 1)).toBe(true);
  });

  it('decodes on both paths, and a frame larger than its page is an error, not an allocation', () => {
    const zstd = parquetCompressors().ZSTD!;
    expect([...zstd(Uint8Array.from(frame([1, 2, 3, 4, 5])), 5)]).toEqual([1, 2, 3, 4, 5]);
    expect([...zstd(Uint8Array.from(frame([1, 2, 3], false)), 3)]).toEqual([1, 2, 3]);
    expect(() => zstd(Uint8Array.from(frame([1, 2, 3, 4, 5], false)), 3)).toThrow();
  });
});

describe('GZIP and Brotli pages', () => {
  const page = Uint8Array.from({ length: 5000 }, (_, i) => i % 251);

  it('decode to the page, concatenated GZIP members included (some writers emit them)', () => {
    expect(Buffer.from(parquetCompressors().GZIP!(gzipSync(page), page.length)).equals(Buffer.from(page))).toBe(true);
    const twice = Buffer.concat([gzipSync(page.subarray(0, 2000)), gzipSync(page.subarray(2000))]);
    expect(Buffer.from(parquetCompressors().GZIP!(twice, page.length)).equals(Buffer.from(page))).toBe(true);
    expect(Buffer.from(parquetCompressors().BROTLI!(brotliCompressSync(page), page.length)).equals(Buffer.from(page))).toBe(true);
  });

  it('a page that inflates past the size its header states is refused', () => {
    const bomb = gzipSync(new Uint8Array(10_000_000));
    expect(() => parquetCompressors().GZIP!(bomb, 1000)).toThrow();
    expect(() => parquetCompressors().BROTLI!(brotliCompressSync(new Uint8Array(10_000_000)), 1000)).toThrow();
  });
});

it('every codec but LZO is read', () => {
  expect(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4', 'LZ4_RAW'].every((c) => codecReadable(c as never))).toBe(true);
  expect(codecReadable('LZO')).toBe(false);
});
