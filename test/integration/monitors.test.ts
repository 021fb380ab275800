/**
 * Monitors through the real backend and the worker process: batches compared with an evaluation's
 * file (drift per column with the Check engine's tests and PSI bands, prediction drift, metrics
 * when labels are present), alerts in plain words, a folder rescan that adds only new files, and
 * the CLI's add-batch / status with their exit codes.
 */
import { mkdirSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { EvaluationTaskState } from '../../shared/contract/evaluations';
import type { EvaluationResult } from '../../shared/contract/evaluation-result';
import { readableQuantileBins } from '../../shared/evaluation/slices';
import { formatValue } from '../../electron/backend/reports/metric-meanings';
import type { Monitor, MonitorDetail, MonitorTaskState } from '../../shared/contract/monitors';
import { monitoredRows, writePredictions, type MonitoredRow } from '../fixtures/predictions/generate';
import { runCli } from '../support/cli';
import { testBackend } from '../support/temp';
import { newProject, value } from './check-support';
import { runEvaluationTask, runTask, waitForTask } from './eval-support';

const ROLES = { label: 'label', score: 'score', time: 'ts' };

async function setUp(t: ReturnType<typeof testBackend>) {
  const projectId = await newProject(t.backend);
  const reference = writePredictions(t.dir, 'reference.csv', monitoredRows(3000, { seed: 1, day: '2026-01-15' }));
  const evaluation = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path: reference, roles: ROLES, options: { bootstrapSamples: 0 } });
  const monitor = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'Churn model', reference: { kind: 'evaluation', evaluationId: evaluation.evaluationId } }));
  return { projectId, monitor, reference };
}

const addBatch = (t: ReturnType<typeof testBackend>, monitorId: string, path: string) =>
  runTask<MonitorTaskState>(t.backend, { name: 'monitors.addBatch', input: { monitorId, path } }, 'monitors.status');

