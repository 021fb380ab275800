import type { z } from 'zod';
import { isGpuPowerMetric } from '../../../shared/budget/power-energy';
import type { DatasetInput, LogBatchInput } from '../../../shared/contract/runs';
import { AppError } from '../../../shared/domain/errors';
import { fromWireValue, type WireMetricValue } from '../../../shared/track/metric-value';
import type { BackendContext } from '../context';
import { insertParams, paramsOf, tagsOf, upsertInputs } from '../db/repositories/run-data.repository';
import { appendPoints, type Points } from './metric-store';
import { checkBatchSize, checkMetrics, checkParams, checkTags, type Tag } from './run-checks';
import { affectsCost } from './run-compute-tags';
import { recomputeRunCosts } from './run-costs';
import { mustGetActiveRun } from './runs.service';
import { applyTags } from './run-tags';
import { noteRunsChanged } from './track-events';
import { groupWrite } from './write-queue';

/**
 * What tracking clients log: metrics, params, tags (in one batch, atomically) and dataset inputs.
 * Limits are checked before the write joins the shared group transaction; the checks that need
 * the database (the run is active, a param keeps its value) run inside it, in the write's own
 * savepoint, so one bad request never fails its neighbours.
 */
type BatchInput = z.output<typeof LogBatchInput>;
export interface WireMetric {
  key: string;
  value: WireMetricValue | number;
  timestamp: number;
  step?: number | undefined;
}

export interface LogBatchResult {
  runId: string;
  metricsStored: number;
  metricsDuplicate: number;
}

/**
 * Checks the points and lays them out per key as typed arrays in two passes, without an object
 * per point (a log-batch of 1,000 points is the hot path of every tracking client).
 */
function pointsByKey(metrics: ReadonlyArray<{ key: string; value: WireMetricValue | number; timestamp: number; step?: number | undefined }>): Map<string, Points> {
  const counts = new Map<string, number>();
  for (const m of metrics) {
    const n = counts.get(m.key);
    if (n === undefined) {
      checkMetrics([{ key: m.key, value: 0, timestamp: 0, step: 0 }]);
      counts.set(m.key, 1);
    } else counts.set(m.key, n + 1);
    const step = m.step ?? 0;
    const wire = typeof m.value === 'string' && (m.value === 'NaN' || m.value === 'Infinity' || m.value === '-Infinity');
    if (!Number.isSafeInteger(m.timestamp) || m.timestamp < 0 || !Number.isSafeInteger(step) || (typeof m.value !== 'number' && !wire)) {
      checkMetrics([{ key: m.key, value: (wire ? 0 : m.value) as number, timestamp: m.timestamp, step }]);
    }
  }
  const out = new Map<string, Points & { at: number }>();
  for (const [k, n] of counts) out.set(k, { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n), at: 0 });
  for (const m of metrics) {
    const p = out.get(m.key)!;
    p.steps[p.at] = m.step ?? 0;
    p.timestamps[p.at] = m.timestamp;
    p.values[p.at] = typeof m.value === 'number' ? m.value : fromWireValue(m.value);
    p.at += 1;
  }
  return out;
}

/** Params, tags and metrics of one run in one atomic write (MLflow's log-batch). */
export function logBatch(ctx: BackendContext, input: BatchInput): Promise<LogBatchResult> {
  checkBatchSize(input.metrics.length, input.params.length, input.tags.length);
  const series = pointsByKey(input.metrics);
  const params = checkParams(input.params, input.runId);
  const tags: Tag[] = input.tags.map((t) => ({ key: t.key, value: t.value }));
  checkTags(tags);
  return groupWrite(ctx, () => {
    const run = mustGetActiveRun(ctx, input.runId);
    const existing = paramsOf(ctx.db, run.id, params.map((p) => p.key));
    const fresh: Tag[] = [];
    for (const p of params) {
      const old = existing.get(p.key);
      if (old === undefined) fresh.push(p);
      else if (old !== p.value) {
        throw new AppError(
          'INVALID_INPUT',
          `Changing param values is not allowed. Param with key='${p.key}' was already logged with value='${old}' for run ID='${run.id}'. Attempted logging new value '${p.value}'.`,
          { issues: [{ path: 'params', message: `param "${p.key}" is already "${old}"` }], location: { field: 'params' } },
        );
      }
    }
    insertParams(ctx.db, run.id, fresh);
    let costChanged = applyTags(ctx, run, tags);
    let stored = 0;
    let duplicates = 0;
    for (const [key, points] of series) {
      const r = appendPoints(ctx.db, run.id, key, points);
      stored += r.stored;
      duplicates += r.duplicates;
      if (r.stored > 0 && isGpuPowerMetric(key)) costChanged = true;
    }
    if (costChanged || tags.some((t) => affectsCost(t.key))) recomputeRunCosts(ctx, [run.id]);
    else noteRunsChanged(ctx, run.projectId, run.experimentId, run.id);
    return { runId: run.id, metricsStored: stored, metricsDuplicate: duplicates };
  });
}

