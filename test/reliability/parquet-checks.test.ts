import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterEach, describe, expect, it } from 'vitest';
import { readParquet } from '../../electron/backend/analysis/read/parquet-reader';
import type { RecordConsumer } from '../../electron/backend/analysis/read/record-sink';
import { tempDir } from '../support/temp';

/**
 * The checks made before hyparquet decodes a page (parquet-pages.ts) must never refuse a valid
 * file: tables of every column kind the writer makes (required and nullable numbers, dictionary
 * strings, booleans, 64-bit integers), in many small pages and row groups, uncompressed or with
 * Snappy, GZIP or Brotli (whose pages are decompressed for the check), are read back whole and equal.
 */
describe('Parquet page checks accept every valid file', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('random valid tables in many pages and row groups read back whole', async () => {
    t = tempDir();
    const file = join(t.dir, 'valid.parquet');
    const table = fc.record({
      rows: fc.integer({ min: 1, max: 3000 }),
      rowGroupSize: fc.integer({ min: 1, max: 4000 }),
      pageSize: fc.integer({ min: 16, max: 8192 }),
      codec: fc.constantFrom<'SNAPPY' | 'UNCOMPRESSED' | 'GZIP' | 'BROTLI'>('SNAPPY', 'UNCOMPRESSED', 'GZIP', 'BROTLI'),
      nullEvery: fc.integer({ min: 0, max: 9 }),
      categories: fc.integer({ min: 1, max: 300 }),
    });
    await fc.assert(
      fc.asyncProperty(table, async ({ rows, rowGroupSize, pageSize, codec, nullEvery, categories }) => {
        const isNull = (i: number) => nullEvery > 0 && i % nullEvery === 0;
        const columns = {
          id: Int32Array.from({ length: rows }, (_, i) => i),
          score: Array.from({ length: rows }, (_, i) => (isNull(i) ? null : i / 4)),
          label: Array.from({ length: rows }, (_, i) => (isNull(i + 1) ? null : `c${(i * 7) % categories}`)),
          flag: Array.from({ length: rows }, (_, i) => (isNull(i + 2) ? null : i % 3 === 0)),
          big: BigInt64Array.from({ length: rows }, (_, i) => BigInt(i) * 3_000_000_019n),
        };
        const bytes = parquetWriteBuffer({
          columnData: [
            { name: 'id', data: columns.id, type: 'INT32', nullable: false },
            { name: 'score', data: columns.score, type: 'DOUBLE' },
            { name: 'label', data: columns.label, type: 'STRING' },
            { name: 'flag', data: columns.flag, type: 'BOOLEAN' },
            { name: 'big', data: columns.big, type: 'INT64', nullable: false },
          ],
          rowGroupSize,
          pageSize,
          codec,
          compressors: { GZIP: (b: Uint8Array) => new Uint8Array(gzipSync(b)), BROTLI: (b: Uint8Array) => new Uint8Array(brotliCompressSync(b)) },
        });
        writeFileSync(file, new Uint8Array(bytes));
        const read: Array<Record<string, unknown>> = [];
        const sink: RecordConsumer = { add: (r) => read.push(r) };
        await readParquet(file, bytes.byteLength, sink);
        expect(read).toHaveLength(rows);
        for (const i of [0, Math.floor(rows / 2), rows - 1]) {
          // 64-bit integers arrive as numbers while exact (parquet-cells.ts).
          expect(read[i]).toEqual({ id: i, score: columns.score[i], label: columns.label[i], flag: columns.flag[i], big: Number(columns.big[i]) });
        }
      }),
      { seed: 20261205, numRuns: 60 },
    );
  }, 120_000);
});
