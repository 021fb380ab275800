/**
 * Rows of an opened Parquet file as records of cells (parquet-cells.ts), read through hyparquet
 * with every codec (parquet-codecs.ts). The engine's reader and the predictions head sample read
 * through this one place, so every path accepts the same files and sees the same values.
 */
import type { FileMetaData } from 'hyparquet';
import { parquetCompressors } from './parquet-codecs';
import { parquetModules } from './parquet-modules';
import { columnCells, PARQUET_PARSERS, readingMetadata, unreadableType, type ColumnCells } from './parquet-cells';
import type { ParquetFile } from './parquet-file';

/** A column left out of the read, and why. */
export interface LeftOutColumn {
  column: string;
  type: string;
}

export class ParquetRows {
  /** Top-level columns in file order, less those left out. */
  readonly names: string[];
  readonly leftOut: LeftOutColumn[] = [];
  private readonly cells = new Map<string, ColumnCells>();
  private readonly metadata: FileMetaData;

  constructor(private readonly parquet: ParquetFile) {
    this.metadata = readingMetadata(parquet.metadata);
    this.names = [];
    for (const tree of parquet.columns) {
      const name = tree.element.name;
      const type = unreadableType(tree);
      if (type) {
        this.leftOut.push({ column: name, type });
        continue;
      }
      this.names.push(name);
      this.cells.set(name, columnCells(tree));
    }
  }

  /**
   * Rows [start, end) of `columns` (top-level names this file reads), one array of cells per
   * column. Read column-wise (hyparquet's chunks, no row objects): building a record per row was
   * most of a Parquet read's time and garbage.
   */
  async readColumns(start: number, end: number, columns: readonly string[]): Promise<unknown[][]> {
    const chunks = new Map<string, Array<{ rowStart: number; data: ArrayLike<unknown> }>>(columns.map((c) => [c, []]));
    await parquetModules().hyparquet.parquetRead({
      file: this.parquet.buffer,
      metadata: this.metadata,
      rowStart: start,
      rowEnd: end,
      columns: [...columns],
      compressors: parquetCompressors(),
      parsers: PARQUET_PARSERS,
      onChunk: (chunk) => chunks.get(chunk.columnName)?.push({ rowStart: chunk.rowStart, data: chunk.columnData }),
    });
    return columns.map((name) => {
      const cells = this.cells.get(name)!;
      const out = new Array<unknown>(end - start);
      // Chunks may begin before `start` (a page's first rows) and reach past `end`.
      for (const { rowStart, data } of chunks.get(name)!) {
        const from = Math.max(start, rowStart);
        const to = Math.min(end, rowStart + data.length);
        for (let r = from; r < to; r++) out[r - start] = cells.cell(data[r - rowStart]);
      }
      for (let i = 0; i < out.length; i++) if (out[i] === undefined) out[i] = null;
      return out;
    });
  }

  /** Rows [start, end) of `columns` as records (cold paths: the head sample, predictions). */
  async read(start: number, end: number, columns: readonly string[]): Promise<Record<string, unknown>[]> {
    const data = await this.readColumns(start, end, columns);
    const rows: Record<string, unknown>[] = [];
    for (let r = 0; r < end - start; r++) {
      const row: Record<string, unknown> = {};
      columns.forEach((c, k) => (row[c] = data[k]![r]));
      rows.push(row);
    }
    return rows;
  }

  /** What the report should say about how this file's columns (those of `read`) were read. */
  notes(file: string, read: readonly string[]): string[] {
    const out = this.leftOut.map((l) => `Column "${l.column}" of ${file} holds ${l.type} values, which Tally does not decode; it was left out of every check.`);
    for (const name of read) {
      const note = this.cells.get(name)?.note(file);
      if (note) out.push(note);
    }
    return out;
  }
}