export function logMetric(ctx: BackendContext, runId: string, metric: WireMetric): Promise<LogBatchResult> {
  return logBatch(ctx, { runId, metrics: [{ key: metric.key, value: metric.value, timestamp: metric.timestamp, step: metric.step ?? 0 }], params: [], tags: [] });
}

export function logParam(ctx: BackendContext, runId: string, key: string, value: string): Promise<LogBatchResult> {
  return logBatch(ctx, { runId, metrics: [], params: [{ key, value }], tags: [] });
}

export async function setRunTag(ctx: BackendContext, runId: string, key: string, value: string): Promise<{ runId: string }> {
  await logBatch(ctx, { runId, metrics: [], params: [], tags: [{ key, value }] });
  return { runId };
}

/** Deletes a tag; a tag the run does not have is NOT_FOUND, as in MLflow. */
export function deleteRunTag(ctx: BackendContext, runId: string, key: string): Promise<{ runId: string }> {
  return groupWrite(ctx, () => {
    const run = mustGetActiveRun(ctx, runId);
    if (!tagsOf(ctx.db, runId).has(key)) throw new AppError('NOT_FOUND', `No tag with name: ${key} in run with id ${runId}.`, { location: { field: 'key' } });
    if (applyTags(ctx, run, [{ key, value: null }]) || affectsCost(key)) recomputeRunCosts(ctx, [runId]);
    else noteRunsChanged(ctx, run.projectId, run.experimentId, runId);
    return { runId };
  });
}

/** Dataset inputs (MLflow's log-inputs): name, digest, context ("train", "eval" ...), source. */
export function logInputs(ctx: BackendContext, runId: string, datasets: ReadonlyArray<z.output<typeof DatasetInput>>): Promise<{ runId: string; stored: number }> {
  return groupWrite(ctx, () => {
    const run = mustGetActiveRun(ctx, runId);
    upsertInputs(ctx.db, runId, datasets);
    noteRunsChanged(ctx, run.projectId, run.experimentId, runId);
    return { runId, stored: datasets.length };
  });
}

/**
 * A whole series (or a long stretch of one) for one key, as typed arrays: what importers of
 * mlruns folders and the ingest bench use. No batch limit; the same dedupe and order rules.
 */
export function appendMetricColumns(ctx: BackendContext, runId: string, key: string, points: Points): Promise<{ stored: number; duplicates: number }> {
  const n = points.values.length;
  if (points.steps.length !== n || points.timestamps.length !== n) throw new AppError('INVALID_INPUT', `Metric "${key}": steps, timestamps and values must have the same length`);
  checkMetrics([{ key, value: 0, timestamp: 0, step: 0 }]);
  for (let i = 0; i < n; i++) {
    const t = points.timestamps[i]!;
    const s = points.steps[i]!;
    if (!Number.isSafeInteger(t) || t < 0 || !Number.isSafeInteger(s)) checkMetrics([{ key, value: 0, timestamp: t, step: s }]);
  }
  return groupWrite(ctx, () => {
    const run = mustGetActiveRun(ctx, runId);
    const r = appendPoints(ctx.db, runId, key, points);
    if (r.stored > 0 && isGpuPowerMetric(key)) recomputeRunCosts(ctx, [runId]);
    else noteRunsChanged(ctx, run.projectId, run.experimentId, runId);
    return r;
  });
}
