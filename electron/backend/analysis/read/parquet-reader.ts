/**
 * Parquet through hyparquet, one row group at a time so memory stays at one group's columns.
 * hyparquet reads with positioned reads of a file handle; the file is opened read-only. Page
 * headers are checked before hyparquet decodes a chunk (parquet-pages.ts).
 */
import { open } from 'node:fs/promises';
import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer } from 'hyparquet';
import { isAppError } from '../../../../shared/domain/errors';
import { parseError } from './parse-error';
import { chunkPageProblem, chunkStart } from './parquet-pages';
import { type RecordConsumer } from './record-sink';

/**
 * `columns` limits the read to those columns (the evaluation engine needs only its roles); records
 * are passed with their 1-based row number as the line.
 */
export async function readParquet(file: string, size: number, sink: RecordConsumer, onProgress?: (bytes: number, rows: number) => void, columns?: readonly string[]): Promise<void> {
  const handle = await open(file, 'r');
  try {
    // Column chunks whose page headers are still to be checked, by where they start in the file.
    const unchecked = new Map<number, { length: number; column: string; group: number }>();
    const asyncBuffer: AsyncBuffer = {
      byteLength: size,
      async slice(start: number, end?: number): Promise<ArrayBuffer> {
        const stop = end ?? size;
        const out = Buffer.alloc(Math.max(0, stop - start));
        await handle.read(out, 0, out.length, start);
        // hyparquet decodes what this returns without checking it: check the page headers of
        // every whole column chunk in these bytes first.
        for (const [at, chunk] of unchecked) {
          if (at < start || at + chunk.length > stop) continue;
          unchecked.delete(at);
          const problem = chunkPageProblem(out, at - start, chunk.length);
          if (problem) throw parseError(file, `column "${chunk.column}" in row group ${chunk.group} is damaged: ${problem}.`);
        }
        return out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
      },
    };
    let metadata;
    try {
      metadata = await parquetMetadataAsync(asyncBuffer);
    } catch (e) {
      throw parseError(file, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)}); expected a valid Parquet footer.`);
    }
    metadata.row_groups.forEach((group, g) => {
      for (const chunk of group.columns) {
        const at = chunkStart(chunk);
        const length = Number(chunk.meta_data?.total_compressed_size ?? 0);
        if (at !== null && length > 0) unchecked.set(at, { length, column: chunk.meta_data?.path_in_schema.join('.') ?? '?', group: g + 1 });
      }
    });
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
