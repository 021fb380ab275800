import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterEach, describe, expect, it } from 'vitest';
import { analyseAndCheck } from '../../electron/backend/services/check-analysis';
import { customers, writeCsv, type Row } from '../fixtures/check/generate';
import { tempDir } from '../support/temp';

/** What a report found, comparable across formats: check, column(s) and count. */
function found(report: { findings: Array<{ id: string; column?: string; columns?: string[]; count?: number }> }): string[] {
  return report.findings.map((f) => `${f.id}:${f.column ?? f.columns?.join('+') ?? ''}:${f.count ?? ''}`).sort();
}

/** The rows as Parquet: whole numbers as INT64 (read back as BigInt), the signup date as text or a timestamp. */
function writeParquet(dir: string, name: string, rows: Row[], dates: 'STRING' | 'TIMESTAMP'): string {
  const path = join(dir, name);
  parquetWriteFile({
    filename: path,
    columnData: [
      { name: 'customer_id', data: rows.map((r) => BigInt(r.customer_id)), type: 'INT64' },
      { name: 'age', data: rows.map((r) => BigInt(r.age)), type: 'INT64' },
      { name: 'income', data: rows.map((r) => r.income), type: 'DOUBLE' },
      { name: 'region', data: rows.map((r) => r.region), type: 'STRING' },
      dates === 'STRING' ? { name: 'signup', data: rows.map((r) => r.signup), type: 'STRING' } : { name: 'signup', data: rows.map((r) => new Date(`${r.signup}T00:00:00Z`)), type: 'TIMESTAMP' },
      { name: 'churned', data: rows.map((r) => BigInt(r.churned)), type: 'INT64' },
    ],
    rowGroupSize: 200,
  });
  return path;
}

function writeJsonl(dir: string, name: string, rows: Row[], shape: (r: Row, i: number) => Record<string, unknown> = (r) => ({ ...r })): string {
  const path = join(dir, name);
  writeFileSync(path, `${rows.map((r, i) => JSON.stringify(shape(r, i))).join('\n')}\n`);
  return path;
}

/**
 * Test rows with planted defects for every role: 30 rows that repeat an earlier row's inputs
 * with the other label (conflicting labels), 40 customers also in the training file (group
 * leakage), 25 signups before the training file's last one (date leakage).
 */
function plantedTest(): { test: Row[]; train: Row[] } {
  const train = customers(600, { seed: 3, firstId: 1, startDay: 0 });
  const base = customers(500, { seed: 9, firstId: 10_000, startDay: 200 });
  const test = base.map((r, i) => (i < 40 ? { ...r, customer_id: train[i]!.customer_id } : i < 65 ? { ...r, signup: '2025-02-01' } : r));
  for (let i = 0; i < 30; i++) test.push({ ...test[100 + i]!, customer_id: 50_000 + i, churned: 1 - test[100 + i]!.churned });
  return { test, train };
}

describe('every check works on every format', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('the same rows as CSV, JSON Lines (keys in any order, absent instead of null), a JSON array and Parquet (dates as text or as timestamps) give the same findings with --target --id --time --reference', async () => {
    t = tempDir();
    const { test, train } = plantedTest();
    const reference = writeCsv(t.dir, 'train.csv', train);
    const files = {
      csv: writeCsv(t.dir, 'test.csv', test),
      jsonl: writeJsonl(t.dir, 'test.jsonl', test, (r, i) => (i % 2 ? { churned: r.churned, signup: r.signup, region: r.region, income: r.income, age: r.age, customer_id: r.customer_id } : { ...r })),
      json: join(t.dir, 'test.json'),
      parquet: writeParquet(t.dir, 'test.parquet', test, 'STRING'),
      parquetTimestamps: writeParquet(t.dir, 'test-timestamps.parquet', test, 'TIMESTAMP'),
    };
    writeFileSync(files.json, JSON.stringify(test));
    const roles = { target: 'churned', id: 'customer_id', time: 'signup', reference };
    const results = await Promise.all(Object.values(files).map((file) => analyseAndCheck({ file, ...roles })));
    const [csv, ...others] = results.map((r) => found(r.report));
    expect(csv).toEqual(expect.arrayContaining(['conflicting_labels:churned:60', 'group_leakage:customer_id:40', expect.stringMatching(/^date_leakage:signup:\d+$/)]));
    for (const other of others) expect(other).toEqual(csv);
  }, 120_000);

  it('a JSON Lines file whose role column first appears on a later row still gets its checks', async () => {
    t = tempDir();
    const { train } = plantedTest();
    const reference = writeCsv(t.dir, 'train.csv', train);
    // The first 50 records have no customer_id key at all; the next 40 reuse training customers.
    const rows = customers(300, { seed: 9, firstId: 10_000, startDay: 200 }).map((r, i) => (i >= 50 && i < 90 ? { ...r, customer_id: train[i]!.customer_id } : r));
    const file = writeJsonl(t.dir, 'late.jsonl', rows, (r, i) => (i < 50 ? { age: r.age, income: r.income, region: r.region, signup: r.signup, churned: r.churned } : { ...r }));
    const { report } = await analyseAndCheck({ file, id: 'customer_id', reference });
    expect(report.findings.find((f) => f.id === 'group_leakage')?.count).toBe(40);
    const profile = (await analyseAndCheck({ file })).profile;
    expect(profile.columns.find((c) => c.name === 'customer_id')?.missing).toBe(50);
  }, 60_000);

  it('finds rows shared by a CSV and a JSON Lines file whose columns come in another order', async () => {
    t = tempDir();
    const train = customers(400, { seed: 4 });
    const test = [...customers(300, { seed: 5, firstId: 5_000 }), ...train.slice(0, 30)];
    const reference = writeCsv(t.dir, 'train.csv', train);
    const file = writeJsonl(t.dir, 'test.jsonl', test, (r) => ({ churned: r.churned, signup: r.signup, region: r.region, income: r.income, age: r.age, customer_id: r.customer_id }));
    const { report } = await analyseAndCheck({ file, reference });
    expect(report.findings.find((f) => f.id === 'train_test_overlap')?.count).toBe(30);
  }, 60_000);

  it('conflicting labels compare inputs only: two customers with the same inputs and different labels conflict, whatever their id and signup', async () => {
    t = tempDir();
    const rows = customers(300, { seed: 8 });
    const twins = rows.slice(0, 10).map((r, i) => ({ ...r, customer_id: 9_000 + i, signup: '2025-06-30', churned: 1 - r.churned }));
    const file = writeCsv(t.dir, 'twins.csv', [...rows, ...twins]);
    const { report } = await analyseAndCheck({ file, target: 'churned', id: 'customer_id', time: 'signup' });
    const f = report.findings.find((x) => x.id === 'conflicting_labels');
    expect(f?.count).toBe(20);
    expect(f?.message).toMatch(/leaving out the id and time columns/);
  }, 60_000);
});
