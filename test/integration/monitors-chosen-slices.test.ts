/**
 * Slice columns chosen when a monitor is created (`tally monitor create --slice COL`, the form's
 * picker through `monitors.sliceChoices`), through the real backend, SQLite file, worker process
 * and CLI: the chosen columns replace the reference evaluation's, every batch is sliced by them
 * only, and a column the reference lacks is refused by name with nothing stored.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EvaluationTaskState } from '../../shared/contract/evaluations';
import type { Monitor, MonitorDetail, MonitorSliceChoices } from '../../shared/contract/monitors';
import { formatValue } from '../../electron/backend/reports/metric-meanings';
import { monitoredRows, writePredictions, type MonitoredRow } from '../fixtures/predictions/generate';
import { runCli } from '../support/cli';
import { testBackend } from '../support/temp';
import { newProject, value } from './check-support';
import { runEvaluationTask } from './eval-support';

/** The evaluation the monitors start from breaks its results down by age only. */
const ROLES = { label: 'label', score: 'score', time: 'ts', slices: ['age'] };

async function evaluated(t: ReturnType<typeof testBackend>, rows = 3000) {
  const projectId = await newProject(t.backend);
  const reference = writePredictions(t.dir, 'reference.csv', monitoredRows(rows, { seed: 1, day: '2026-01-15' }));
  const evaluation = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path: reference, roles: ROLES, options: { bootstrapSamples: 0 } });
  return { projectId, reference, evaluationId: evaluation.evaluationId! };
}

/** F1 at the 0.5 threshold, counted by hand. */
function f1(group: MonitoredRow[]): number {
  const tp = group.filter((r) => r.label === 1 && r.score >= 0.5).length;
  const fp = group.filter((r) => r.label === 0 && r.score >= 0.5).length;
  const fn = group.filter((r) => r.label === 1 && r.score < 0.5).length;
  return (2 * tp) / (2 * tp + fp + fn);
}

