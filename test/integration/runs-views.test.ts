import { afterEach, describe, expect, it } from 'vitest';
import { testBackend } from '../support/temp';
import { call, seedProjectRuns } from '../support/seed-runs';

const T0 = Date.UTC(2026, 10, 1, 8);

describe('runs.keys and runs.series through the dispatcher and a real SQLite file', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('lists the keys of a project in the lifecycle view, without MLflow bookkeeping tags', async () => {
    t = testBackend();
    const { dispatch } = t.backend;
    const seeded = await seedProjectRuns(dispatch, {
      projectName: 'Keys',
      experimentName: 'keys-exp',
      runs: [
        { name: 'a', startTime: T0, params: { lr: '0.1', batch: '32' }, tags: { team: 'vision', 'mlflow.user': 'ana' }, metrics: { loss: [1, 0.5], acc: [0.5, 0.7] } },
        { name: 'b', startTime: T0, params: { optimizer: 'adam' }, metrics: { f1: [0.4] } },
      ],
    });
    expect(await call(dispatch, 'runs.keys', { projectId: seeded.projectId })).toEqual({ params: ['batch', 'lr', 'optimizer'], metrics: ['acc', 'f1', 'loss'], tags: ['team'] });
    await call(dispatch, 'runs.delete', { id: seeded.runIds[1]! });
    expect(await call(dispatch, 'runs.keys', { projectId: seeded.projectId })).toEqual({ params: ['batch', 'lr'], metrics: ['acc', 'loss'], tags: ['team'] });
    expect(await call(dispatch, 'runs.keys', { projectId: seeded.projectId, view: 'deleted' })).toEqual({ params: ['optimizer'], metrics: ['f1'], tags: [] });
    const missing = await dispatch('runs.keys', { projectId: 'nope' });
    expect(missing.ok ? null : missing.error.code).toBe('NOT_FOUND');
  });

  it('downsamples one run series into min/max buckets and counts NaN and infinities', async () => {
    t = testBackend();
    const { dispatch } = t.backend;
    // 10,000 points, value = step except a spike of 1e6 at step 4,321 and three non-finite values.
    const values = Array.from({ length: 10_000 }, (_, i) => i);
    values[4321] = 1e6;
    values[10] = Number.NaN;
    values[11] = Infinity;
    values[12] = -Infinity;
    const seeded = await seedProjectRuns(dispatch, { projectName: 'Series', experimentName: 'series-exp', runs: [{ name: 'long', startTime: T0, metrics: { loss: values, acc: [0.1, 0.2] } }] });
    const runId = seeded.runIds[0]!;
    const out = await call(dispatch, 'runs.series', { runId, keys: ['loss'], maxPoints: 10 });
    const s = out.metrics[0]!.series;
    expect(out.metrics.map((m) => m.key)).toEqual(['loss']);
    expect(s.totalPoints).toBe(10_000);
    expect(s.nonFinite).toBe(3);
    expect(s.steps).toHaveLength(10);
    // Bucket 4 spans steps 3,999.6 to 4,999.5: its max is the spike, its min the first step in it.
    expect(s.maxs[4]).toBe(1e6);
    expect(s.mins[4]).toBe(4000);
    expect(s.mins[0]).toBe(0);
    expect(s.maxs[9]).toBe(9999);
    const all = await call(dispatch, 'runs.series', { runId });
    expect(all.metrics.map((m) => m.key)).toEqual(['acc', 'loss']);
    expect(all.metrics[0]!.series).toMatchObject({ totalPoints: 2, nonFinite: 0, steps: [0, 1], values: [0.1, 0.2] });
  });

  it('gives the buckets runs.compare gives, for series logged in order, backwards and interleaved', async () => {
    t = testBackend();
    const { dispatch } = t.backend;
    const seeded = await seedProjectRuns(dispatch, { projectName: 'Orders', experimentName: 'orders', runs: [{ name: 'a', startTime: T0 }, { name: 'b', startTime: T0 }] });
    const [a, b] = seeded.runIds as [string, string];
    const value = (step: number) => Math.sin(step / 40) + (step % 997 === 0 ? 50 : 0);
    const batch = (runId: string, key: string, steps: number[]) => call(dispatch, 'runs.logBatch', { runId, metrics: steps.map((step) => ({ key, step, value: value(step), timestamp: T0 + step })) });
    const range = (from: number, to: number, by = 1) => Array.from({ length: Math.ceil((to - from) / by) }, (_, i) => from + i * by);
    for (const runId of [a, b]) {
      for (let i = 0; i < 6000; i += 1000) await batch(runId, 'forward', range(i, i + 1000));
      for (let i = 5000; i >= 0; i -= 1000) await batch(runId, 'backward', range(i, i + 1000));
      // Even steps first, then odd ones: every later segment overlaps an earlier one.
      for (const start of [0, 1]) for (let i = start; i < 6000; i += 2000) await batch(runId, 'interleaved', range(i, Math.min(6000, i + 2000), 2));
    }
    const keys = ['backward', 'forward', 'interleaved'];
    const compared = await call(dispatch, 'runs.compare', { runIds: [a, b], metricKeys: keys, maxPoints: 100 });
    const own = await call(dispatch, 'runs.series', { runId: a, keys, maxPoints: 100 });
    for (const [i, key] of keys.entries()) {
      expect(own.metrics[i]!.key).toBe(key);
      expect(own.metrics[i]!.series).toEqual(compared.metrics.find((m) => m.key === key)!.series[0]);
      expect(own.metrics[i]!.series.totalPoints).toBe(6000);
      // The spikes survive bucketing: the highest envelope is the highest value logged.
      expect(Math.max(...own.metrics[i]!.series.maxs)).toBe(Math.max(...range(0, 6000).map(value)));
    }
  });
});
