/**
 * Parquet as real writers make it: DuckDB writes the same table with each codec (ZSTD, Snappy,
 * GZIP, Brotli, LZ4, none) in several row groups, with an INTERVAL column hyparquet cannot decode;
 * every file reads, the interval column is left out with a note, and the figures equal DuckDB's
 * own aggregates on the file.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { sqlString, withDuckDb } from '../support/duckdb';
import { tempDir } from '../support/temp';

const CODECS = ['zstd', 'snappy', 'gzip', 'brotli', 'lz4', 'uncompressed'] as const;
const ROWS = 90_000;

/** Deterministic rows (no random()): ids, a 7-level integer, a 13-level text, a float, a date, an interval. */
const TABLE = `SELECT i AS id, i % 7 AS k, 'cat' || (i % 13) AS s, (i * 37 % 1000) * 0.25 AS x,
  DATE '2020-01-01' + (i % 365)::INTEGER AS d, INTERVAL (i % 50) DAY AS wait, i % 2 = 0 AS b
  FROM range(${ROWS}) t(i)`;

describe('Parquet files written by DuckDB with every codec', () => {
  const t = tempDir();
  const files = new Map<string, string>();
  let expected: Record<string, unknown>;

  beforeAll(async () => {
    await withDuckDb(async (db) => {
      for (const codec of CODECS) {
        const path = join(t.dir, `flights_${codec}.parquet`);
        await db.run(`COPY (${TABLE}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 40000)`);
        files.set(codec, path);
      }
      [expected] = await db.rows(
        `SELECT count(*) AS n, count(DISTINCT k) AS k_distinct, count(DISTINCT s) AS s_distinct, avg(x) AS x_mean, stddev_samp(x) AS x_std,
          min(x) AS x_min, max(x) AS x_max, count(DISTINCT d) AS d_distinct, strftime(min(d), '%Y-%m-%d') AS d_min, strftime(max(d), '%Y-%m-%d') AS d_max
         FROM read_parquet(${sqlString(files.get('zstd')!)})`,
      );
    });
  }, 120_000);
  afterAll(() => t.cleanup());

  it.each(CODECS)('%s: reads every row, leaves the INTERVAL column out with a note, and matches DuckDB', async (codec) => {
    const { report, profile } = await analyseAndCheck({ file: files.get(codec)! });
    expect(profile.rows).toBe(Number(expected.n));
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'k', 's', 'x', 'd', 'b']);
    expect(report.notes).toContainEqual({ check: 'read', message: expect.stringMatching(/^Column "wait" of flights_\w+\.parquet was left out of every check: its values cannot be decoded \(interval not supported\)\.$/) });
    const col = (name: string) => profile.columns.find((c) => c.name === name)!;
    expect(col('k').distinct).toBe(Number(expected.k_distinct));
    expect(col('s').distinct).toBe(Number(expected.s_distinct));
    expect(col('x').numeric!.mean).toBeCloseTo(Number(expected.x_mean), 9);
    expect(col('x').numeric!.std).toBeCloseTo(Number(expected.x_std), 9);
    expect([col('x').numeric!.min, col('x').numeric!.max]).toEqual([Number(expected.x_min), Number(expected.x_max)]);
    expect(col('d').type).toBe('datetime');
    expect(col('d').distinct).toBe(Number(expected.d_distinct));
    expect([col('d').timeRange!.min.slice(0, 10), col('d').timeRange!.max.slice(0, 10)]).toEqual([expected.d_min, expected.d_max]);
    expect(col('b').type).toBe('boolean');
  }, 120_000);

  it('a role column that cannot be decoded is refused by name, not silently dropped', async () => {
    await expect(analyseAndCheck({ file: files.get('zstd')!, time: 'wait' })).rejects.toMatchObject({ code: 'PARSE_ERROR', message: expect.stringContaining('the time column "wait" cannot be read (interval not supported)') });
  }, 60_000);
});