function monitorCount(dir: string): number {
  const db = new Database(join(dir, 'tally.db'), { readonly: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM monitors').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

describe('monitors follow the slice columns chosen when they are created', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('tally monitor create --slice region: every batch is sliced by region only, the blurred group falls behind, status says what it follows', async () => {
    t = testBackend();
    const { projectId, evaluationId } = await evaluated(t, 4000);
    const rows = monitoredRows(4000, { seed: 7, day: '2026-04-01', weak: { region: 'west', noise: 0.75 } });
    const april = writePredictions(t.dir, 'april.csv', rows);
    t.backend.close();

    const created = await runCli(['monitor', 'create', '--project', projectId, '--name', 'Churn by region', '--reference-evaluation', evaluationId, '--slice', 'region', '--json', '--data-dir', t.dir]);
    expect(created.code).toBe(0);
    const monitor = JSON.parse(created.stdout) as Monitor;
    // The chosen column replaces the evaluation's (age); the other roles come from the evaluation.
    expect(monitor.roles).toEqual({ label: 'label', score: 'score', time: 'ts', slices: ['region'] });

    const added = await runCli(['monitor', 'add-batch', monitor.id, april, '--json', '--data-dir', t.dir]);
    expect(added.code).toBe(1);
    const d = (JSON.parse(added.stdout) as { monitor: MonitorDetail }).monitor;
    const b = d.batches[0]!;
    expect(b.slicesReason).toBeNull();
    expect(b.slices.map((s) => s.label)).toEqual(['region = east', 'region = north', 'region = south', 'region = west']);
    for (const s of b.slices) {
      const group = rows.filter((r) => r.region === s.value);
      expect(s.n).toBe(group.length);
      expect(s.share).toBeCloseTo(group.length / rows.length, 12);
      expect(s.metrics.f1).toBeCloseTo(f1(group), 12);
      expect(s.reference).not.toBeNull();
    }
    const west = b.slices.find((s) => s.value === 'west')!;
    expect(b.slices.filter((s) => s.fellBehind).map((s) => s.label)).toEqual(['region = west']);
    const [before, now] = [formatValue(west.reference!.metrics.f1!), formatValue(west.metrics.f1!)];
    expect(b.alerts.filter((a) => / on (region|age) /.test(a))).toEqual([`F1 on region = west dropped from ${before} to ${now}.`]);

    const status = await runCli(['monitor', 'status', monitor.id, '--data-dir', t.dir]);
    expect(status.code).toBe(0);
    expect(status.stdout.split('\n')[1]).toBe('Follows the groups of region.');
    expect(status.stdout).toMatch(new RegExp(`region = west\\s+${west.n.toLocaleString('en-US')}\\s+\\d+% -> \\d+%\\s+${before} -> ${now}\\s+fell behind`));
    expect(status.stdout).not.toMatch(/^age /m);
    const json = JSON.parse((await runCli(['monitor', 'status', monitor.id, '--json', '--data-dir', t.dir])).stdout) as MonitorDetail;
    expect(json.roles?.slices).toEqual(['region']);
    expect(json.batches[0]!.slices.map((s) => s.column)).toEqual(['region', 'region', 'region', 'region']);
  });

  it('a column the reference lacks exits 2 naming it and the columns there are; a data file without roles cannot follow groups; nothing is stored', async () => {
    t = testBackend();
    const { projectId, reference, evaluationId } = await evaluated(t, 500);
    const dataset = value<{ id: string }>(await t.backend.dispatch('datasets.register', { projectId, path: reference }));
    t.backend.close();

    const typo = await runCli(['monitor', 'create', '--project', projectId, '--name', 'Typo', '--reference-evaluation', evaluationId, '--slice', 'region', '--slice', 'regoin', '--data-dir', t.dir]);
    expect(typo.code).toBe(2);
    expect(typo.stdout).toBe('');
    expect(typo.stderr).toContain('The reference reference.csv has no column "regoin" to follow groups by; its columns are "ts", "age", "income", "region", "label", "score".');

    const drift = await runCli(['monitor', 'create', '--project', projectId, '--name', 'Inputs', '--reference-dataset', dataset.id, '--slice', 'region', '--data-dir', t.dir]);
    expect(drift.code).toBe(2);
    expect(drift.stderr).toContain('the data file reference.csv comes without its label and model output columns: follow groups with an evaluation as the reference');

    const blank = await runCli(['monitor', 'create', '--project', projectId, '--name', 'Blank', '--reference-evaluation', evaluationId, '--slice', ' ', '--data-dir', t.dir]);
    expect(blank.code).toBe(2);
    expect(blank.stderr).toContain('Choose a column');

    expect(monitorCount(t.dir)).toBe(0);
    const list = await runCli(['monitor', 'list', '--project', projectId, '--json', '--data-dir', t.dir]);
    expect(JSON.parse(list.stdout)).toEqual([]);
  });

  it('sliceChoices offers the reference\'s columns but the label and output, with the suggested ones and what the evaluation follows; [] follows none; a column named twice is followed once', async () => {
    t = testBackend();
    const { projectId, reference, evaluationId } = await evaluated(t);
    const choices = value<MonitorSliceChoices>(await t.backend.dispatch('monitors.sliceChoices', { reference: { kind: 'evaluation', evaluationId } }));
    expect(choices).toEqual({
      columns: [
        { name: 'age', suggested: 'a numeric column with a group-like name (binned into ranges)' },
        { name: 'income', suggested: null },
        { name: 'region', suggested: '4 different values in the first 1000 rows' },
      ],
      followed: ['age'],
      note: null,
    });
    const dataset = value<{ id: string; name: string }>(await t.backend.dispatch('datasets.register', { projectId, path: reference }));
    const drift = value<MonitorSliceChoices>(await t.backend.dispatch('monitors.sliceChoices', { reference: { kind: 'dataset', datasetId: dataset.id } }));
    expect(drift).toMatchObject({ columns: [], followed: [] });
    expect(drift.note).toBe(`${dataset.name} holds no answers of the model to judge, so a monitor on it follows the drift of its columns only. Choose an evaluation as the reference to follow groups.`);

    const none = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'No groups', reference: { kind: 'evaluation', evaluationId }, slices: [] }));
    expect(none.roles).toEqual({ label: 'label', score: 'score', time: 'ts' });
    const spelled = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'Two', reference: { kind: 'evaluation', evaluationId }, slices: ['region', 'income', 'region'] }));
    expect(spelled.roles?.slices).toEqual(['region', 'income']);
    const kept = value<Monitor>(await t.backend.dispatch('monitors.create', { projectId, name: 'As evaluated', reference: { kind: 'evaluation', evaluationId } }));
    expect(kept.roles?.slices).toEqual(['age']);
    const bad = await t.backend.dispatch('monitors.create', { projectId, name: 'Bad', reference: { kind: 'dataset', datasetId: dataset.id }, roles: { label: 'label', score: 'score', slices: ['segment'] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: expect.stringContaining('has no column "segment" to follow groups by') } });
    expect(value<Monitor[]>(await t.backend.dispatch('monitors.list', { projectId })).map((m) => m.name)).toEqual(['As evaluated', 'Two', 'No groups']);
  });
});
