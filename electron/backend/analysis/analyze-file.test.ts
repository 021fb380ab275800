import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeFile, type AnalyzeFileOptions } from './analyze-file';
import type { ColumnSummary } from '../../../shared/quality/check-input';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-analyze-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const base: AnalyzeFileOptions = { roles: {}, threads: 1, seed: 7, onProgress: () => {} };
const col = (cols: { summary: ColumnSummary }[], name: string): ColumnSummary => cols.find((c) => c.summary.name === name)!.summary;

function write(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** A mid-size deterministic table: integer id, float with gaps and placeholders, category, date. */
function table(rows: number): { text: string; x: number[] } {
  const lines = ['id,x,cat,when,flag'];
  const x: number[] = [];
  for (let i = 0; i < rows; i++) {
    const v = ((i * 7919) % 1000) / 10 - 20;
    const cell = i % 50 === 0 ? '' : i % 75 === 0 ? 'NA' : String(v);
    if (cell !== '' && cell !== 'NA') x.push(v);
    const when = new Date(Date.UTC(2024, 0, 1) + i * 3600_000).toISOString().slice(0, 19);
    lines.push(`${i + 1},${cell},${['red', 'green', 'blue'][i % 3]},${when},${i % 4 === 0 ? 'true' : 'false'}`);
  }
  return { text: `${lines.join('\n')}\n`, x };
}

describe('analyzeFile on CSV', () => {
  it('profiles every column exactly on small data', async () => {
    const { text, x } = table(3000);
    const { facts, info } = await analyzeFile(write('t.csv', text), base);
    expect(info).toMatchObject({ format: 'csv', encoding: 'utf-8', rows: 3000, columns: 5, duplicateRows: 0, dialect: { delimiter: ',', hasHeader: true } });
    for (const c of facts.columns) expect(c.summary.count + c.summary.missing + c.summary.disguisedMissing).toBe(3000);
    const id = col(facts.columns, 'id');
    expect(id).toMatchObject({ type: 'identifier', distinct: 3000, distinctIsEstimate: false });
    const xs = col(facts.columns, 'x');
    const sorted = x.slice().sort((a, b) => a - b);
    const mean = x.reduce((s, v) => s + v, 0) / x.length;
    expect(xs).toMatchObject({ type: 'float', missing: 60, disguisedMissing: 20, count: x.length, disguisedTokens: [{ value: 'na', count: 20 }] });
    expect(xs.numeric!.min).toBe(sorted[0]);
    expect(xs.numeric!.max).toBe(sorted[sorted.length - 1]);
    expect(xs.numeric!.mean).toBeCloseTo(mean, 9);
    expect(xs.numeric!.quantiles.p50).toBeCloseTo((sorted[(sorted.length - 1) / 2 | 0]! + sorted[Math.ceil((sorted.length - 1) / 2)]!) / 2, 9);
    expect(xs.numeric!.negatives).toBe(x.filter((v) => v < 0).length);
    expect(xs.numeric!.zeros).toBe(x.filter((v) => v === 0).length);
    expect(xs.numeric!.histogram.counts.reduce((s, c) => s + c, 0)).toBe(x.length);
    expect(xs.numeric!.sample).toHaveLength(x.length);
    const cat = col(facts.columns, 'cat');
    expect(cat).toMatchObject({ type: 'categorical', distinct: 3, topValues: [{ value: 'red', count: 1000 }, { value: 'green', count: 1000 }, { value: 'blue', count: 1000 }], otherCount: 0 });
    expect(cat.textLength).toEqual({ min: 3, max: 5, mean: 4 });
    const when = col(facts.columns, 'when');
    expect(when.type).toBe('datetime');
    expect(when.timeRange).toEqual({ min: '2024-01-01T00:00:00.000Z', max: new Date(Date.UTC(2024, 0, 1) + 2999 * 3600_000).toISOString() });
    expect(col(facts.columns, 'flag')).toMatchObject({ type: 'boolean', distinct: 2 });
    expect(facts.rowSample.rows).toHaveLength(3000);
    expect(facts.rowSample.rows[0]).toEqual([1, null, 'red', Date.UTC(2024, 0, 1), 'true']);
  });

  it('counts duplicate rows and conflicting labels by row hash', async () => {
    const path = write('d.csv', 'a,b,y\n1,x,0\n1,x,0\n2,z,1\n2,z,0\n3,w,1\n1,x,0\n');
    const { facts } = await analyzeFile(path, { ...base, roles: { target: 'y' } });
    expect(facts.duplicateRows).toBe(2);
    expect(facts.target).toEqual({ column: 'y', conflictingGroups: 1, conflictingRows: 2 });
  });

  it('reads the same table from UTF-8 with BOM, UTF-16 LE and BE, and Windows-1252', async () => {
    const text = 'name;city\nJosé;Zürich\nRenée;Montréal\n';
    const utf16be = Buffer.from(text, 'utf16le').swap16();
    const files = {
      bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]),
      le: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      be: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
      cp1252: Buffer.from(text, 'latin1'),
    };
    const expected = { bom: 'utf-8', le: 'utf-16le', be: 'utf-16be', cp1252: 'windows-1252' };
    for (const [k, bytes] of Object.entries(files)) {
      const { facts, info } = await analyzeFile(write(`${k}.csv`, bytes), base);
      expect(info.encoding).toBe(expected[k as keyof typeof expected]);
      expect(info.dialect?.delimiter).toBe(';');
      expect(facts.columns.map((c) => c.summary.name)).toEqual(['name', 'city']);
      expect(col(facts.columns, 'city').distinctSample.map((v) => v.value)).toEqual(['Zürich', 'Montréal']);
    }
  });

  it('gives the same profile split across threads as on one thread, and falls back on quoted newlines', async () => {
    const { text } = table(20_000);
    const path = write('big.csv', text);
    const one = await analyzeFile(path, base);
    const two = await analyzeFile(path, { ...base, threads: 2, parallelMinBytes: 1 });
    expect(two.info.threadsUsed).toBe(2);
    expect(two.facts.rows).toBe(one.facts.rows);
    expect(two.facts.duplicateRows).toBe(one.facts.duplicateRows);
    two.facts.columns.forEach((c, i) => {
      const s = one.facts.columns[i]!.summary;
      expect(c.summary).toMatchObject({ type: s.type, count: s.count, missing: s.missing, disguisedMissing: s.disguisedMissing, distinct: s.distinct, topValues: s.topValues });
      if (s.numeric) {
        expect(c.summary.numeric!.min).toBe(s.numeric.min);
        expect(c.summary.numeric!.mean / s.numeric.mean).toBeCloseTo(1, 12);
        expect(c.summary.numeric!.std / s.numeric.std).toBeCloseTo(1, 12);
      }
    });
    // A quoted newline after the split point: the split read gives up and one thread reads it.
    const quoted = write('q.csv', `${text}99999,"two\nlines",red,2024-01-01T00:00:00,true\n`);
    const q = await analyzeFile(quoted, { ...base, threads: 2, parallelMinBytes: 1 });
    expect(q.info.threadsUsed).toBe(1);
    expect(q.info.parallelFallback).toBe('SPLIT_UNSAFE');
    expect(q.facts.rows).toBe(20_001);
  });
});

