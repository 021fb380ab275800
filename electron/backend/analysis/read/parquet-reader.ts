/**
 * Parquet through hyparquet, one row group at a time so memory stays at one group's columns.
 * hyparquet reads with positioned reads of a file handle (opened read-only), every one of them
 * and the footer and page headers checked first (parquet-file.ts).
 */
import { parquetRead } from 'hyparquet';
import { isAppError } from '../../../../shared/domain/errors';
import { parseError } from './parse-error';
import { openParquet } from './parquet-file';
import { type RecordConsumer } from './record-sink';

/**
 * `columns` limits the read to those columns (the evaluation engine needs only its roles); records
 * are passed with their 1-based row number as the line.
 */
export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, columns?: readonly string[]): Promise<void> {
  const parquet = await openParquet(file, size);
  try {
    const { buffer, metadata } = parquet;
    const names = parquet.columns.map((c) => c.element.name);
    let rowStart = 0;
    let bytes = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      try {
        await parquetRead({
          file: buffer,
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
    await parquet.close();
  }
}
