/**
 * Parquet as real writers make it: DuckDB writes one table with each codec it offers (ZSTD, Snappy,
 * GZIP, Brotli, LZ4 - which DuckDB writes as LZ4_RAW - and none), in two row groups of which the
 * first spans two of the reader's 64k-row slices. Every file reads whole and its figures equal
 * DuckDB's own aggregates on the file; the types DuckDB writes that hyparquet returns oddly
 * (DECIMAL, INTERVAL, BIGINT beyond 2^53, TIME, infinite timestamps, lists and structs) become
 * cells with the values DuckDB gives them, with a note where something was changed; and every
 * path that reads Parquet (the engine, the dataset sniffer, the predictions head sample, `tally
 * check` and `tally eval` through the worker bundle) takes a ZSTD file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeRequest } from '../../electron/backend/analysis/analyze-request';
import { sampleHead } from '../../electron/backend/analysis/evaluate/head-sample';
import { detectFormat } from '../../electron/backend/analysis/read/format-detector';
import { openParquet } from '../../electron/backend/analysis/read/parquet-file';
import { SLICE_ROWS } from '../../electron/backend/analysis/read/parquet-reader';
import { sniffDataset } from '../../electron/backend/services/dataset-sniff';
import { runCli } from '../support/cli';
import { sqlString, withDuckDb } from '../support/duckdb';
import { tempDir } from '../support/temp';

const CODECS = [
  ['zstd', 'ZSTD'],
  ['snappy', 'SNAPPY'],
  ['gzip', 'GZIP'],
  ['brotli', 'BROTLI'],
  ['lz4', 'LZ4_RAW'],
  ['uncompressed', 'UNCOMPRESSED'],
] as const;
const ROWS = 100_000;

/** Deterministic rows (no random()). */
const TABLE = `SELECT i AS id, i % 7 AS k, 'cat' || (i % 13) AS s, (i * 37 % 1000) * 0.25 AS x,
  DATE '2020-01-01' + (i % 365)::INTEGER AS d, ((i % 1000) / 100)::DECIMAL(10, 2) AS price,
  INTERVAL (i % 50) DAY + INTERVAL (i % 3) HOUR AS wait, TIMESTAMP '2021-03-01' + INTERVAL (i % 9000) MINUTE AS ts,
  (i % 2) AS label, ((i * 7919) % 1000) / 1000.0 AS score
  FROM range(${ROWS}) t(i)`;

const AGGREGATES = `SELECT count(*) AS n, count(DISTINCT k) AS k_distinct, count(DISTINCT s) AS s_distinct,
  avg(x) AS x_mean, stddev_samp(x) AS x_std, min(x) AS x_min, max(x) AS x_max,
  count(DISTINCT d) AS d_distinct, strftime(min(d), '%Y-%m-%d') AS d_min, strftime(max(d), '%Y-%m-%d') AS d_max,
  avg(price::DOUBLE) AS price_mean, count(DISTINCT price) AS price_distinct,
  avg(epoch(wait)) AS wait_mean, max(epoch(wait)) AS wait_max, count(DISTINCT wait) AS wait_distinct,
  epoch_ms(min(ts)) AS ts_min, epoch_ms(max(ts)) AS ts_max,
  avg(((score >= 0.5)::INTEGER = label)::INTEGER) AS accuracy`;

interface Column {
  name: string;
  type: string;
  distinct: number;
  count: number;
  numeric?: { min: number; max: number; mean: number; std: number };
  topValues: Array<{ value: string; count: number }>;
}

const column = (columns: Column[], name: string): Column => columns.find((c) => c.name === name)!;

