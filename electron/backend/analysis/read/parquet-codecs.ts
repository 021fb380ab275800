/**
 * The page decompressors Tally hands hyparquet, one per codec real writers use (DuckDB, pyarrow,
 * Spark and polars write ZSTD or Snappy by default; GZIP, Brotli and LZ4 are options). hyparquet
 * itself decodes only Snappy. Each takes the page's stored bytes and the uncompressed size its
 * header states (checked against MAX_PAGE_BYTES before anything is decoded), and never makes
 * more than that many bytes: a page that claims a small size and inflates to gigabytes is a
 * decompression error, not an allocation that ends the process.
 *
 * - ZSTD, LZ4 (Hadoop framing or raw) and LZ4_RAW: hyparquet-compressors (fzstd and its own LZ4).
 * - Snappy: hyparquet-compressors' WebAssembly decoder (hysnappy), about 4x hyparquet's own.
 * - GZIP and Brotli: Node's zlib (native; Brotli 10x the JavaScript port), with the output capped.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { CompressionCodec, Compressors } from 'hyparquet';
import { parquetModules } from './parquet-modules';

/**
 * Whether every Zstandard frame in `input` states its content size and they add up to at most
 * `limit`: then fzstd's fast path (which allocates what a frame states, up to its 2 GB window
 * when a frame states nothing) allocates no more than the page holds. Walks the frame and block
 * headers only (RFC 8878 section 3.1).
 */
export function zstdFramesFit(input: Uint8Array, limit: number): boolean {
  let at = 0;
  let total = 0;
  const u32 = (i: number): number => (input[i]! | (input[i + 1]! << 8) | (input[i + 2]! << 16) | (input[i + 3]! << 24)) >>> 0;
  while (at < input.length) {
    if (at + 4 > input.length) return false;
    const magic = u32(at);
    if ((magic & 0xfffffff0) === 0x184d2a50) {
      // A skippable frame: its length, then that many bytes.
      if (at + 8 > input.length) return false;
      at += 8 + u32(at + 4);
      continue;
    }
    if (magic !== 0xfd2fb528 || at + 5 > input.length) return false;
    const descriptor = input[at + 4]!;
    const sizeFlag = descriptor >> 6;
    const singleSegment = (descriptor >> 5) & 1;
    const checksum = (descriptor >> 2) & 1;
    const dictionaryBytes = [0, 1, 2, 4][descriptor & 3]!;
    const sizeBytes = sizeFlag === 0 ? singleSegment : 1 << sizeFlag;
    if (sizeBytes === 0) return false;
    let p = at + 5 + (singleSegment ? 0 : 1) + dictionaryBytes;
    if (p + sizeBytes > input.length) return false;
    let size = 0;
    for (let b = sizeBytes - 1; b >= 0; b--) size = size * 256 + input[p + b]!;
    if (sizeBytes === 2) size += 256;
    total += size;
    if (total > limit) return false;
    p += sizeBytes;
    for (;;) {
      if (p + 3 > input.length) return false;
      const header = input[p]! | (input[p + 1]! << 8) | (input[p + 2]! << 16);
      const type = (header >> 1) & 3;
      if (type === 3) return false;
      p += 3 + (type === 1 ? 1 : header >>> 3);
      if (header & 1) break;
    }
    at = p + (checksum ? 4 : 0);
  }
  return at === input.length;
}

function zstd(input: Uint8Array, length: number): Uint8Array {
  // fzstd's own allocation is about 3x faster than writing into a given buffer; it is used only
  // when the frames promise no more than the page holds.
  const { decompressZstd } = parquetModules().compressors;
  return zstdFramesFit(input, length) ? decompressZstd(input) : decompressZstd(input, new Uint8Array(length));
}

/** The codecs Tally reads; anything else (LZO) is refused by name before a page is decoded. */
const READABLE_CODECS: ReadonlySet<string> = new Set(['UNCOMPRESSED', 'SNAPPY', 'GZIP', 'BROTLI', 'ZSTD', 'LZ4', 'LZ4_RAW']);

let compressors: Compressors | null = null;

/** The decompressor of each codec in READABLE_CODECS but UNCOMPRESSED (after loadParquetModules()). */
export function parquetCompressors(): Compressors {
  if (compressors !== null) return compressors;
  const { decompressLz4, decompressLz4Raw, decompressSnappy } = parquetModules().compressors;
  compressors = {
    SNAPPY: decompressSnappy,
    GZIP: (input, length) => gunzipSync(input, { maxOutputLength: Math.max(1, length) }),
    BROTLI: (input, length) => brotliDecompressSync(input, { maxOutputLength: Math.max(1, length) }),
    ZSTD: zstd,
    LZ4: decompressLz4,
    LZ4_RAW: decompressLz4Raw,
  };
  return compressors;
}

export function codecReadable(codec: CompressionCodec): boolean {
  return READABLE_CODECS.has(codec);
}
