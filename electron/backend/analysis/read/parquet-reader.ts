/**
 * Parquet through hyparquet, in slices of at most SLICE_ROWS rows of a row group: a writer may put
 * a whole file in one row group (a 120 MB file of one group took 1.4 GB read at once, as row
 * objects), and hyparquet skips the pages before a slice's first row. hyparquet reads with
 * positioned reads of a file handle; the file is opened read-only.
 *
 * Pages compressed with ZSTD, GZIP, Brotli, LZ4 and LZ4_RAW are decoded by hyparquet-compressors
 * (hyparquet decodes Snappy itself). A column hyparquet cannot decode at all (an INTERVAL, an
 * unknown logical type) is left out of the read and reported, instead of making the whole file
 * unreadable: the first slice is read column by column only when reading it whole fails.
 */
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { isAppError } from '../../../../shared/domain/errors';
import { parseError } from './parse-error';
import { type RecordConsumer } from './record-sink';

/** Rows read (and held as objects) at a time: 64k rows of even 100 columns stay in tens of MB. */
export const SLICE_ROWS = 65_536;

/** A column that could not be decoded, and hyparquet's reason. */
export interface UnreadableColumn {
  column: string;
  reason: string;
}

export interface ParquetReadResult {
  /** Columns left out of the read because they cannot be decoded. */
  unreadable: UnreadableColumn[];
}

function reasonOf(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).replace(/^parquet /, '');
}

/**
 * `columns` limits the read to those columns (the evaluation engine needs only its roles); records
 * are passed with their 1-based row number as the line.
 */
export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, columns?: readonly string[]): Promise<ParquetReadResult> {
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
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(asyncBuffer);
    } catch (e) {
      throw parseError(file, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)}); expected a valid Parquet footer.`);
    }
    const names = parquetSchema(metadata).children.map((c) => c.element.name);
    let selected = columns ? names.filter((n) => columns.includes(n)) : names;
    const unreadable: UnreadableColumn[] = [];
    const readSlice = (rowStart: number, rowEnd: number, cols: string[], onRows: (rows: Record<string, unknown>[]) => void): Promise<void> =>
      parquetRead({ file: asyncBuffer, metadata, rowStart, rowEnd, columns: cols, rowFormat: 'object', compressors, onComplete: onRows });
    let rowStart = 0;
    let bytes = 0;
    let first = true;
    for (const group of metadata.row_groups) {
      const groupEnd = rowStart + Number(group.num_rows);
      const groupBytes = Number(group.total_byte_size);
      for (let sliceStart = rowStart; sliceStart < groupEnd; sliceStart += SLICE_ROWS) {
        const sliceEnd = Math.min(groupEnd, sliceStart + SLICE_ROWS);
        const feed = (rows: Record<string, unknown>[]): void => {
          let row = sliceStart;
          for (const r of rows) sink.add(r, { row: ++row });
        };
        try {
          await readSlice(sliceStart, sliceEnd, selected, feed);
        } catch (e) {
          // The sink's own verdict on a value (already naming the row) passes through unchanged.
          if (isAppError(e)) throw e;
          if (!first) throw parseError(file, `rows ${sliceStart + 1}-${sliceEnd} cannot be read: ${reasonOf(e)}.`);
          // First slice: find the columns that cannot be decoded, leave them out, read the rest.
          const bad = await probeColumns(selected, (c) => readSlice(sliceStart, sliceEnd, [c], () => undefined));
          if (bad.length === 0 || bad.length === selected.length) throw parseError(file, `rows ${sliceStart + 1}-${sliceEnd} cannot be read: ${reasonOf(e)}.`);
          unreadable.push(...bad);
          const left = new Set(bad.map((b) => b.column));
          selected = selected.filter((c) => !left.has(c));
          await readSlice(sliceStart, sliceEnd, selected, feed);
        }
        first = false;
        const done = (sliceEnd - rowStart) / Math.max(1, groupEnd - rowStart);
        onProgress?.(Math.min(size, bytes + groupBytes * done), sliceEnd);
      }
      bytes += groupBytes;
      rowStart = groupEnd;
    }
    return { unreadable };
  } finally {
    await handle.close();
  }
}

async function probeColumns(columns: readonly string[], read: (column: string) => Promise<void>): Promise<UnreadableColumn[]> {
  const bad: UnreadableColumn[] = [];
  for (const column of columns) {
    try {
      await read(column);
    } catch (e) {
      if (isAppError(e)) throw e;
      bad.push({ column, reason: reasonOf(e) });
    }
  }
  return bad;
}
