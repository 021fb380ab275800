/**
 * Parquet through hyparquet, in slices of at most SLICE_ROWS rows of a row group: a writer may put
 * a whole file in one row group (a 120 MB file of one group took 1.4 GB read at once, as row
 * objects), and hyparquet skips the pages before a slice's first row. hyparquet reads with
 * positioned reads of a file handle (opened read-only), every one of them and the footer and page
 * headers checked first (parquet-file.ts); pages in every codec writers use are decoded
 * (parquet-codecs.ts) and values arrive as plain cells (parquet-cells.ts).
 */
import { basename } from 'node:path';
import { isAppError } from '../../../../shared/domain/errors';
import { parseError } from './parse-error';
import { openParquet } from './parquet-file';
import { ParquetRows } from './parquet-rows';
import { type RecordConsumer } from './record-sink';

/** Rows read (and held as objects) at a time: 64k rows of even 100 columns stay in tens of MB. */
export const SLICE_ROWS = 65_536;

export interface ParquetReadOptions {
  /** Read only these columns (the evaluation engine needs only its roles); each must be readable. */
  columns?: readonly string[];
  /** Role columns by role (target, id, time): one the reader leaves out is refused by name. */
  roles?: { readonly target?: string; readonly id?: string; readonly time?: string };
}

export interface ParquetReadResult {
  /** How columns were read, for the report's notes (one sentence each). */
  notes: string[];
}

/** Records are passed with their 1-based row number as the line. */
export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, options: ParquetReadOptions = {}): Promise<ParquetReadResult> {
  const parquet = await openParquet(file, size);
  try {
    const rows = new ParquetRows(parquet);
    const roles = options.roles ?? {};
    const wanted: Array<[string, string | undefined]> = [['target column', roles.target], ['id column', roles.id], ['time column', roles.time], ...(options.columns ?? []).map((c): [string, string] => ['column', c])];
    for (const [what, name] of wanted) {
      if (name === undefined) continue;
      const left = rows.leftOut.find((l) => l.column === name);
      if (left) throw parseError(file, `the ${what} "${name}" holds ${left.type} values, which Tally does not decode.`);
    }
    const { metadata } = parquet;
    const selected = options.columns ? rows.names.filter((n) => options.columns!.includes(n)) : rows.names;
    let rowStart = 0;
    let bytes = 0;
    for (const group of metadata.row_groups) {
      const groupEnd = rowStart + Number(group.num_rows);
      const groupBytes = Number(group.total_byte_size);
      for (let sliceStart = rowStart; sliceStart < groupEnd; sliceStart += SLICE_ROWS) {
        const sliceEnd = Math.min(groupEnd, sliceStart + SLICE_ROWS);
        try {
          if (sink.addColumns) sink.addColumns(selected, await rows.readColumns(sliceStart, sliceEnd, selected), sliceEnd - sliceStart, sliceStart + 1);
          else {
            let row = sliceStart;
            for (const r of await rows.read(sliceStart, sliceEnd, selected)) sink.add(r, { row: ++row });
          }
        } catch (e) {
          // The sink's own verdict on a value (already naming the row) passes through unchanged.
          if (isAppError(e)) throw e;
          throw parseError(file, `rows ${sliceStart + 1}-${sliceEnd} cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
        }
        const done = (sliceEnd - rowStart) / Math.max(1, groupEnd - rowStart);
        onProgress?.(Math.min(size, bytes + groupBytes * done), sliceEnd);
      }
      // The next group's chunks lie elsewhere in the file: the kept bytes of this one are garbage.
      parquet.forgetReads();
      bytes += groupBytes;
      rowStart = groupEnd;
    }
    return { notes: rows.notes(basename(file), selected) };
  } finally {
    await parquet.close();
  }
}
