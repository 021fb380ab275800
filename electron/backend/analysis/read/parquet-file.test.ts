import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/support/temp';
import { openParquet } from './parquet-file';
import { readParquet, SLICE_ROWS } from './parquet-reader';

let t: ReturnType<typeof tempDir> | undefined;
afterEach(() => t?.cleanup());

/** One row group of `rows` rows: the reader takes it in several slices, each asking for the same chunks. */
async function oneGroupFile(rows: number): Promise<{ file: string; a: number[]; b: number[] }> {
  t = tempDir('tally-parquet-file-');
  const { parquetWriteFile } = await import('hyparquet-writer');
  const file = join(t.dir, 'onegroup.parquet');
  const a = Array.from({ length: rows }, (_, i) => i * 0.25);
  const b = Array.from({ length: rows }, (_, i) => (i * 7919) % 1000);
  parquetWriteFile({ filename: file, columnData: [{ name: 'a', data: a, type: 'DOUBLE' }, { name: 'b', data: b, type: 'DOUBLE' }], rowGroupSize: rows });
  return { file, a, b };
}

describe('a Parquet file opened for hyparquet', () => {
  it('hands out the bytes of a range asked again without reading them again, equal to the file', async () => {
    const { file } = await oneGroupFile(1000);
    const size = statSync(file).size;
    const parquet = await openParquet(file, size);
    try {
      const first = await parquet.buffer.slice(4, 200);
      const again = await parquet.buffer.slice(4, 200);
      expect(again).toBe(first);
      expect(Buffer.from(first)).toEqual(readFileSync(file).subarray(4, 200));
      const other = await parquet.buffer.slice(4, 100);
      expect(other).not.toBe(first);
      expect(Buffer.from(other)).toEqual(readFileSync(file).subarray(4, 100));
      // Once a row group is done its bytes are let go: the range is read afresh.
      parquet.forgetReads();
      const afresh = await parquet.buffer.slice(4, 200);
      expect(afresh).not.toBe(first);
      expect(Buffer.from(afresh)).toEqual(readFileSync(file).subarray(4, 200));
    } finally {
      await parquet.close();
    }
  });

  it('reads every value of a one-group file read in slices that share those bytes', async () => {
    const rows = SLICE_ROWS * 3 + 123;
    const { file, a, b } = await oneGroupFile(rows);
    const seen = { a: [] as unknown[], b: [] as unknown[] };
    const firstRows: number[] = [];
    await readParquet(file, statSync(file).size, {
      add: () => {
        throw new Error('the reader passes columns to a sink that takes them');
      },
      addColumns: (names, columns, count, firstRow) => {
        firstRows.push(firstRow);
        names.forEach((n, k) => seen[n as 'a' | 'b'].push(...columns[k]!.slice(0, count)));
      },
    });
    expect(firstRows).toEqual([1, SLICE_ROWS + 1, 2 * SLICE_ROWS + 1, 3 * SLICE_ROWS + 1]);
    expect(seen.a).toEqual(a);
    expect(seen.b).toEqual(b);
  });
});
