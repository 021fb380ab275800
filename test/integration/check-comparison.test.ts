/**
 * A train/test comparison through the real backend: the compared (training) file gets its profile
 * and verdict from the run, the overlap is kept by rows and by ids, drifted columns carry both
 * files' distributions on one set of bins, and the HTML report is saved into a folder by name.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckRun, SavedReport } from '../../shared/contract/checks';
import type { Dataset, DatasetDetail } from '../../shared/contract/datasets';
import { customers, writeCsv, type Row } from '../fixtures/check/generate';
import { testBackend } from '../support/temp';
import { newProject, runCheck, value } from './check-support';

/** 400 training customers; 300 test rows of which 100 reuse a training id with other values, income shifted up. */
function trainTest(dir: string): { train: string; test: string; trainRows: Row[]; testRows: Row[] } {
  const trainRows = customers(400, { seed: 7 });
  const fresh = customers(200, { seed: 11, firstId: 5001 });
  const reused = customers(100, { seed: 13, firstId: 1 }).map((r) => ({ ...r, age: r.age + 1 }));
  const testRows = [...fresh, ...reused].map((r) => ({ ...r, income: Math.round((r.income + 60000) * 100) / 100 }));
  return { train: writeCsv(dir, 'train.csv', trainRows), test: writeCsv(dir, 'test.csv', testRows), trainRows, testRows };
}

