import { appendFileSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CheckRun, CheckRunSummary } from '../../shared/contract/checks';
import type { Dataset, DatasetDetail } from '../../shared/contract/datasets';
import { customers, writeCsv } from '../fixtures/check/generate';
import { testBackend } from '../support/temp';
import { newProject, runCheck, value } from './check-support';

describe('check runs through the dispatcher', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('registers, checks, stores the run and reports it as the latest', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = writeCsv(t.dir, 'customers.csv', customers(400));
    const before = readFileSync(file);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file, role: 'training' }));
    expect(ds).toMatchObject({ name: 'customers.csv', format: 'csv', status: 'ok', sizeBytes: before.length, analysedAt: null, latestRunId: null });
    expect(ds.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(ds.schema.columns).toEqual([
      { name: 'customer_id', type: 'integer' },
      { name: 'age', type: 'integer' },
      { name: 'income', type: 'float' },
      { name: 'region', type: 'text' },
      { name: 'signup', type: 'datetime' },
      { name: 'churned', type: 'integer' },
    ]);

    const phases: string[] = [];
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id, target: 'churned', id: 'customer_id', time: 'signup' }, (p) => phases.push(p));
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    expect(phases[0]).toBe('hashing');
    expect(phases).toContain('reading');
    expect(phases.at(-1)).toBe('done');
    // A finished check reports every byte read (a throttled last message once left it at 50%).
    expect(task.totalBytes).toBeGreaterThan(0);
    expect(task.bytes).toBe(task.totalBytes);

    const run = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }));
    expect(run).toMatchObject({ projectId, datasetId: ds.id, datasetName: 'customers.csv', datasetHash: ds.hash, rows: 400, columns: 6 });
    expect(run.profile.rows).toBe(400);
    const age = run.profile.columns.find((c) => c.name === 'age')!;
    const ages = customers(400).map((r) => r.age);
    expect(age).toMatchObject({ type: 'integer', count: 400, missing: 0 });
    expect(age.numeric!.min).toBe(Math.min(...ages));
    expect(age.numeric!.max).toBe(Math.max(...ages));
    expect(age.numeric!.mean).toBeCloseTo(ages.reduce((s, a) => s + a, 0) / 400, 9);
    expect(run.counts.error + run.counts.warning + run.counts.info).toBe(run.findings.length);
    expect(run.verdict).toBe(run.counts.error > 0 ? 'fail' : run.counts.warning > 0 ? 'warn' : 'pass');
    expect(run.options).toMatchObject({ target: 'churned', id: 'customer_id', time: 'signup', failOn: 'error' });

    const latest = value<CheckRunSummary>(await t.backend.dispatch('checks.latest', { projectId }));
    expect(latest.id).toBe(task.runId);
    expect(value<CheckRunSummary[]>(await t.backend.dispatch('checks.list', { projectId })).map((r) => r.id)).toEqual([task.runId]);

    const detail = value<DatasetDetail>(await t.backend.dispatch('datasets.get', { id: ds.id }));
    expect(detail).toMatchObject({ status: 'ok', latestRunId: task.runId, latestVerdict: run.verdict, analysedAt: '2026-11-30T09:00:00.000Z' });
    expect(detail.schema.source).toBe('profile');
    expect(detail.profile!.columns.map((c) => c.name)).toEqual(['customer_id', 'age', 'income', 'region', 'signup', 'churned']);

    const project = value<{ contents: Array<{ kind: string; count: number }> }>(await t.backend.dispatch('projects.get', { id: projectId }));
    expect(project.contents).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'datasets', count: 1 }), expect.objectContaining({ kind: 'check_runs', count: 1 })]));
    const exported = value<{ html: string; fileName: string }>(await t.backend.dispatch('checks.exportHtml', { runId: task.runId }));
    expect(exported.fileName).toBe('tally-check-customers-2026-11-30.html');
    expect(exported.html).toContain(`<div class="banner ${run.verdict}">`);
    expect(exported.html).toContain(run.summary.replace(/"/g, '&quot;'));
    expect(exported.html).not.toMatch(/https?:\/\/|<script/i);
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('flags a file changed after its analysis, and a moved file as missing until relinked', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = writeCsv(t.dir, 'train.csv', customers(100));
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    expect((await runCheck(t.backend, { projectId, datasetId: ds.id })).state).toBe('succeeded');

    appendFileSync(file, '999,40,50000,north,2025-03-01,0\n');
    let list = value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }));
    expect(list.map((d) => d.status)).toEqual(['changed']);

    // Re-analysing makes the new content the baseline.
    expect((await runCheck(t.backend, { projectId, datasetId: ds.id })).state).toBe('succeeded');
    list = value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }));
    expect(list.map((d) => d.status)).toEqual(['ok']);

    const moved = join(t.dir, 'moved-train.csv');
    renameSync(file, moved);
    list = value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }));
    expect(list.map((d) => d.status)).toEqual(['missing']);
    const failed = await t.backend.dispatch('checks.start', { projectId, datasetId: ds.id });
    expect(failed).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });

    const relinked = value<Dataset>(await t.backend.dispatch('datasets.relink', { id: ds.id, path: moved }));
    expect(relinked).toMatchObject({ path: moved, name: 'moved-train.csv', status: 'ok' });

    // Relinking to a different file keeps the analysed fingerprint: the dataset reads as changed.
    const other = writeCsv(t.dir, 'other.csv', customers(50, { seed: 3 }));
    const wrong = value<Dataset>(await t.backend.dispatch('datasets.relink', { id: ds.id, path: other }));
    expect(wrong.status).toBe('changed');
  });

  it('re-registering a path returns the same dataset; a touched but unchanged file stays ok', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = writeCsv(t.dir, 'a.csv', customers(30));
    const first = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    writeFileSync(file, readFileSync(file)); // same bytes, new mtime
    const again = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file, role: 'test' }));
    expect(again).toMatchObject({ id: first.id, role: 'test', status: 'ok' });
    expect(value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }))).toHaveLength(1);
  });

  it('compares with a reference dataset and names the files by their roles', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const all = customers(600);
    const train = writeCsv(t.dir, 'train.csv', all.slice(0, 400));
    // The test split repeats 100 training rows: train_test_overlap must see them.
    const test = writeCsv(t.dir, 'test.csv', [...all.slice(400), ...all.slice(0, 100)]);
    const trainDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: train, role: 'training' }));
    const testDs = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: test, role: 'test' }));
    const task = await runCheck(t.backend, { projectId, datasetId: testDs.id, referenceDatasetId: trainDs.id, target: 'churned', failOn: 'warning' });
    expect(task.state, JSON.stringify(task.error)).toBe('succeeded');
    const run = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }));
    const overlap = run.findings.find((f) => f.id === 'train_test_overlap')!;
    expect(overlap).toMatchObject({ severity: 'error', count: 100 });
    expect(overlap.share).toBeCloseTo(100 / 300, 9);
    expect(overlap.message).toMatch(/test/);
    expect(run).toMatchObject({ verdict: 'fail', gateFailed: true, referenceDatasetId: trainDs.id, referenceName: 'train.csv' });
    expect(run.referenceProfile!.rows).toBe(400);
    expect(run.drift!.columns.length).toBeGreaterThan(0);
  });

  it('stores no personal data: a column the pii check flags keeps counts but no values', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = join(t.dir, 'people.csv');
    writeFileSync(file, `email,score\n${Array.from({ length: 120 }, (_, i) => `person${i}@example.com,${i % 7}`).join('\n')}\n`);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    const run = value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }));
    expect(run.findings.some((f) => f.id === 'pii' && f.column === 'email')).toBe(true);
    expect(run.profile.columns[0]).toMatchObject({ name: 'email', redacted: true, topValues: [], count: 120 });
    const stored = t.backend.context.db.prepare('SELECT result_json FROM check_runs').get() as { result_json: string };
    expect(stored.result_json).not.toContain('@example.com');
    expect(JSON.stringify(run)).not.toContain('@example.com');
  });

  it('flags same-size edits as changed (the hash decides when the modification time moved)', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = join(t.dir, 's.csv');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    writeFileSync(file, 'a,b\n1,2\n3,5\n');
    utimesSync(file, new Date('2030-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'));
    expect(value<Dataset>(await t.backend.dispatch('datasets.get', { id: ds.id })).status).toBe('changed');
    writeFileSync(file, 'a,b\n1,2\n3,4\n');
    utimesSync(file, new Date('2031-01-01T00:00:00Z'), new Date('2031-01-01T00:00:00Z'));
    expect(value<Dataset>(await t.backend.dispatch('datasets.get', { id: ds.id })).status).toBe('ok');
  });

  it('guesses the target, id and time columns for the wizard', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'c.csv', customers(50)) }));
    const g = value<{ target: Array<{ column: string }>; id: Array<{ column: string }>; time: Array<{ column: string }> }>(
      await t.backend.dispatch('datasets.guessColumns', { datasetId: ds.id }),
    );
    expect(g.target[0]!.column).toBe('churned');
    expect(g.id[0]!.column).toBe('customer_id');
    expect(g.time[0]!.column).toBe('signup');
  });

  it('removes a dataset without touching the file; its runs stay, naming the file', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const file = writeCsv(t.dir, 'r.csv', customers(40));
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
    const task = await runCheck(t.backend, { projectId, datasetId: ds.id });
    expect(value(await t.backend.dispatch('datasets.remove', { id: ds.id }))).toEqual({ id: ds.id });
    expect(value<Dataset[]>(await t.backend.dispatch('datasets.list', { projectId }))).toEqual([]);
    expect(value<CheckRun>(await t.backend.dispatch('checks.get', { runId: task.runId }))).toMatchObject({ datasetId: null, datasetName: 'r.csv' });
    expect(readFileSync(file, 'utf8').split('\n')[0]).toBe('customer_id,age,income,region,signup,churned');
  });
});
