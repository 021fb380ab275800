/**
 * Parquet through hyparquet, in slices of at most SLICE_ROWS rows of a row group: a writer may put
 * a whole file in one row group (a 120 MB file of one group took 1.4 GB read at once, as row
 * objects), and hyparquet skips the pages before a slice's first row. hyparquet reads with
 * positioned reads of a file handle (opened read-only), every one of them and the footer and page
 * headers checked first (parquet-file.ts).
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
/** Rows read (and held as objects) at a time: 64k rows of even 100 columns stay in tens of MB. */
export const SLICE_ROWS = 65_536;

export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, columns?: readonly string[]): Promise<void> {
  const parquet = await openParquet(file, size);
  try {
    const { buffer, metadata } = parquet;
    const names = parquet.columns.map((c) => c.element.name);
    let rowStart = 0;
    let bytes = 0;
    const selected = columns ? names.filter((n) => columns.includes(n)) : names;
    for (const group of metadata.row_groups) {
      const groupEnd = rowStart + Number(group.num_rows);
      const groupBytes = Number(group.total_byte_size);
      for (let sliceStart = rowStart; sliceStart < groupEnd; sliceStart += SLICE_ROWS) {
        const sliceEnd = Math.min(groupEnd, sliceStart + SLICE_ROWS);
        try {
          await parquetRead({
            file: buffer,
            metadata,
            rowStart: sliceStart,
            rowEnd: sliceEnd,
            columns: selected,
            rowFormat: 'object',
            onComplete: (rows: Record<string, unknown>[]) => {
              let row = sliceStart;
              for (const r of rows) sink.add(r, { row: ++row });
            },
          });
        } catch (e) {
          // The sink's own verdict on a value (already naming the row) passes through unchanged.
          if (isAppError(e)) throw e;
          throw parseError(file, `rows ${sliceStart + 1}-${sliceEnd} cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
        }
        const done = (sliceEnd - rowStart) / Math.max(1, groupEnd - rowStart);
        onProgress?.(Math.min(size, bytes + groupBytes * done), sliceEnd);
      }
      bytes += groupBytes;
      rowStart = groupEnd;
    }
  } finally {
    await parquet.close();
  }
}
