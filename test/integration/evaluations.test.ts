/**
 * Evaluations through the real backend: the dispatcher, the worker process and a real SQLite
 * file. Known answers come from an independent count over the generated rows.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract/events';
import type { Comparison, Evaluation, EvaluationSummary, EvaluationTaskState } from '../../shared/contract/evaluations';
import { setRunCostPort } from '../../electron/backend/services/run-cost-port';
import { binaryPredictions, writePredictions } from '../fixtures/predictions/generate';
import { testBackend } from '../support/temp';
import { newProject, value } from './check-support';
import { runEvaluationTask } from './eval-support';

function stored(t: ReturnType<typeof testBackend>): number {
  return (t.backend.context.db.prepare('SELECT COUNT(*) AS n FROM evaluations').get() as { n: number }).n;
}

/** Accuracy, precision and recall at 0.5 counted directly from the rows (the oracle). */
function counted(rows: ReturnType<typeof binaryPredictions>) {
  let tp = 0, fp = 0, tn = 0, fn = 0;
  for (const r of rows) {
    const pred = r.score >= 0.5 ? 1 : 0;
    if (r.label === 1 && pred === 1) tp++;
    else if (r.label === 1) fn++;
    else if (pred === 1) fp++;
    else tn++;
  }
  return { accuracy: (tp + tn) / rows.length, precision: tp / (tp + fp), recall: tp / (tp + fn), matrix: [[tn, fp], [fn, tp]] };
}

