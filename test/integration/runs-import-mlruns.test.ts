import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunImportResult } from '../../shared/contract/runs-io';
import { tempDir } from '../support/temp';
import { experimentDir, writeExperiment, writeLongMetric, writeRun, type MlrunsExperiment } from '../support/mlruns-writer';
import { trackBackend, type TrackBackend } from './track-support';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const H = 3_600_000;
const id = (n: number) => n.toString(16).padStart(32, '0');
const A = id(0xa1);
const B = id(0xb2);
const BAD_META = id(0xc3);
const NO_META = id(0xd4);
const E = id(0xe5);
const F = id(0xf6);
const LONG = 100_000;

/**
 * The tree: Default (0, no runs), "vision" (1) with a good run (params, tags, a nested key, an
 * old two-field metric file and 100k points), a run whose val_loss file breaks on line 3, a run
 * with a broken meta.yaml and a run folder with no meta.yaml; "nlp" (2) with a FAILED run named
 * only by its tag; "old-exp" deleted into .trash (3) with a deleted run; models/ of the registry.
 */
function writeTree(root: string) {
  writeExperiment(root, { id: '0', name: 'Default', runs: [] });
  const vision: MlrunsExperiment = {
    id: '1',
    name: 'vision',
    tags: { 'tally.project': 'Imported vision', team: 'cv' },
    runs: [
      {
        id: A,
        name: 'resnet-a',
        startTime: T0,
        endTime: T0 + 2 * H,
        params: { lr: '0.01', batch: '64' },
        tags: { 'tally.hardware': 'h100-sxm', 'tally.devices': '8', 'mlflow.user': 'ana' },
        metrics: {
          loss: [
            [T0 + 1000, 0.9, 0],
            [T0 + 2000, 0.5, 1],
            [T0 + 3000, 0.25, 2],
          ],
          acc: [
            [T0 + 1000, 0.5],
            [T0 + 2000, 0.75],
          ],
          'system/gpu_0_power_usage_watts': [
            [T0, 600, 0],
            [T0 + 2 * H, 600, 1],
          ],
        },
      },
      {
        id: B,
        name: 'resnet-b',
        startTime: T0 + 3 * H,
        endTime: T0 + 4 * H,
        params: { lr: '0.1' },
        metrics: { loss: [[T0 + 3 * H, 1.5, 0]] },
        rawMetrics: { val_loss: `${T0} 0.8 0\n${T0 + 1} 0.7 1\nabc 1 x\n${T0 + 3} 0.6 3\n` },
      },
    ],
  };
  const visionDir = writeExperiment(root, vision);
  writeLongMetric(join(visionDir, A), 'step_loss', LONG, T0, (i) => 1 / (1 + i));
  const bad = writeRun(root, vision, { id: BAD_META, startTime: T0 });
  writeFileSync(join(bad, 'meta.yaml'), `artifact_uri: x\nexperiment_id: '1'\nrun_id: ${BAD_META}\nstatus: [3\nstart_time: 1\n`);
  mkdirSync(join(visionDir, NO_META, 'metrics'), { recursive: true });
  writeFileSync(join(visionDir, NO_META, 'metrics', 'loss'), `${T0} 1 0\n`);
  writeExperiment(root, { id: '2', name: 'nlp', runs: [{ id: E, status: 4, startTime: T0, endTime: T0 + H, tags: { 'mlflow.runName': 'bert-failed' }, params: { model: 'bert' } }] });
  writeExperiment(root, { id: '3', name: 'old-exp', trashed: true, runs: [{ id: F, name: 'old-run', lifecycle: 'deleted', deletedTime: T0 + 9 * H, startTime: T0, endTime: T0 + H, metrics: { loss: [[T0, 2, 0]] } }] });
  mkdirSync(join(root, 'models', 'my-model'), { recursive: true });
  return { visionDir };
}

