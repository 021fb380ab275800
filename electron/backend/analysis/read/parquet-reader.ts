/**
 * Parquet through hyparquet, one row group at a time so memory stays at one group's columns.
 * hyparquet reads with positioned reads of a file handle; the file is opened read-only.
 */
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { isAppError } from '../../../../shared/domain/errors';
import { parseError } from './parse-error';
import { type RecordConsumer } from './record-sink';

/**
 * `columns` limits the read to those columns (the evaluation engine needs only its roles); records
 * are passed with their 1-based row number as the line.
 */
export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, columns?: readonly string[]): Promise<void> {
  const handle = await open(file, 'r');
  try {
    const asyncBuffer: AsyncBuffer = {
      byteLength: size,
      async slice(start: number, end?: number): Promise<ArrayBuffer> {
        const stop = end ?? size;
        const out = Buffer.alloc(Math.max(0, stop - start));
        await handle.read(out, 0, out.length, start);
        return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
      },
    };
    let metadata;
    try {
      metadata = await parquetMetadataAsync(asyncBuffer);
    } catch (e) {
      throw parseError(file, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)}); expected a valid Parquet footer.`);
    }
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    let rowStart = 0;
    let bytes = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      try {
        await parquetRead({
          file: asyncBuffer,
          metadata,
          rowStart,
          rowEnd,
          columns: columns ? names.filter((n) => columns.includes(n)) : names,
          rowFormat: 'object',
          onComplete: (rows: Record<string, unknown>[]) => {
            let row = rowStart;
            for (const r of rows) sink.add(r, { row: ++row });
          },
        });
      } catch (e) {
        // The sink's own verdict on a value (already naming the row) passes through unchanged.
        if (isAppError(e)) throw e;
        throw parseError(file, `a row group (rows ${rowStart + 1}-${rowEnd}) cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
      }
      bytes += Number(group.total_byte_size);
      onProgress?.(Math.min(size, bytes), rowEnd);
      rowStart = rowEnd;
    }
  } finally {
    await handle.close();
  }
}
