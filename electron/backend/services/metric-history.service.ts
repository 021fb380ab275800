import type { z } from 'zod';
import type { MetricHistoryInput, RunCompareInput } from '../../../shared/contract/runs';
import { notFound } from '../../../shared/domain/errors';
import { downsampleSeries } from '../../../shared/track/downsample';
import { toWireValue } from '../../../shared/track/metric-value';
import type { BackendContext } from '../context';
import { metricKeysOfRuns } from '../db/repositories/metrics.repository';
import { paramsOfRuns } from '../db/repositories/run-data.repository';
import { getRuns } from '../db/repositories/runs.repository';
import { readSeries, readSeriesPage, type Points } from './metric-store';
import { encodePageToken, pageOffset } from './page-token';
import { mustGetRun } from './runs.service';
import { runRows } from './run-views';

/** Reading metric series: paged history (MLflow's get-history), whole series for charts, comparisons. */
type HistoryInput = z.output<typeof MetricHistoryInput>;

export function metricHistory(ctx: BackendContext, input: HistoryInput) {
  mustGetRun(ctx, input.runId, 'runId');
  const fingerprint = `${input.runId}\n${input.key}`;
  const offset = pageOffset(input.pageToken, fingerprint);
  const { points, total } = readSeriesPage(ctx.db, input.runId, input.key, offset, input.maxResults);
  const n = points.values.length;
  const nextPageToken = offset + n < total ? encodePageToken(offset + n, fingerprint) : null;
  const base = { runId: input.runId, key: input.key, total, nextPageToken };
  if (input.format === 'columns') {
    return { ...base, columns: { steps: Array.from(points.steps), timestamps: Array.from(points.timestamps), values: Array.from(points.values, toWireValue) } };
  }
  const list = new Array<{ step: number; timestamp: number; value: ReturnType<typeof toWireValue> }>(n);
  for (let i = 0; i < n; i++) list[i] = { step: points.steps[i]!, timestamp: points.timestamps[i]!, value: toWireValue(points.values[i]!) };
  return { ...base, points: list };
}

/** The whole series of one run and key as typed arrays, ordered by step then timestamp (charts, in-process callers). */
export function readMetricSeries(ctx: BackendContext, runId: string, key: string): Points {
  mustGetRun(ctx, runId, 'runId');
  return readSeries(ctx.db, runId, key);
}

/** 2-10 runs side by side: rows, the params that differ, and each metric downsampled for charts. */
export function compareRuns(ctx: BackendContext, input: z.output<typeof RunCompareInput>) {
  const ids = [...new Set(input.runIds)];
  const runs = getRuns(ctx.db, ids);
  const missing = ids.find((id) => !runs.some((r) => r.id === id));
  if (missing) throw notFound('run', missing, { field: 'runIds' });
  const params = paramsOfRuns(ctx.db, ids);
  const keys = [...new Set(ids.flatMap((id) => Object.keys(params.get(id) ?? {})))].sort();
  const paramRows = keys.map((key) => {
    const values = ids.map((id) => params.get(id)?.[key] ?? null);
    return { key, values, differs: new Set(values).size > 1 };
  });
  const metricKeys = input.metricKeys ?? metricKeysOfRuns(ctx.db, ids);
  const metrics = metricKeys.map((key) => ({
    key,
    series: ids.map((runId) => {
      const s = readSeries(ctx.db, runId, key);
      const d = downsampleSeries(s.steps, s.values, input.maxPoints);
      return { runId, totalPoints: s.values.length, nonFinite: d.nonFinite, steps: d.steps, values: d.values, mins: d.mins, maxs: d.maxs };
    }),
  }));
  return { runs: runRows(ctx, runs), params: paramRows, metrics };
}