describe('runs.import of an MLflow mlruns folder', () => {
  let tb: TrackBackend;
  let tmp: ReturnType<typeof tempDir>;
  afterEach(() => {
    tb?.cleanup();
    tmp?.cleanup();
  });

  it('imports experiments, runs, params, tags and metrics (nested keys, old lines, 100k points), lists what it skipped with path and line, and imports nothing twice', async () => {
    tb = trackBackend();
    tmp = tempDir('tally-mlruns-');
    const root = join(tmp.dir, 'mlruns');
    const { visionDir } = writeTree(root);

    const r: RunImportResult = await tb.ok('runs.import', { kind: 'mlruns', path: root, taskId: 'imp-1' });
    expect(r.runsCreated).toBe(4);
    expect(r.runsUpdated).toBe(0);
    // 3 loss + 2 acc + 2 power + 100k step_loss (A), 1 loss (B), 1 loss (F); val_loss none.
    expect(r.metricPoints).toBe(3 + 2 + 2 + LONG + 1 + 1);
    expect(r.experiments.map((e) => [e.name, e.projectName, e.created, e.runs])).toEqual([
      ['vision', 'Imported vision', true, 2],
      ['nlp', 'nlp', true, 1],
      ['old-exp', 'old-exp', true, 1],
    ]);
    // The YAML parser finds the unclosed [ of line 4 where the next key starts, on line 5.
    expect(r.skipped).toEqual([
      { what: 'metric', path: join(visionDir, B, 'metrics', 'val_loss'), line: 3, field: 'val_loss', reason: `"abc 1 x": the timestamp "abc" is not a whole number; none of this metric's points were imported` },
      { what: 'run', path: join(visionDir, BAD_META, 'meta.yaml'), line: 5, field: null, reason: expect.stringMatching(/^not valid YAML: .*; the run was not imported$/) },
      { what: 'run', path: join(visionDir, NO_META), line: null, field: null, reason: 'no meta.yaml in this run folder; MLflow cannot read it either' },
    ]);
    // Progress went out under the caller's task id, ending with the summary.
    const progress = tb.events.filter((e) => e.type === 'task.progress' && e.payload.taskId === 'imp-1');
    expect(progress.at(-1)?.payload).toMatchObject({ phase: 'done', message: '4 runs imported, 0 updated, 3 entries skipped' });

    const a = await tb.ok('runs.get', { id: A });
    expect(a).toMatchObject({ name: 'resnet-a', status: 'FINISHED', startTime: '2026-11-20T08:00:00.000Z', endTime: '2026-11-20T10:00:00.000Z', userId: 'ana', params: { lr: '0.01', batch: '64' }, hardwareId: 'h100-sxm', devices: 8 });
    expect(a.tags).toMatchObject({ 'mlflow.runName': 'resnet-a', 'mlflow.user': 'ana', 'tally.hardware': 'h100-sxm' });
    expect(Object.fromEntries(a.latestMetrics.map((m) => [m.key, [m.value, m.step, m.points]]))).toEqual({
      acc: [0.75, 0, 2],
      loss: [0.25, 2, 3],
      step_loss: [1 / LONG, LONG - 1, LONG],
      'system/gpu_0_power_usage_watts': [600, 1, 2],
    });
    // Priced from the catalog; energy measured from the GPU power metric: 600 W for 2 h = 1.2 kWh, x PUE 1.1.
    expect(a.cost.basis).toBe('catalog');
    expect(a.cost.costCents).toBeGreaterThan(0);
    expect(a.cost.energyBasis).toBe('system-metrics');
    expect(a.cost.energyKwh).toBeCloseTo(1.32, 6);
    const history = await tb.ok('runs.metricHistory', { runId: A, key: 'step_loss', maxResults: 3, format: 'columns' });
    expect(history).toMatchObject({ total: LONG, columns: { steps: [0, 1, 2], timestamps: [T0, T0 + 1, T0 + 2], values: [1, 0.5, 1 / 3] } });

    // The run with the broken metric file: imported, without any val_loss point.
    const b = await tb.ok('runs.get', { id: B });
    expect(b.latestMetrics.map((m) => m.key)).toEqual(['loss']);
    const e = await tb.ok('runs.get', { id: E });
    expect(e).toMatchObject({ name: 'bert-failed', status: 'FAILED', params: { model: 'bert' } });
    const f = await tb.ok('runs.get', { id: F });
    expect(f).toMatchObject({ name: 'old-run', lifecycleStage: 'deleted', deletedTime: new Date(T0 + 9 * H).toISOString() });
    const old = await tb.ok('experiments.get', { name: 'old-exp' });
    expect(old.lifecycleStage).toBe('deleted');
    const vision = await tb.ok('experiments.get', { name: 'vision' });
    expect(vision).toMatchObject({ tags: { team: 'cv', 'tally.project': 'Imported vision' }, artifactLocation: `file://${root}/1`, creationTime: '2024-11-30T07:00:00.000Z', runCount: 2 });
    expect((await tb.ok('experiments.list', { view: 'all' })).experiments.map((x) => x.name).sort()).toEqual(['nlp', 'old-exp', 'vision']);

    // Again: nothing new, every point recognised, the same skips.
    const again: RunImportResult = await tb.ok('runs.import', { kind: 'mlruns', path: root });
    expect(again).toMatchObject({ runsCreated: 0, runsUpdated: 4, metricPoints: 0, duplicatePoints: r.metricPoints });
    expect(again.experiments.every((x) => !x.created)).toBe(true);
    expect(again.skipped).toHaveLength(3);
    const after = await tb.ok('runs.get', { id: A });
    expect(after.latestMetrics.map((m) => m.points)).toEqual([2, 3, LONG, 2]);
    expect((await tb.ok('runs.list', { projectId: vision.projectId, view: 'all' })).total).toBe(2);

    // Fixing the file and importing once more brings val_loss in, whole.
    writeFileSync(join(visionDir, B, 'metrics', 'val_loss'), `${T0} 0.8 0\n${T0 + 1} 0.7 1\n${T0 + 2} 0.65 2\n${T0 + 3} 0.6 3\n`);
    const fixed: RunImportResult = await tb.ok('runs.import', { kind: 'mlruns', path: root });
    expect(fixed.metricPoints).toBe(4);
    expect((await tb.ok('runs.get', { id: B })).latestMetrics.find((m) => m.key === 'val_loss')).toMatchObject({ value: 0.6, step: 3, points: 4 });
  });

  it('puts every experiment in the chosen project and takes one experiment folder on its own', async () => {
    tb = trackBackend();
    tmp = tempDir('tally-mlruns-');
    const root = join(tmp.dir, 'mlruns');
    writeTree(root);
    const r: RunImportResult = await tb.ok('runs.import', { kind: 'mlruns', path: experimentDir(root, { id: '2' }), projectName: 'Lab' });
    expect(r).toMatchObject({ runsCreated: 1, skipped: [], experiments: [{ name: 'nlp', projectName: 'Lab', created: true, runs: 1 }] });
    const lab = (await tb.ok('projects.list', {})).find((p) => p.name === 'Lab')!;
    const all: RunImportResult = await tb.ok('runs.import', { kind: 'mlruns', path: root, projectId: lab.id });
    // nlp stays where it is (already there); the others are made in Lab.
    expect(all.experiments.map((e) => [e.name, e.projectName, e.created])).toEqual([
      ['vision', 'Lab', true],
      ['nlp', 'Lab', false],
      ['old-exp', 'Lab', true],
    ]);
  });

  it('refuses what is not an mlruns folder, naming it', async () => {
    tb = trackBackend();
    tmp = tempDir('tally-mlruns-');
    mkdirSync(join(tmp.dir, 'empty', 'sub'), { recursive: true });
    writeFileSync(join(tmp.dir, 'file.txt'), 'x');
    expect(await tb.err('runs.import', { kind: 'mlruns', path: join(tmp.dir, 'nope') })).toMatchObject({ code: 'FILE_NOT_FOUND', message: `There is no folder ${join(tmp.dir, 'nope')}.` });
    expect(await tb.err('runs.import', { kind: 'mlruns', path: join(tmp.dir, 'file.txt') })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(await tb.err('runs.import', { kind: 'mlruns', path: join(tmp.dir, 'empty') })).toMatchObject({
      code: 'INVALID_INPUT',
      message: `${join(tmp.dir, 'empty')} is not an MLflow mlruns folder: none of its folders holds an experiment's meta.yaml.`,
    });
    expect(await tb.err('runs.import', { kind: 'mlruns', path: 'relative/mlruns' })).toMatchObject({ code: 'INVALID_INPUT' });
  });
});