describe('analyzeFile labels estimated figures', () => {
  it('marks sampled quantiles and sketched top values on a large column, and only there', async () => {
    // 40,000 rows: more values than the numeric sample keeps (32,768) and, for x, more different
    // values than are counted exactly (16,384); cat has three values, counted exactly.
    const rows = 40_000;
    const lines = ['x,cat'];
    for (let i = 0; i < rows; i++) lines.push(`${(i * 7919) % rows}.5,${['red', 'green', 'blue'][i % 3]}`);
    const { facts } = await analyzeFile(write('large.csv', `${lines.join('\n')}\n`), base);
    const x = col(facts.columns, 'x');
    expect(x).toMatchObject({ type: 'float', count: rows, distinctIsEstimate: true, topValuesAreEstimates: true });
    expect(x.numeric!.quantilesAreEstimates).toBe(true);
    // The sketch's estimate never claims more different values than there are cells.
    expect(x.distinct).toBeGreaterThan(rows * 0.95);
    expect(x.distinct).toBeLessThanOrEqual(rows);
    // Estimated, yet close: the median of 0.5 .. 39,999.5 is 20,000 (half a percentile is 200 values).
    expect(Math.abs(x.numeric!.quantiles.p50 - 20_000)).toBeLessThan(200);
    // Exact figures stay exact, and the sampled histogram is scaled to every value.
    expect(x.numeric!).toMatchObject({ min: 0.5, max: rows - 0.5 });
    expect(x.numeric!.mean).toBeCloseTo(rows / 2, 9);
    expect(x.numeric!.histogram.counts.reduce((s, k) => s + k, 0)).toBe(rows);
    const cat = col(facts.columns, 'cat');
    expect(cat).toMatchObject({ type: 'categorical', distinct: 3, topValuesAreEstimates: false });
    expect(cat.topValues.map((t) => t.count)).toEqual([13_334, 13_333, 13_333]);

    // The small fixture table: every figure exact.
    const small = await analyzeFile(write('t.csv', table(3000).text), base);
    for (const c of small.facts.columns) {
      expect(c.summary.topValuesAreEstimates, c.summary.name).toBe(false);
      if (c.summary.numeric) expect(c.summary.numeric.quantilesAreEstimates, c.summary.name).toBe(false);
    }
    expect(col(small.facts.columns, 'x').numeric).not.toBeNull();
  });
});

describe('analyzeFile on JSON, JSON Lines and Parquet', () => {
  it('reads JSON Lines with keys that appear late as columns missing before', async () => {
    const path = write('r.jsonl', '{"a": 1, "b": "x"}\n\n{"a": 2.5, "b": null}\n{"a": 3, "c": true, "b": ""}\n');
    const { facts, info } = await analyzeFile(path, base);
    expect(info.format).toBe('jsonl');
    expect(facts.columns.map((c) => [c.summary.name, c.summary.count, c.summary.missing, c.summary.disguisedMissing])).toEqual([
      ['a', 3, 0, 0],
      ['b', 1, 1, 1],
      ['c', 1, 2, 0],
    ]);
    expect(col(facts.columns, 'a').type).toBe('float');
  });

  it('streams a JSON array of records', async () => {
    const records = Array.from({ length: 500 }, (_, i) => ({ id: i, name: `n${i % 10}`, nested: { k: i } }));
    const { facts, info } = await analyzeFile(write('r.json', JSON.stringify(records, null, 1)), base);
    expect(info.format).toBe('json');
    expect(facts.rows).toBe(500);
    expect(col(facts.columns, 'name')).toMatchObject({ type: 'categorical', distinct: 10 });
    expect(col(facts.columns, 'nested').topValues[0]!.value).toBe('{"k":0}');
  });

  it('reads Parquet row groups', async () => {
    const { facts, info } = await analyzeFile(join(__dirname, 'testdata/simple.parquet'), base);
    expect(info).toMatchObject({ format: 'parquet', rows: 3, columns: 2 });
    expect(col(facts.columns, 'A')).toMatchObject({ type: 'integer', count: 3 });
  });
});