describe('comparison runs', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('keeps shared rows and ids, both distributions of a drifted column, and profiles the compared file', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const { train, test, trainRows, testRows } = trainTest(t.dir);
    const trainDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: train, role: 'training' }));
    const testDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: test, role: 'test' }));
    expect(trainDs).toMatchObject({ latestRunId: null, latestVerdict: null, latestRunRole: null });

    const task = await runCheck(t.backend, { projectId, datasetId: testDs.id, referenceDatasetId: trainDs.id, id: 'customer_id' });
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    const run = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }));

    // No row is in both files, but 100 customers are: the overlap must say so by id.
    expect(run.overlap).toEqual({
      checkedRows: 300,
      referenceRows: 400,
      sharedRows: 0,
      ids: { column: 'customer_id', sharedIds: 100, checkedDistinct: 300, referenceDistinct: 400, checkedRowsWithSharedId: 100 },
    });
    expect(run.findings.find((f) => f.id === 'group_leakage')).toMatchObject({ count: 100 });
    expect(run.findings.some((f) => f.id === 'train_test_overlap')).toBe(false);

    // income moved by 60,000: it drifts, comes first, and both histograms share one set of edges.
    const income = run.distributions[0]!;
    expect(income).toMatchObject({ column: 'income', kind: 'numeric', drifted: true, fromSample: false });
    const incomes = [...trainRows, ...testRows].map((r) => r.income);
    expect(income.edges[0]).toBe(Math.min(...incomes));
    expect(income.edges.at(-1)).toBe(Math.max(...incomes));
    expect(income.reference.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(income.checked.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    const lowEdge = income.edges[0]!;
    const width = income.edges[1]! - lowEdge;
    const trainInFirstBin = trainRows.filter((r) => r.income < lowEdge + width).length;
    expect(income.reference[0]).toBeCloseTo(trainInFirstBin / 400, 12);
    expect(income.checked[0]).toBe(0);
    expect(run.distributions.map((d) => d.column)).not.toContain('customer_id');
    expect(run.drift!.columns.map((c) => c.column).sort()).toEqual(run.distributions.map((d) => d.column).sort());

    // The training file was read as the comparison: it has a profile and the run's verdict.
    const trainDetail = value<DatasetDetail>(await t.backend.dispatch('datasets.get', { id: trainDs.id }));
    expect(trainDetail).toMatchObject({ latestRunId: run.id, latestVerdict: run.verdict, latestRunRole: 'compared', status: 'ok', analysedAt: '2026-11-30T09:00:00.000Z' });
    expect(trainDetail.profile!.rows).toBe(400);
    expect(trainDetail.profile!.columns.map((c) => c.name)).toEqual(['customer_id', 'age', 'income', 'region', 'signup', 'churned']);
    const testDetail = value<DatasetDetail>(await t.backend.dispatch('datasets.get', { id: testDs.id }));
    expect(testDetail).toMatchObject({ latestRunId: run.id, latestVerdict: run.verdict, latestRunRole: 'checked' });
    expect(testDetail.profile!.rows).toBe(300);
    const list = value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }));
    expect(list.map((d) => [d.name, d.latestVerdict, d.latestRunRole])).toEqual([
      ['test.csv', run.verdict, 'checked'],
      ['train.csv', run.verdict, 'compared'],
    ]);

    // The HTML report says the same, by rows and by ids.
    const { html } = value<{ html: string }>(await t.backend.dispatch('checks.exportHtml', { runId: run.id }));
    expect(html).toContain('<h2>What the two files share</h2>');
    expect(html).toContain('0 of 300 rows of test.csv (0.0%) also appear whole in train.csv.');
    expect(html).toContain('100 rows (33.3%) have a customer_id that train.csv also has: 100 values in both files.');

    // A later check of the training file alone becomes its latest; the test file keeps the comparison.
    const alone = await runCheck(t.backend, { projectId, datasetId: trainDs.id });
    const aloneRun = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: alone.runId }));
    expect(aloneRun.overlap).toBeNull();
    expect(aloneRun.distributions).toEqual([]);
    expect(value<Dataset>(await t.backend.dispatch('datasets.get', { id: trainDs.id }))).toMatchObject({ latestRunId: aloneRun.id, latestRunRole: 'checked', latestVerdict: aloneRun.verdict });
    expect(value<Dataset>(await t.backend.dispatch('datasets.get', { id: testDs.id }))).toMatchObject({ latestRunId: run.id, latestRunRole: 'checked' });
  });

  it('reads runs stored before overlap and distributions were kept', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const { train, test } = trainTest(t.dir);
    const trainDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: train }));
    const testDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: test }));
    const task = await runCheck(t.backend, { projectId, datasetId: testDs.id, referenceDatasetId: trainDs.id });
    const db = t.backend.context.db;
    const row = db.prepare('SELECT result_json FROM check_runs WHERE id = ?').get(task.runId) as { result_json: string };
    const { overlap: _o, distributions: _d, ...older } = JSON.parse(row.result_json) as Record<string, unknown>;
    db.prepare('UPDATE check_runs SET result_json = ? WHERE id = ?').run(JSON.stringify(older), task.runId);
    const run = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }));
    expect(run.overlap).toBeNull();
    expect(run.distributions).toEqual([]);
  });

  it('saves the HTML report into a folder under a free name and says where it went', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'c.csv', customers(60)) }));
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    const folder = join(t.dir, 'reports');
    mkdirSync(folder);
    writeFileSync(join(folder, 'tally-check-c-2026-11-30.html'), 'mine');

    const saved = value<SavedReport>(await t.backend.dispatch('checks.saveHtml', { runId: task.runId, folder }));
    expect(saved).toMatchObject({ folder, fileName: 'tally-check-c-2026-11-30 (2).html', path: join(folder, 'tally-check-c-2026-11-30 (2).html') });
    const html = readFileSync(saved.path, 'utf8');
    expect(html).toBe(value<{ html: string }>(await t.backend.dispatch('checks.exportHtml', { runId: task.runId })).html);
    expect(saved.bytes).toBe(Buffer.byteLength(html));
    // The file that was already there is untouched.
    expect(readFileSync(join(folder, 'tally-check-c-2026-11-30.html'), 'utf8')).toBe('mine');

    const missing = await t.backend.dispatch('checks.saveHtml', { runId: task.runId, folder: join(t.dir, 'nowhere') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    expect(!missing.ok && missing.error.message).toContain(join(t.dir, 'nowhere'));
    const relative = await t.backend.dispatch('checks.saveHtml', { runId: task.runId, folder: 'reports' });
    expect(relative).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
