/**
 * DuckDB (dev dependency) as a real Parquet writer and an independent oracle: tests write files
 * with `COPY ... TO ... (FORMAT parquet, COMPRESSION ...)` and compare Tally's figures with
 * DuckDB's own aggregates on the same file.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface DuckDb {
  run(sql: string): Promise<void>;
  rows(sql: string): Promise<Record<string, unknown>[]>;
}

export async function withDuckDb<T>(work: (db: DuckDb) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { threads: '1' });
  const connection: DuckDBConnection = await instance.connect();
  try {
    return await work({
      run: async (sql) => {
        await connection.run(sql);
      },
      rows: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[],
    });
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A string literal for SQL (file paths in COPY). */
export function sqlString(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}
