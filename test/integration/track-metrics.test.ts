import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetricValue } from '../../shared/contract/runs';
import { appendMetricColumns } from '../../electron/backend/services/run-logging.service';
import { readMetricSeries } from '../../electron/backend/services/metric-history.service';
import { CHUNK_MAX, DIRECT_CHUNK_MIN, FOLD_AT } from '../../electron/backend/services/metric-store';
import { T0, trackBackend, type TrackBackend } from './track-support';

type P = { step: number; timestamp: number; value: MetricValue };

describe('metric history: chunks, folding, duplicates, paging', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  async function newRun() {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id);
    return t.run(e.id);
  }
  const count = (table: string, runId: string, key: string) => {
    const db = new Database(join(t.dir, 'tally.db'), { readonly: true });
    const n = (db.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE run_id = ? AND key = ?`).get(runId, key) as { n: number }).n;
    db.close();
    return n;
  };
  async function history(runId: string, key: string, maxResults = 1_000_000): Promise<P[]> {
    const out: P[] = [];
    let pageToken: string | undefined;
    do {
      const page = await t.ok('runs.metricHistory', { runId, key, maxResults, ...(pageToken ? { pageToken } : {}) });
      out.push(...page.points!);
      pageToken = page.nextPageToken ?? undefined;
    } while (pageToken);
    return out;
  }

  it('folds one-at-a-time points into chunks, seals a big batch directly, and reads it all back exactly (NaN and Infinity too)', async () => {
    const r = await newRun();
    const special: MetricValue[] = ['NaN', 'Infinity', '-Infinity', -0.5, 1e-300];
    const expected: P[] = [];
    // 2,500 points logged one per request: hot segments folded every FOLD_AT points.
    for (let i = 0; i < 2500; i++) {
      const p: P = { step: i, timestamp: T0 + i, value: i % 97 === 0 ? special[(i / 97) % special.length]! : Math.sin(i) };
      expected.push(p);
      if (i % 2 === 0) await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'loss', ...p }] });
      else await Promise.all([t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'loss', ...p }] })]);
    }
    expect(count('metric_chunks', r.id, 'loss')).toBe(2);
    expect(count('metric_hot', r.id, 'loss')).toBe(2500 - 2 * FOLD_AT);
    // Then 1000-point batches (MLflow's largest), each sealed as its own chunk.
    for (let b = 0; b < 5; b++) {
      const batch: P[] = Array.from({ length: 1000 }, (_, k) => ({ step: 2500 + b * 1000 + k, timestamp: T0 + 2500 + b * 1000 + k, value: k === 500 ? 'NaN' : b * 1000 + k }));
      expected.push(...batch);
      await t.ok('runs.logBatch', { runId: r.id, metrics: batch.map((p) => ({ key: 'loss', ...p })) });
    }
    expect(count('metric_chunks', r.id, 'loss')).toBe(7);
    expect(await history(r.id, 'loss')).toEqual(expected);
    expect(await history(r.id, 'loss', 999)).toEqual(expected);
    const d = await t.ok('runs.get', { id: r.id });
    expect(d.latestMetrics).toEqual([{ key: 'loss', value: 4999, step: 7499, timestamp: T0 + 7499, points: 7500 }]);
    const cols = await t.ok('runs.metricHistory', { runId: r.id, key: 'loss', format: 'columns', maxResults: 3 });
    expect(cols.columns).toEqual({ steps: [0, 1, 2], timestamps: [T0, T0 + 1, T0 + 2], values: ['NaN', Math.sin(1), Math.sin(2)] });
  });

  it('does not store a point twice, as MLflow does not, so a retried batch adds nothing', async () => {
    const r = await newRun();
    const batch = Array.from({ length: 300 }, (_, i) => ({ key: 'acc', value: i === 7 ? 'NaN' : i / 300, timestamp: T0 + i, step: i }));
    expect(await t.ok('runs.logBatch', { runId: r.id, metrics: batch })).toEqual({ runId: r.id, metricsStored: 300, metricsDuplicate: 0 });
    expect(await t.ok('runs.logBatch', { runId: r.id, metrics: batch })).toEqual({ runId: r.id, metricsStored: 0, metricsDuplicate: 300 });
    // Within one batch too; the same step and time with another value is a different point.
    const again = await t.ok('runs.logBatch', { runId: r.id, metrics: [batch[5]!, { ...batch[5]!, value: 42 }, { ...batch[5]!, value: 42 }, { key: 'acc', value: 'NaN', timestamp: T0 + 7, step: 7 }] });
    expect(again).toEqual({ runId: r.id, metricsStored: 1, metricsDuplicate: 3 });
    const h = await history(r.id, 'acc');
    expect(h).toHaveLength(301);
    expect(h.slice(5, 7)).toEqual([{ step: 5, timestamp: T0 + 5, value: 5 / 300 }, { step: 5, timestamp: T0 + 5, value: 42 }]);
  });

  it('orders out-of-order logging by step then timestamp, and keeps MLflow\'s latest', async () => {
    const r = await newRun();
    const late = Array.from({ length: 400 }, (_, i) => ({ key: 'x', value: i, timestamp: T0 + 1000 + i, step: 100 + i }));
    const early = Array.from({ length: 50 }, (_, i) => ({ key: 'x', value: -i, timestamp: T0 + i, step: i * 2 }));
    await t.ok('runs.logBatch', { runId: r.id, metrics: late });
    await t.ok('runs.logBatch', { runId: r.id, metrics: early });
    await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'x', value: 7, timestamp: T0 - 5, step: 120 }] });
    const h = await history(r.id, 'x', 33);
    expect(h.map((p) => p.step)).toEqual([...early.map((p) => p.step), ...late.map((p) => p.step).flatMap((s) => (s === 120 ? [120, 120] : [s]))]);
    expect(h.find((p) => p.step === 120 && p.value === 7)).toEqual({ step: 120, timestamp: T0 - 5, value: 7 });
    expect(h.findIndex((p) => p.step === 120 && p.value === 7)).toBe(h.findIndex((p) => p.step === 120)); // earlier timestamp first
    // Latest is the highest step, then the highest timestamp; a later timestamp at a lower step does not win.
    await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'x', value: 99, timestamp: T0 + 999_999, step: 10 }] });
    expect((await t.ok('runs.get', { id: r.id })).metrics.x).toBe(399);
    await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'x', value: -1, timestamp: T0 + 1000 + 399, step: 499 }] });
    expect((await t.ok('runs.get', { id: r.id })).metrics.x).toBe(399); // same step and time: the larger value stays
    await t.ok('runs.logBatch', { runId: r.id, metrics: [{ key: 'x', value: 'NaN', timestamp: T0 + 5000, step: 499 }] });
    expect((await t.ok('runs.get', { id: r.id })).metrics.x).toBe('NaN');
  });

  it('splits a long series into chunks of at most CHUNK_MAX and pages it without reading it all', async () => {
    const r = await newRun();
    const n = 100_000;
    const steps = new Float64Array(n).map((_, i) => i);
    const timestamps = steps.map((s) => T0 + s);
    const values = steps.map((s) => Math.cos(s / 1000));
    expect(await appendMetricColumns(t.backend.context, r.id, 'long', { steps, timestamps, values })).toEqual({ stored: n, duplicates: 0 });
    expect(count('metric_chunks', r.id, 'long')).toBe(Math.ceil(n / CHUNK_MAX));
    const s = readMetricSeries(t.backend.context, r.id, 'long');
    expect(s.values).toEqual(values);
    const page = await t.ok('runs.metricHistory', { runId: r.id, key: 'long', maxResults: 5, pageToken: undefined });
    expect(page.total).toBe(n);
    const mid = await t.ok('runs.metricHistory', { runId: r.id, key: 'long', maxResults: 25_000 });
    const next = await t.ok('runs.metricHistory', { runId: r.id, key: 'long', maxResults: 25_000, pageToken: mid.nextPageToken });
    expect(next.points![0]).toEqual({ step: 25_000, timestamp: T0 + 25_000, value: Math.cos(25) });
    expect(await t.err('runs.metricHistory', { runId: r.id, key: 'other', pageToken: mid.nextPageToken })).toMatchObject({ code: 'INVALID_INPUT' });
    expect(DIRECT_CHUNK_MIN).toBeLessThan(FOLD_AT);
  });

  it('compares runs: params that differ and series downsampled with their min/max envelope', async () => {
    const a = await newRun();
    const e = a.experimentId;
    const b = await t.run(e);
    await t.ok('runs.logBatch', { runId: a.id, params: [{ key: 'lr', value: '0.1' }, { key: 'bs', value: '32' }] });
    await t.ok('runs.logBatch', { runId: b.id, params: [{ key: 'lr', value: '0.2' }, { key: 'bs', value: '32' }, { key: 'wd', value: '0' }] });
    const n = 200_000;
    const steps = new Float64Array(n).map((_, i) => i);
    const values = steps.map((s) => (s === 123_456 ? 50 : s === 7 ? Number.NaN : 1));
    await appendMetricColumns(t.backend.context, a.id, 'loss', { steps, timestamps: steps.map((s) => T0 + s), values });
    await t.ok('runs.logBatch', { runId: b.id, metrics: [{ key: 'loss', value: 2, timestamp: T0, step: 0 }, { key: 'loss', value: 1, timestamp: T0 + 1, step: 1 }] });
    const c = await t.ok('runs.compare', { runIds: [a.id, b.id], maxPoints: 1000 });
    expect(c.params).toEqual([
      { key: 'bs', values: ['32', '32'], differs: false },
      { key: 'lr', values: ['0.1', '0.2'], differs: true },
      { key: 'wd', values: [null, '0'], differs: true },
    ]);
    const [sa, sb] = c.metrics[0]!.series;
    expect(c.metrics[0]!.key).toBe('loss');
    expect(sa).toMatchObject({ runId: a.id, totalPoints: n, nonFinite: 1 });
    expect(sa!.steps.length).toBe(1000);
    expect(Math.max(...sa!.maxs)).toBe(50);
    const spike = sa!.maxs.indexOf(50);
    expect(sa!.mins[spike]).toBe(1);
    expect(sa!.values[spike]).toBeCloseTo((199 + 50) / 200, 12); // a bucket of 200 steps holds the spike
    expect(sb).toEqual({ runId: b.id, totalPoints: 2, nonFinite: 0, steps: [0, 1], values: [2, 1], mins: [2, 1], maxs: [2, 1] });
  });
});
