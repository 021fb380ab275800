/**
 * Records (JSON objects, Parquet rows) into a DatasetAccumulator whose columns are discovered as
 * keys appear: a key first seen at row N becomes a column that was missing in rows 1..N-1.
 */
import { DatasetAccumulator, type DatasetRoles } from '../profile/dataset-accumulator';
import { MAX_COLUMNS } from './limits';
import { parseError } from './parse-error';

/** Where a record sits, for the message when it brings one column too many. */
export interface RecordPlace {
  line?: number;
  column?: number;
  /** Parquet: the 1-based row number instead of a line. */
  row?: number;
}

/** What the record readers feed: one record at a time, with where it starts (JSON: line and column; Parquet: row). */
export interface RecordConsumer {
  add(record: Record<string, unknown>, place: RecordPlace): void;
  /**
   * Optional: `count` rows at once as one array of values per named column (Parquet), the first
   * being row `firstRow` (1-based); the same as add() with a record per row, without the records.
   */
  addColumns?(names: readonly string[], columns: readonly (readonly unknown[])[], count: number, firstRow: number): void;
}

export class RecordSink implements RecordConsumer {
  readonly acc: DatasetAccumulator;
  private readonly index = new Map<string, number>();
  private values: unknown[] = [];
  private cols = new Int32Array(64);

  constructor(
    private readonly file: string,
    names: string[],
    roles: DatasetRoles,
    seed: number,
  ) {
    this.acc = new DatasetAccumulator(names, roles, seed);
    names.forEach((n, i) => this.index.set(n, i));
  }

  add(record: Record<string, unknown>, place: RecordPlace = {}): void {
    const keys = Object.keys(record);
    const n = keys.length;
    if (this.cols.length < n) this.cols = new Int32Array(Math.max(n, this.cols.length * 2));
    for (let i = 0; i < n; i++) {
      const key = keys[i]!;
      let c = this.index.get(key);
      if (c === undefined) {
        if (this.acc.names.length >= MAX_COLUMNS) this.tooManyColumns(key, place);
        c = this.acc.names.length;
        this.index.set(key, c);
        this.acc.addColumn(key);
      }
      this.cols[i] = c;
      this.values[i] = record[key];
    }
    this.acc.record(this.cols, this.values, n);
  }

  addColumns(names: readonly string[], columns: readonly (readonly unknown[])[], count: number, firstRow: number): void {
    const n = names.length;
    if (this.cols.length < n) this.cols = new Int32Array(Math.max(n, this.cols.length * 2));
    for (let i = 0; i < n; i++) {
      let c = this.index.get(names[i]!);
      if (c === undefined) {
        if (this.acc.names.length >= MAX_COLUMNS) this.tooManyColumns(names[i]!, { row: firstRow });
        c = this.acc.names.length;
        this.index.set(names[i]!, c);
        this.acc.addColumn(names[i]!);
      }
      this.cols[i] = c;
    }
    const values = this.values;
    for (let r = 0; r < count; r++) {
      for (let i = 0; i < n; i++) values[i] = columns[i]![r];
      this.acc.record(this.cols, values, n);
    }
  }

  /** After the last record: cells of keys a record left out are counted missing. */
  finish(): void {
    this.acc.settleMissing();
  }

  private tooManyColumns(key: string, place: RecordPlace): never {
    const shown = key.length > 60 ? `${key.slice(0, 60)}…` : key;
    const where = place.row !== undefined ? `record ${place.row.toLocaleString('en-US')} ` : '';
    throw parseError(
      this.file,
      `${where}brings a ${(MAX_COLUMNS + 1).toLocaleString('en-US')}th distinct key ("${shown}"); Tally reads at most ${MAX_COLUMNS.toLocaleString('en-US')} columns. Records whose keys change from row to row are not a table: keep the varying part in one column (for example a JSON object) instead.`,
      place.line,
      place.column,
    );
  }
}