describe('Parquet files DuckDB writes with every codec', () => {
  const t = tempDir();
  const files = new Map<string, string>();
  let expected: Record<string, number | string>;

  beforeAll(async () => {
    await withDuckDb(async (db) => {
      for (const [codec] of CODECS) {
        const path = join(t.dir, `flights_${codec}.parquet`);
        await db.run(`COPY (${TABLE}) TO ${sqlString(path)} (FORMAT parquet, COMPRESSION ${codec}, ROW_GROUP_SIZE 70000)`);
        files.set(codec, path);
      }
      const [row] = await db.rows(`${AGGREGATES} FROM read_parquet(${sqlString(files.get('zstd')!)})`);
      expected = Object.fromEntries(Object.entries(row!).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : (v as number | string)]));
    });
  }, 120_000);
  afterAll(() => t.cleanup());

  it.each(CODECS)('%s: every row reads and the figures equal DuckDB on the same file', async (codec, stored) => {
    const file = files.get(codec)!;
    const parquet = await openParquet(file, detectFormat(file).size);
    const codecs = new Set(parquet.metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data!.codec)));
    const groups = parquet.metadata.row_groups.map((g) => Number(g.num_rows));
    await parquet.close();
    expect([...codecs]).toEqual([stored]);
    // Two row groups, the first read in two slices.
    expect(groups).toHaveLength(2);
    expect(groups[0]).toBeGreaterThan(SLICE_ROWS);

    const result = await analyzeRequest({ file }, () => undefined);
    const columns = result.checkInput.columns as Column[];
    expect(result.checkInput.rows).toBe(expected.n);
    expect(columns.map((c) => c.name)).toEqual(['id', 'k', 's', 'x', 'd', 'price', 'wait', 'ts', 'label', 'score']);
    // Beyond 16,384 values the distinct count is HyperLogLog's (about 0.8% standard error).
    expect(Math.abs(column(columns, 'id').distinct / ROWS - 1)).toBeLessThan(0.03);
    expect(column(columns, 'k').distinct).toBe(expected.k_distinct);
    expect(column(columns, 's').distinct).toBe(expected.s_distinct);
    const x = column(columns, 'x').numeric!;
    expect(x.mean).toBeCloseTo(expected.x_mean as number, 9);
    expect(x.std).toBeCloseTo(expected.x_std as number, 9);
    expect([x.min, x.max]).toEqual([expected.x_min, expected.x_max]);
    const d = column(columns, 'd');
    expect(d.type).toBe('datetime');
    expect(d.distinct).toBe(expected.d_distinct);
    expect(new Date(d.numeric!.min).toISOString().slice(0, 10)).toBe(expected.d_min);
    expect(new Date(d.numeric!.max).toISOString().slice(0, 10)).toBe(expected.d_max);
    const price = column(columns, 'price');
    expect(price.distinct).toBe(expected.price_distinct);
    expect(price.numeric!.mean).toBeCloseTo(expected.price_mean as number, 9);
    // DECIMAL(10, 2) 0.07 is the double nearest 0.07, as a CSV's "0.07" reads (hyparquet gave 0.07000000000000001).
    expect(price.topValues.map((v) => v.value)).toContain('0.07');
    const wait = column(columns, 'wait');
    expect(wait.type).toBe('integer');
    expect(wait.distinct).toBe(expected.wait_distinct);
    expect(wait.numeric!.mean).toBeCloseTo(expected.wait_mean as number, 6);
    expect(wait.numeric!.max).toBe(expected.wait_max);
    const ts = column(columns, 'ts').numeric!;
    expect([ts.min, ts.max]).toEqual([expected.ts_min, expected.ts_max]);
    expect(result.report.notes).toContainEqual({ check: 'read', message: `Column "wait" of flights_${codec}.parquet holds Parquet INTERVAL values; they are read as seconds, a month counted as 30 days (as DuckDB's epoch() does).` });
  }, 120_000);

  it('the dataset sniffer, the predictions head sample, tally check and tally eval (worker bundles) read a ZSTD file', async () => {
    const file = files.get('zstd')!;
    const sniffed = await sniffDataset(file);
    expect(sniffed.format).toBe('parquet');
    expect(sniffed.schema.columns.map((c) => [c.name, c.type])).toEqual([
      ['id', 'integer'],
      ['k', 'integer'],
      ['s', 'text'],
      ['x', 'float'],
      ['d', 'datetime'],
      ['price', 'float'],
      ['wait', 'float'],
      ['ts', 'datetime'],
      ['label', 'integer'],
      ['score', 'float'],
    ]);

    const head = await sampleHead(file, detectFormat(file), {}, 3);
    expect(head.names).toEqual(['id', 'k', 's', 'x', 'd', 'price', 'wait', 'ts', 'label', 'score']);
    expect(head.rows[2]).toEqual([2, 2, 'cat2', 18.5, '2020-01-03', 0.02, 2 * 86_400 + 2 * 3600, new Date('2021-03-01T00:02:00Z'), 0, 0.838]);

    const check = await runCli(['check', file, '--fail-on', 'never', '--json']);
    expect(check.stderr).toBe('');
    const out = JSON.parse(check.stdout) as { rows: number; notes: Array<{ check: string; message: string }> };
    expect(out.rows).toBe(ROWS);
    expect(out.notes.map((n) => n.check)).toContain('read');

    const evaluated = await runCli(['eval', file, '--label', 'label', '--score', 'score', '--json', '--bootstrap', '0']);
    expect(evaluated.code).toBe(0);
    const metrics = JSON.parse(evaluated.stdout) as { n: number; metrics: { accuracy: number } };
    expect(metrics.n).toBe(ROWS);
    expect(metrics.metrics.accuracy).toBeCloseTo(expected.accuracy as number, 12);
  }, 180_000);
});

