/**
 * A Parquet file opened for hyparquet with everything hyparquet takes on trust checked first, so
 * that a damaged file is a PARSE_ERROR and never a hang, a crash or a stray rejection: the footer
 * (row counts, where each column chunk lies, the schema tree), every read (inside the file), and
 * the page headers of each column chunk before hyparquet decodes it (parquet-pages.ts). Used by
 * the engine's reader, the dataset sniffer and the predictions head sample alike.
 */
import { open } from 'node:fs/promises';
import type { AsyncBuffer, FileMetaData, SchemaTree } from 'hyparquet';
import { parseError } from './parse-error';
import { codecReadable } from './parquet-codecs';
import { loadParquetModules } from './parquet-modules';
import { chunkLayout, chunkPageProblem, chunkStart, metadataProblem, type ChunkLayout } from './parquet-pages';

export interface ParquetFile {
  /** What to pass to hyparquet as `file`. */
  buffer: AsyncBuffer;
  metadata: FileMetaData;
  /** The top-level columns. */
  columns: SchemaTree[];
  /** Drop the kept reads (a row group is done: its chunks will not be asked for again). */
  forgetReads(): void;
  close(): Promise<void>;
}

/** Bytes kept for reads asked again: at most this many, most recent first. */
export const RECENT_READ_BYTES = 192 * 1024 * 1024;

/**
 * The last reads, by byte range. hyparquet reads a column chunk's bytes whole for each slice of
 * its row group (parquet-reader.ts reads a group in slices), so a file written as one large group
 * asked for the same 100+ MB once per slice, and peak RSS then depended on when V8 happened to
 * collect the previous copies. Kept here, each chunk is read once per group. hyparquet only reads
 * the ArrayBuffers it is given, so one can be handed out twice.
 */
class RecentReads {
  private readonly reads = new Map<string, ArrayBuffer>();
  private bytes = 0;

  clear(): void {
    this.reads.clear();
    this.bytes = 0;
  }

  get(start: number, stop: number): ArrayBuffer | undefined {
    return this.reads.get(`${start}:${stop}`);
  }

  keep(start: number, stop: number, data: ArrayBuffer): void {
    if (data.byteLength > RECENT_READ_BYTES) return;
    for (const [key, old] of this.reads) {
      if (this.bytes + data.byteLength <= RECENT_READ_BYTES) break;
      this.reads.delete(key);
      this.bytes -= old.byteLength;
    }
    this.reads.set(`${start}:${stop}`, data);
    this.bytes += data.byteLength;
  }
}

export async function openParquet(file: string, size: number): Promise<ParquetFile> {
  const { parquetMetadataAsync, parquetSchema } = (await loadParquetModules()).hyparquet;
  const handle = await open(file, 'r');
  try {
    // Column chunks whose page headers are still to be checked, by where they start in the file.
    const unchecked = new Map<number, { length: number; column: string; group: number; layout: ChunkLayout | null }>();
    const recent = new RecentReads();
    const buffer: AsyncBuffer = {
      byteLength: size,
      slice(start: number, end?: number): Promise<ArrayBuffer> {
        const kept = recent.get(start, end ?? size);
        if (kept) return Promise.resolve(kept);
        const read = (async () => {
          const stop = end ?? size;
          if (!(Number.isInteger(start) && Number.isInteger(stop) && start >= 0 && start <= stop && stop <= size)) {
            throw parseError(file, `the file points to bytes ${start}-${stop}, outside its ${size} bytes.`);
          }
          const out = Buffer.alloc(stop - start);
          await handle.read(out, 0, out.length, start);
          // hyparquet decodes what this returns without checking it: check the page headers of
          // every whole column chunk in these bytes first.
          for (const [at, chunk] of unchecked) {
            if (at < start || at + chunk.length > stop) continue;
            unchecked.delete(at);
            const problem = chunkPageProblem(out, at - start, chunk.length, chunk.layout);
            if (problem) throw parseError(file, `column "${chunk.column}" in row group ${chunk.group} is damaged: ${problem}.`);
          }
          // A large Buffer owns its whole ArrayBuffer: hand that over instead of a copy.
          const bytes = out.byteOffset === 0 && out.buffer.byteLength === out.length ? out.buffer : out.buffer.slice(out.byteOffset, out.byteOffset + out.length);
          recent.keep(start, stop, bytes);
          return bytes;
        })();
        // hyparquet starts reads ahead (one per run of columns) and, when one fails, may never
        // look at the others: marked as handled here, a failed read still reaches whoever awaits
        // it but cannot end the process as an unhandled rejection.
        read.catch(() => undefined);
        return read;
      },
    };
    let metadata: FileMetaData;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (e) {
      throw parseError(file, `not a readable Parquet file (${e instanceof Error ? e.message : String(e)}); expected a valid Parquet footer.`);
    }
    const damaged = metadataProblem(metadata, size);
    if (damaged) throw parseError(file, `the Parquet footer is damaged: ${damaged}.`);
    let schema: SchemaTree;
    try {
      schema = parquetSchema(metadata);
    } catch (e) {
      throw parseError(file, `the Parquet footer is damaged: its schema cannot be read (${e instanceof Error ? e.message : String(e)}).`);
    }
    metadata.row_groups.forEach((group, g) => {
      for (const chunk of group.columns) {
        const codec = chunk.meta_data!.codec;
        if (!codecReadable(codec)) {
          throw parseError(file, `column "${chunk.meta_data!.path_in_schema.join('.')}" is compressed with ${String(codec)}, which Tally does not read; write the file with ZSTD, Snappy, GZIP, Brotli or LZ4 compression (for example DuckDB's COPY ... (FORMAT parquet, COMPRESSION zstd)).`);
        }
        const at = chunkStart(chunk)!;
        const length = Number(chunk.meta_data!.total_compressed_size);
        if (length > 0) unchecked.set(at, { length, column: chunk.meta_data!.path_in_schema.join('.'), group: g + 1, layout: chunkLayout(chunk, schema) });
      }
    });
    return { buffer, metadata, columns: schema.children, forgetReads: () => recent.clear(), close: () => handle.close() };
  } catch (e) {
    await handle.close();
    throw e;
  }
}
