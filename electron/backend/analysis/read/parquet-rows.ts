/**
 * Rows of an opened Parquet file as records of cells (parquet-cells.ts), read through hyparquet
 * with every codec (parquet-codecs.ts). The engine's reader and the predictions head sample read
 * through this one place, so every path accepts the same files and sees the same values.
 */
import { parquetRead, type FileMetaData } from 'hyparquet';
import { PARQUET_COMPRESSORS } from './parquet-codecs';
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

  /** Rows [start, end) of `columns` (top-level names this file reads), converted in place. */
  async read(start: number, end: number, columns: readonly string[]): Promise<Record<string, unknown>[]> {
    let rows: Record<string, unknown>[] = [];
    await parquetRead({
      file: this.parquet.buffer,
      metadata: this.metadata,
      rowStart: start,
      rowEnd: end,
      columns: [...columns],
      rowFormat: 'object',
      compressors: PARQUET_COMPRESSORS,
      parsers: PARQUET_PARSERS,
      onComplete: (r: Record<string, unknown>[]) => {
        rows = r;
      },
    });
    const converters = columns.map((c) => this.cells.get(c)!);
    for (const row of rows) {
      for (const c of converters) row[c.name] = c.cell(row[c.name]);
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