describe('Parquet types DuckDB writes become sensible cells', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  it('DECIMAL, INTERVAL, BIGINT beyond 2^53, HUGEINT, TIME, DATE, TIMESTAMP_NS, infinity, UUID, JSON, lists, maps and structs', async () => {
    const file = join(t.dir, 'types.parquet');
    const values = await withDuckDb(async (db) => {
      await db.run(`COPY (SELECT i AS id,
          (i / 3)::DECIMAL(4, 1) AS d4, (i / 3)::DECIMAL(38, 10) AS d38, 12345678901234567890.5::DECIMAL(38, 1) AS dhuge,
          INTERVAL (i) MONTH + INTERVAL (i) DAY + INTERVAL (i * 1500) MILLISECOND AS iv,
          9007199254740993 + i AS big, i::HUGEINT * 1000 AS huge,
          TIME '13:45:00' + INTERVAL (i * 250) MILLISECOND AS tm, DATE '1999-12-30' + i::INTEGER AS dt,
          (TIMESTAMP '2020-01-01 00:00:00.123456' + INTERVAL (i) SECOND)::TIMESTAMP_NS AS tsns,
          CASE WHEN i = 1 THEN 'infinity'::TIMESTAMP ELSE TIMESTAMP '2020-01-01' END AS tsinf,
          ('00000000-0000-0000-0000-00000000000' || i)::UUID AS u, ('{"a":' || i || '}')::JSON AS js,
          [i, i + 1] AS lst, {'a': i, 'b': 'q'} AS st, MAP {'k': i::BIGINT} AS mp
        FROM range(3) t(i)) TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd)`);
      return db.rows(`SELECT d4::DOUBLE AS d4, d38::DOUBLE AS d38, epoch(iv) AS iv, epoch_ms(tsns) AS tsns FROM read_parquet(${sqlString(file)}) ORDER BY id`);
    });
    const head = await sampleHead(file, detectFormat(file), {}, 10);
    const cells = (name: string): unknown[] => head.rows.map((r) => r[head.names.indexOf(name)]);
    expect(cells('d4')).toEqual(values.map((v) => v.d4));
    expect(cells('d4')).toEqual([0, 0.3, 0.7]);
    expect(cells('d38')).toEqual(values.map((v) => v.d38));
    expect(cells('iv')).toEqual(values.map((v) => v.iv));
    expect(cells('big')).toEqual(['9007199254740993', '9007199254740994', '9007199254740995']);
    expect(cells('huge')).toEqual([0, 1000, 2000]);
    expect(cells('tm')).toEqual(['13:45:00', '13:45:00.25', '13:45:00.5']);
    expect(cells('dt')).toEqual(['1999-12-30', '1999-12-31', '2000-01-01']);
    expect(cells('tsns').map((v) => (v as Date).getTime())).toEqual(values.map((v) => Number(v.tsns)));
    expect(cells('tsinf')).toEqual([new Date('2020-01-01T00:00:00Z'), 'infinity', new Date('2020-01-01T00:00:00Z')]);
    expect(cells('u')).toEqual(['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000001', '00000000-0000-0000-0000-000000000002']);
    expect(cells('js')).toEqual(['{"a":0}', '{"a":1}', '{"a":2}']);
    expect(cells('lst')).toEqual(['[0,1]', '[1,2]', '[2,3]']);
    expect(cells('st')).toEqual(['{"a":0,"b":"q"}', '{"a":1,"b":"q"}', '{"a":2,"b":"q"}']);
    expect(cells('mp')).toEqual(['{"k":0}', '{"k":1}', '{"k":2}']);

    const result = await analyzeRequest({ file }, () => undefined);
    const columns = result.checkInput.columns as Column[];
    // The digits read as a CSV's would: the nearest double.
    expect(column(columns, 'big').numeric!.max).toBe(Number('9007199254740995'));
    expect(column(columns, 'tsinf').count).toBe(3);
    expect(column(columns, 'lst').distinct).toBe(3);
    expect(result.report.notes.map((n) => n.message)).toEqual([
      'Column "dhuge" of types.parquet: 3 DECIMAL values have more digits than a double holds (about 15); they are read as the nearest double.',
      `Column "iv" of types.parquet holds Parquet INTERVAL values; they are read as seconds, a month counted as 30 days (as DuckDB's epoch() does).`,
      'Column "big" of types.parquet: 3 whole numbers are beyond 2^53, where a double cannot hold every integer; they are read as their digits, as a CSV file\'s would be.',
      'Column "tsinf" of types.parquet: 1 dates or times lie beyond the years a date can hold here (about 270,000 BC to AD 275,000; DuckDB\'s infinity among them) and are kept as text.',
    ]);
  }, 60_000);
});