describe('monitors', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('a batch like the reference raises no alert; a shifted, degraded batch names the drifted column and the metric drop', async () => {
    t = testBackend();
    const { monitor } = await setUp(t);
    expect(monitor).toMatchObject({ roles: ROLES, thresholds: { psi: 0.25, driftShare: 0.5, metricDrop: 0.05 }, batchCount: 0, alert: false });
    const calm = writePredictions(t.dir, 'march.csv', monitoredRows(3000, { seed: 2, day: '2026-03-01' }));
    const shifted = writePredictions(t.dir, 'april.csv', monitoredRows(3000, { seed: 3, day: '2026-04-01', older: 25, noise: 0.55 }));
    expect((await addBatch(t, monitor.id, calm)).state).toBe('succeeded');
    const task = await addBatch(t, monitor.id, shifted);
    expect(task).toMatchObject({ state: 'succeeded', error: null });
    expect(task.batchIds).toHaveLength(1);

    const d = value<MonitorDetail>(await t.backend.dispatch('monitors.get', { id: monitor.id }));
    expect(d.batches.map((b) => b.fileName)).toEqual(['march.csv', 'april.csv']);
    const [first, second] = d.batches;
    expect(first!.alerts).toEqual([]);
    expect(first!.periodStart).toBe('2026-03-01T00:00:00.000Z');
    expect(first!.metrics!.f1).toBeCloseTo(d.referenceMetrics!.f1!, 1);
    const age = second!.drift.columns.find((c) => c.column === 'age')!;
    expect(age.psiBand).toBe('major');
    expect(second!.predictionDrift.map((c) => c.column)).toEqual(['score']);
    expect(second!.alerts[0]).toMatch(/^age shifted: PSI [\d.]+, a major change from the reference\.$/);
    expect(second!.alerts.some((a) => /^F1 dropped from [\d.]+ to [\d.]+\.$/.test(a))).toBe(true);
    expect(second!.metrics!.f1!).toBeLessThan(d.referenceMetrics!.f1! - 0.05);
    expect(d.headlineMetric).toBe('f1');
    expect(d.alert).toBe(true);
    expect(d.summary).toMatch(/^Since 2026-03-01, over 2 batches, 1 of 2 batches raised alerts: the latest batch differs from the reference in age \(PSI [\d.]+\).*; F1 is [\d.]+ against [\d.]+ in the reference\.$/);
  });

  it('the same content twice is a CONFLICT; a batch without labels keeps its drift and says why there are no metrics', async () => {
    t = testBackend();
    const { monitor } = await setUp(t);
    const march = writePredictions(t.dir, 'march.csv', monitoredRows(1500, { seed: 2, day: '2026-03-01' }));
    await addBatch(t, monitor.id, march);
    const again = await addBatch(t, monitor.id, march);
    expect(again).toMatchObject({ state: 'failed', error: { code: 'CONFLICT', message: 'march.csv is already a batch of this monitor (the same content).' } });
    const unlabeled = writePredictions(t.dir, 'no-labels.csv', monitoredRows(1500, { seed: 4, day: '2026-03-02' }).map(({ label: _label, ...rest }) => rest));
    expect((await addBatch(t, monitor.id, unlabeled)).state).toBe('succeeded');
    const d = value<MonitorDetail>(await t.backend.dispatch('monitors.get', { id: monitor.id }));
    expect(d.batches).toHaveLength(2);
    expect(d.batches[1]).toMatchObject({ metrics: null, metricsReason: 'The batch has no label column "label", so only drift is measured.' });
    expect(d.batches[1]!.drift.columns.length).toBeGreaterThan(0);
  });

  it('rescan adds the folder\'s new files oldest first, then nothing; the reference file is never a batch', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const folder = join(t.dir, 'daily');
    mkdirSync(folder);
    const reference = writePredictions(folder, 'reference.csv', monitoredRows(1000, { seed: 1, day: '2026-01-15' }));
    const ds = value<{ id: string }>(await t.backend.dispatch('datasets.register', { projectId, path: reference }));
    const m = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'Inputs', reference: { kind: 'dataset', datasetId: ds.id }, folder }));
    const b = writePredictions(folder, 'b.csv', monitoredRows(1000, { seed: 5, day: '2026-02-02' }));
    const a = writePredictions(folder, 'a.csv', monitoredRows(1000, { seed: 6, day: '2026-02-01' }));
    utimesSync(a, new Date('2026-02-01T12:00:00Z'), new Date('2026-02-01T12:00:00Z'));
    utimesSync(b, new Date('2026-02-02T12:00:00Z'), new Date('2026-02-02T12:00:00Z'));
    const rescan = value<{ taskId: string; files: string[] }>(await t.backend.dispatch('monitors.rescan', { monitorId: m.id }));
    expect(rescan.files).toEqual([a, b]);
    const task = await waitForTask<MonitorTaskState>(t.backend, rescan.taskId, 'monitors.status');
    expect(task).toMatchObject({ state: 'succeeded' });
    expect(task.batchIds).toHaveLength(2);
    const d = value<MonitorDetail>(await t.backend.dispatch('monitors.get', { id: m.id }));
    expect(d.batches.map((x) => x.fileName)).toEqual(['a.csv', 'b.csv']);
    expect(d.batches[0]!.metricsReason).toBe('The monitor has no label and model output columns, so only drift is measured.');
    expect(value<{ taskId: string | null; files: string[] }>(await t.backend.dispatch('monitors.rescan', { monitorId: m.id }))).toEqual({ taskId: null, files: [] });
  });

  it('tally monitor add-batch exits 1 on an alert and status --json gives the timeline', async () => {
    t = testBackend();
    const { monitor, projectId } = await setUp(t);
    const shifted = writePredictions(t.dir, 'april.csv', monitoredRows(2000, { seed: 3, day: '2026-04-01', older: 25, noise: 0.55 }));
    t.backend.close();
    const added = await runCli(['monitor', 'add-batch', monitor.id, shifted, '--data-dir', t.dir]);
    expect(added.code).toBe(1);
    expect(added.stdout).toContain('Alerts in april.csv:');
    expect(added.stdout).toMatch(/ - age shifted: PSI [\d.]+, a major change from the reference\./);
    const status = await runCli(['monitor', 'status', monitor.id, '--json', '--data-dir', t.dir]);
    expect(status.code).toBe(0);
    const d = JSON.parse(status.stdout) as MonitorDetail;
    expect(d.batches).toHaveLength(1);
    expect(d.batches[0]!.alerts.length).toBeGreaterThan(0);
    const list = await runCli(['monitor', 'list', '--project', projectId, '--data-dir', t.dir]);
    expect(list.stdout).toMatch(/Churn model\s+reference\s+1\s+alert/);
    const missing = await runCli(['monitor', 'add-batch', monitor.id, join(t.dir, 'nope.csv'), '--data-dir', t.dir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('There is no file at');
  });

  it('follows each slice against the same slice of the reference: numeric columns cut at the reference\'s bins, the weak group named in an alert and the summary', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const roles = { ...ROLES, slices: ['region', 'age'] };
    const referenceRows = monitoredRows(4000, { seed: 1, day: '2026-01-15' });
    const reference = writePredictions(t.dir, 'reference.csv', referenceRows);
    const evaluation = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path: reference, roles, options: { bootstrapSamples: 0 } });
    const stored = value<{ result: EvaluationResult }>(await t.backend.dispatch('evaluations.get', { id: evaluation.evaluationId }));
    const monitor = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'Churn by group', reference: { kind: 'evaluation', evaluationId: evaluation.evaluationId } }));
    expect(monitor.roles?.slices).toEqual(['region', 'age']);
    // An older population (its own age quartiles differ) whose scores are blurred in the west only.
    const rows = monitoredRows(4000, { seed: 7, day: '2026-04-01', older: 10, weak: { region: 'west', noise: 0.75 } });
    const april = writePredictions(t.dir, 'april.csv', rows);
    expect((await addBatch(t, monitor.id, april)).state).toBe('succeeded');
    const d = value<MonitorDetail>(await t.backend.dispatch('monitors.get', { id: monitor.id }));
    const b = d.batches[0]!;
    expect(b.slicesReason).toBeNull();

    // The reference side of every slice is the stored evaluation's slice (same file, same code).
    for (const s of b.slices.filter((x) => x.reference !== null)) {
      const same = stored.result.slices.find((r) => r.column === s.column && r.value === s.value)!;
      expect({ ...s.reference, ci: undefined }).toEqual({ n: same.n, share: same.n / stored.result.n, metrics: same.metrics, ci: undefined });
      expect(s.reference!.ci.f1!.method).toBe('bootstrap');
    }
    // Numeric slices are the reference's quartile bins, applied to the batch's ages.
    const bins = readableQuantileBins(Float64Array.from(referenceRows, (r) => r.age).sort(), 4);
    const ageSlices = b.slices.filter((s) => s.column === 'age');
    expect(ageSlices.map((s) => s.value)).toEqual(bins.labels);
    expect(ageSlices.every((s) => s.reference !== null)).toBe(true);
    const binOf = (age: number) => bins.edges.filter((e) => age >= e).length;
    expect(ageSlices.map((s) => s.n)).toEqual(bins.labels.map((_, k) => rows.filter((r) => binOf(r.age) === k).length));
    expect(ageSlices.map((s) => s.label)).toEqual(bins.labels.map((l) => `age ${l}`));

    // Each region's F1 and share, counted by hand from the batch's rows.
    const f1 = (group: MonitoredRow[]) => {
      const tp = group.filter((r) => r.label === 1 && r.score >= 0.5).length;
      const fp = group.filter((r) => r.label === 0 && r.score >= 0.5).length;
      const fn = group.filter((r) => r.label === 1 && r.score < 0.5).length;
      return (2 * tp) / (2 * tp + fp + fn);
    };
    for (const region of ['north', 'south', 'east', 'west']) {
      const s = b.slices.find((x) => x.column === 'region' && x.value === region)!;
      const group = rows.filter((r) => r.region === region);
      expect(s).toMatchObject({ label: `region = ${region}`, n: group.length, tooSmall: false });
      expect(s.share).toBeCloseTo(group.length / rows.length, 12);
      expect(s.metrics.f1).toBeCloseTo(f1(group), 12);
    }

    // Only the blurred group raises a slice alert, and the summary names it.
    const west = b.slices.find((x) => x.value === 'west')!;
    expect(west.metrics.f1!).toBeLessThan(west.reference!.metrics.f1! - 0.1);
    const sliceAlerts = b.alerts.filter((a) => / on (region|age) /.test(a));
    const [before, now] = [formatValue(west.reference!.metrics.f1!), formatValue(west.metrics.f1!)];
    expect(sliceAlerts).toEqual([`F1 on region = west dropped from ${before} to ${now}.`]);
    expect(b.slices.filter((x) => x.fellBehind).map((x) => x.label)).toEqual(['region = west']);
    expect(d.summary).toContain(`F1 on region = west went from ${before} in the reference to ${now}`);

    // tally monitor status prints the groups; an older Tally's stored batch (no slices) still reads.
    t.backend.close();
    const status = await runCli(['monitor', 'status', monitor.id, '--data-dir', t.dir]);
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('Groups in april.csv, against the same groups of the reference:');
    expect(status.stdout).toMatch(new RegExp(`region = west\\s+${west.n.toLocaleString('en-US')}\\s+\\d+% -> \\d+%\\s+${before} -> ${now}`));
    const db = new Database(join(t.dir, 'tally.db'));
    try {
      const row = db.prepare('SELECT drift_json FROM monitor_batches WHERE id = ?').get(b.id) as { drift_json: string };
      const { slices: _slices, slicesReason: _reason, ...older } = JSON.parse(row.drift_json) as Record<string, unknown>;
      db.prepare('UPDATE monitor_batches SET drift_json = ? WHERE id = ?').run(JSON.stringify(older), b.id);
    } finally {
      db.close();
    }
    const old = await runCli(['monitor', 'status', monitor.id, '--json', '--data-dir', t.dir]);
    expect(old.code).toBe(0);
    expect((JSON.parse(old.stdout) as MonitorDetail).batches[0]).toMatchObject({ slices: [], slicesReason: null, alerts: b.alerts });
  });

  it('a dataset reference with labels gives its slices too; one without says why the slices are not compared', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const roles = { label: 'label', score: 'score', slices: ['region'] };
    const labelledRows = monitoredRows(1500, { seed: 1, day: '2026-01-15' });
    const labelled = writePredictions(t.dir, 'labelled.csv', labelledRows);
    const unlabelled = writePredictions(t.dir, 'inputs.csv', monitoredRows(1500, { seed: 1, day: '2026-01-15' }).map(({ label: _l, ...rest }) => rest));
    const batch = writePredictions(t.dir, 'may.csv', monitoredRows(1500, { seed: 9, day: '2026-05-01' }));
    const results: MonitorDetail[] = [];
    for (const file of [labelled, unlabelled]) {
      const ds = value<{ id: string }>(await t.backend.dispatch('datasets.register', { projectId, path: file }));
      const m = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: `On ${file}`, reference: { kind: 'dataset', datasetId: ds.id }, roles }));
      expect((await addBatch(t, m.id, batch)).state).toBe('succeeded');
      results.push(value<MonitorDetail>(await t.backend.dispatch('monitors.get', { id: m.id })));
    }
    const [withLabels, without] = results.map((r) => r.batches[0]!);
    expect(withLabels!.slices.map((s) => [s.value, s.reference !== null])).toEqual([['east', true], ['north', true], ['south', true], ['west', true]]);
    expect(withLabels!.slicesReason).toBeNull();
    // The labelled data file is the whole reference the batches are compared with.
    const tp = labelledRows.filter((r) => r.label === 1 && r.score >= 0.5).length;
    const flagged = labelledRows.filter((r) => r.score >= 0.5).length;
    const positives = labelledRows.filter((r) => r.label === 1).length;
    expect(withLabels!.referenceMetrics!.f1).toBeCloseTo((2 * tp) / (flagged + positives), 12);
    expect(results[0]!.referenceMetrics).toEqual(withLabels!.referenceMetrics);
    expect(without!.referenceMetrics).toBeNull();
    expect(without!.slices.every((s) => s.reference === null)).toBe(true);
    expect(without!.slices).toHaveLength(4);
    expect(without!.slicesReason).toMatch(/^The reference inputs\.csv could not be evaluated \(.*label.*\), so the slices are not compared with it\.$/);
  });
});
