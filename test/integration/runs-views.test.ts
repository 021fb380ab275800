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
});