describe('Parquet compressed pages are checked before hyparquet decodes them', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());

  /** A dictionary-coded page whose index run claims 1,000,000 values where the page holds 100. */
  function hostilePage(body: Uint8Array): Uint8Array {
    if (body[0] !== 2) return body;
    const out = new Uint8Array(body.length);
    // Bit width 2, then a run-length header: (1,000,000 << 1) as a varint, and the repeated value.
    out.set([2, 0x80, 0x89, 0x7a, 1]);
    return out;
  }

  it.each([
    ['GZIP', (b: Uint8Array) => gzipSync(b)],
    ['BROTLI', (b: Uint8Array) => brotliCompressSync(b)],
  ] as const)('%s: a run that claims more values than its page holds is refused, naming the column', async (codec, compress) => {
    const file = join(t.dir, `hostile-${codec}.parquet`);
    const bytes = parquetWriteBuffer({
      columnData: [{ name: 'k', data: Int32Array.from({ length: 100 }, (_, i) => i % 3), type: 'INT32' }],
      codec,
      compressors: { [codec]: (b: Uint8Array) => new Uint8Array(compress(hostilePage(b))) },
    });
    writeFileSync(file, new Uint8Array(bytes));
    await expect(analyzeRequest({ file }, () => undefined)).rejects.toMatchObject({
      code: 'PARSE_ERROR',
      message: `hostile-${codec}.parquet: column "k" in row group 1 is damaged: a run claims 1,000,000 values where the page has 100 left.`,
    });
  });

  it('a codec Tally does not read (LZO) is refused by name before any page is decoded', async () => {
    const file = join(t.dir, 'lzo.parquet');
    const bytes = parquetWriteBuffer({ columnData: [{ name: 'k', data: Int32Array.from([1, 2, 3]), type: 'INT32' }], codec: 'LZO', compressors: { LZO: (b: Uint8Array) => b } });
    writeFileSync(file, new Uint8Array(bytes));
    const refusal = {
      code: 'PARSE_ERROR',
      message: `lzo.parquet: column "k" is compressed with LZO, which Tally does not read; write the file with ZSTD, Snappy, GZIP, Brotli or LZ4 compression (for example DuckDB's COPY ... (FORMAT parquet, COMPRESSION zstd)).`,
    };
    await expect(analyzeRequest({ file }, () => undefined)).rejects.toMatchObject(refusal);
    await expect(sniffDataset(file)).rejects.toMatchObject(refusal);
  });
});
