/**
 * Records (JSON objects, Parquet rows) into a DatasetAccumulator whose columns are discovered as
 * keys appear: a key first seen at row N becomes a column that was missing in rows 1..N-1.
 */
import { DatasetAccumulator, type DatasetRoles } from '../profile/dataset-accumulator';

/** What the record readers feed: one record at a time, with the line (Parquet: row) it starts on. */
export interface RecordConsumer {
  add(record: Record<string, unknown>, line: number): void;
}

export class RecordSink implements RecordConsumer {
  readonly acc: DatasetAccumulator;
  private readonly index = new Map<string, number>();
  private values: unknown[] = [];

  constructor(names: string[], roles: DatasetRoles, seed: number) {
    this.acc = new DatasetAccumulator(names, roles, seed);
    names.forEach((n, i) => this.index.set(n, i));
  }

  add(record: Record<string, unknown>): void {
    for (const key of Object.keys(record)) {
      if (!this.index.has(key)) {
        this.index.set(key, this.acc.names.length);
        this.acc.addColumn(key);
      }
    }
    const width = this.acc.names.length;
    if (this.values.length !== width) this.values = new Array<unknown>(width);
    const names = this.acc.names;
    for (let c = 0; c < width; c++) this.values[c] = record[names[c]!];
    this.acc.record(this.values);
  }
}