describe('evaluations', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('start stores a complete evaluation; list, rename, link and delete work and announce themselves', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const rows = binaryPredictions(3000);
    const path = writePredictions(t.dir, 'churn-preds.csv', rows);
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));
    const phases: string[] = [];
    const task = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score', slices: ['region'] } }, (phase) => phases.push(phase));
    expect(task).toMatchObject({ state: 'succeeded', error: null });
    expect(phases).toEqual(expect.arrayContaining(['hashing', 'reading', 'evaluating', 'saving', 'done']));
    const e = value<Evaluation>(await t.backend.dispatch('evaluations.get', { id: task.evaluationId }));
    const oracle = counted(rows);
    expect(e).toMatchObject({ name: 'churn-preds', fileName: 'churn-preds.csv', task: 'binary', rows: 3000, gateStatus: 'none', datasetId: null, runId: null });
    expect(e.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(e.result.metrics.accuracy).toBeCloseTo(oracle.accuracy, 12);
    expect(e.result.metrics.precision).toBeCloseTo(oracle.precision, 12);
    expect(e.result.metrics.recall).toBeCloseTo(oracle.recall, 12);
    expect(e.result.confusionMatrix).toEqual({ labels: ['0', '1'], matrix: oracle.matrix });
    expect(e.result.positiveLabel).toBe('1');
    expect(e.result.ci.accuracy!.low).toBeLessThanOrEqual(oracle.accuracy);
    expect(e.result.ci.accuracy!.high).toBeGreaterThanOrEqual(oracle.accuracy);
    expect(e.headline).toEqual({ accuracy: e.result.metrics.accuracy, f1: e.result.metrics.f1, rocAuc: e.result.metrics.rocAuc, averagePrecision: e.result.metrics.averagePrecision });

    const list = value<EvaluationSummary[]>(await t.backend.dispatch('evaluations.list', { projectId }));
    expect(list.map((x) => x.id)).toEqual([e.id]);
    // Lists carry the headline metrics' intervals (f1 and the ranking metrics by bootstrap, accuracy by Wilson).
    expect(Object.keys(list[0]!.headlineCi).sort()).toEqual(['accuracy', 'averagePrecision', 'f1', 'rocAuc']);
    expect(list[0]!.headlineCi.accuracy).toEqual(e.result.ci.accuracy);
    expect(e.headlineCi.f1).toEqual(e.result.ci.f1);
    expect(value<EvaluationSummary>(await t.backend.dispatch('evaluations.rename', { id: e.id, name: 'Churn v3' })).name).toBe('Churn v3');
    const dataset = value<{ id: string }>(await t.backend.dispatch('datasets.register', { projectId, path }));
    const linked = value<EvaluationSummary>(await t.backend.dispatch('evaluations.link', { id: e.id, runId: 'run-7', datasetId: dataset.id, inferenceCostPer1000Micros: 25_000 }));
    expect(linked).toMatchObject({ runId: 'run-7', datasetId: dataset.id, inferenceCostPer1000Micros: 25_000 });
    expect(value<EvaluationSummary>(await t.backend.dispatch('evaluations.link', { id: e.id, runId: null })).runId).toBeNull();
    expect(value(await t.backend.dispatch('evaluations.delete', { id: e.id }))).toEqual({ id: e.id });
    expect(stored(t)).toBe(0);
    const changes = events.filter((x) => x.type === 'evaluations.changed').map((x) => (x.type === 'evaluations.changed' ? x.payload.change : ''));
    expect(changes).toEqual(['created', 'updated', 'updated', 'updated', 'deleted']);
  });

  it('a dataset of another project cannot be linked, and an unknown evaluation is NOT_FOUND', async () => {
    t = testBackend();
    const a = await newProject(t.backend);
    const b = await newProject(t.backend);
    const path = writePredictions(t.dir, 'p.csv', binaryPredictions(50));
    const ds = value<{ id: string }>(await t.backend.dispatch('datasets.register', { projectId: b, path }));
    const r = await t.backend.dispatch('evaluations.start', { projectId: a, path, roles: { label: 'label', score: 'score' }, datasetId: ds.id });
    expect(r.ok ? null : r.error.code).toBe('NOT_FOUND');
    const missing = await t.backend.dispatch('evaluations.get', { id: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('cancel mid-read stores nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const path = writePredictions(t.dir, 'big.csv', binaryPredictions(400_000));
    let cancelled: Promise<unknown> | undefined;
    const task = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score' } }, (phase, taskId) => {
      if (phase === 'reading' && !cancelled) cancelled = t.backend.dispatch('evaluations.cancel', { taskId });
    });
    await cancelled;
    expect(task).toMatchObject({ state: 'cancelled', evaluationId: null, error: { code: 'CANCELLED' } });
    expect(stored(t)).toBe(0);
  });

  it('a crashed worker is WORKER_CRASHED with nothing stored, and the next evaluation succeeds', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const path = writePredictions(t.dir, 'p.csv', binaryPredictions(2000));
    const input = { projectId, path, roles: { label: 'label', score: 'score' } };
    process.env.TALLY_ANALYSIS_TEST_CRASH = 'exit';
    let task: EvaluationTaskState;
    try {
      task = await runEvaluationTask<EvaluationTaskState>(t.backend, input);
    } finally {
      delete process.env.TALLY_ANALYSIS_TEST_CRASH;
    }
    expect(task).toMatchObject({ state: 'failed', evaluationId: null, error: { code: 'WORKER_CRASHED' } });
    expect(task.error!.message).toMatch(/stopped unexpectedly/);
    expect(stored(t)).toBe(0);
    expect((await runEvaluationTask<EvaluationTaskState>(t.backend, input)).state).toBe('succeeded');
    expect(stored(t)).toBe(1);
  });

  it('a bad score fails with PARSE_ERROR naming the column and line, and stores nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const path = join(t.dir, 'bad.csv');
    writeFileSync(path, 'label,score\n1,0.9\n0,0.1\n1,high\n');
    const task = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score' } });
    expect(task.state).toBe('failed');
    expect(task.error).toEqual({
      code: 'PARSE_ERROR',
      message: 'bad.csv, line 4, column 3: column "score" holds "high", which is not a number; expected a probability between 0 and 1.',
      location: { file: path, line: 4, column: 3 },
    });
    expect(stored(t)).toBe(0);
  });

  it('compare: metrics side by side, costs from the linked runs plus inference, the Pareto front and one sentence', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const good = writePredictions(t.dir, 'big-model.csv', binaryPredictions(2000, 1));
    const noisy = binaryPredictions(2000, 1).map((r, i) => ({ ...r, score: i % 3 === 0 ? Math.round((1 - r.score) * 1e6) / 1e6 : r.score }));
    const cheap = writePredictions(t.dir, 'small-model.csv', noisy);
    const worst = writePredictions(t.dir, 'old-model.csv', binaryPredictions(2000, 1).map((r, i) => ({ ...r, score: i % 2 === 0 ? Math.round((1 - r.score) * 1e6) / 1e6 : r.score })));
    const ids: string[] = [];
    for (const path of [good, cheap, worst]) {
      const task = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score' }, options: { bootstrapSamples: 0 } });
      ids.push(task.evaluationId!);
    }
    const costs: Record<string, number> = { 'run-big': 90_000, 'run-small': 2_000, 'run-old': 5_000 };
    setRunCostPort(t.backend.context, { runCost: (id) => (id in costs ? { usdCents: costs[id]! } : null) });
    await t.backend.dispatch('evaluations.link', { id: ids[0], runId: 'run-big', inferenceCostPer1000Micros: 100_000 });
    await t.backend.dispatch('evaluations.link', { id: ids[1], runId: 'run-small', inferenceCostPer1000Micros: 10_000 });
    await t.backend.dispatch('evaluations.link', { id: ids[2], runId: 'run-old', inferenceCostPer1000Micros: 20_000 });
    const c = value<Comparison>(await t.backend.dispatch('evaluations.compare', { ids, metric: 'rocAuc', expectedPredictions: 1_000_000 }));
    expect(c.metric).toBe('rocAuc');
    expect(c.higherIsBetter).toBe(true);
    const [big, small, old] = c.points;
    // Training cents x 10,000 + per-1,000 micros x 1,000 (a million predictions).
    expect(big!.totalCostUsdMicros).toBe(90_000 * 10_000 + 100_000_000);
    expect(small!.totalCostUsdMicros).toBe(2_000 * 10_000 + 10_000_000);
    expect(old!.totalCostUsdMicros).toBe(5_000 * 10_000 + 20_000_000);
    expect(big!.value!).toBeGreaterThan(small!.value!);
    expect(small!.value!).toBeGreaterThan(old!.value!);
    expect(c.points.map((p) => p.paretoOptimal)).toEqual([true, true, false]);
    expect(c.sentence).toMatch(/^"small-model" reaches a ROC AUC of [\d.]+ for \$30\.00; "big-model" is [\d.]+ higher for \$970\.00 more \(with 1,000,000 predictions\)\. One other model costs more for less\.$/);
    const bad = await t.backend.dispatch('evaluations.compare', { ids: [ids[0], ids[0]] });
    expect(bad.ok ? null : bad.error.code).toBe('INVALID_INPUT');
    const unknownMetric = await t.backend.dispatch('evaluations.compare', { ids: [ids[0], ids[1]], metric: 'mae' });
    expect(unknownMetric.ok ? null : unknownMetric.error.message).toMatch(/"mae" is not a metric of every chosen evaluation; choose one of accuracy, /);
  });

  it('evaluations.threshold recomputes the threshold tool for other costs from the stored curve, as the core computes it from the file', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    // Scores on a grid of 500 values: the stored curve holds every distinct score, so the answer is exact.
    const rows = binaryPredictions(3000).map((r) => ({ ...r, score: Math.round(r.score * 500) / 500 }));
    const path = writePredictions(t.dir, 'grid.csv', rows);
    const costs = { falsePositiveMicros: 2_000_000, falseNegativeMicros: 15_000_000 };
    const withCosts = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score' }, options: { costs, bootstrapSamples: 0 } });
    const plain = await runEvaluationTask<EvaluationTaskState>(t.backend, { projectId, path, roles: { label: 'label', score: 'score' }, options: { bootstrapSamples: 0 } });
    const core = value<Evaluation>(await t.backend.dispatch('evaluations.get', { id: withCosts.evaluationId })).result.threshold!;
    const again = value<NonNullable<Evaluation['result']['threshold']>>(await t.backend.dispatch('evaluations.threshold', { id: plain.evaluationId, costs }));
    expect(again.best!.threshold).toBe(core.best!.threshold);
    expect(again.best!.costPer1000Micros).toBe(core.best!.costPer1000Micros);
    expect(again.atDefault.costPer1000Micros).toBe(core.atDefault.costPer1000Micros);
    expect(again.savingPer1000Micros).toBe(core.savingPer1000Micros);
    expect(again.message).toMatch(/^Flagging rows that score [\d.]+ or more is the cheapest choice at 2\.00 per false alarm and 15\.00 per missed case/);
    const html = value<{ html: string; fileName: string }>(await t.backend.dispatch('evaluations.exportHtml', { id: plain.evaluationId }));
    expect(html.fileName).toBe('tally-eval-grid-2026-11-30.html');
    expect(html.html).toContain('<title>Model evaluation: grid.csv</title>');
  });
});

