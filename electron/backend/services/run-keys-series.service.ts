import type { z } from 'zod';
import type { RunKeysInput, RunSeriesInput } from '../../../shared/contract/runs-views';
import { downsampleSeries, type ChartBuckets } from '../../../shared/track/downsample';
import type { BackendContext } from '../context';
import { runKeys } from '../db/repositories/run-keys.repository';
import { metricKeysOfRuns, segmentMetas, type SegmentMeta } from '../db/repositories/metrics.repository';
import { segmentValuesReader } from '../db/repositories/series-values.repository';
import { decodeColumn } from '../db/metric-codec';
import { BucketStream } from './series-buckets';
import { readSeries } from './metric-store';
import { mustGetRun } from './runs.service';
import { mustGetProject } from './project-lookup';

/** The keys a project's runs carry, for the column chooser and the filter form. */
export function listRunKeys(ctx: BackendContext, input: z.output<typeof RunKeysInput>) {
  mustGetProject(ctx, input.projectId);
  return runKeys(ctx.db, { projectId: input.projectId, view: input.view, ...(input.experimentIds ? { experimentIds: input.experimentIds.map(Number) } : {}) });
}

/** One run's metric series, downsampled into min/max-envelope buckets as runs.compare does. */
export function runSeries(ctx: BackendContext, input: z.output<typeof RunSeriesInput>) {
  mustGetRun(ctx, input.runId, 'runId');
  const keys = input.keys ?? metricKeysOfRuns(ctx.db, [input.runId]);
  const read = segmentValuesReader(ctx.db);
  return {
    runId: input.runId,
    metrics: keys.map((key) => {
      const { total, buckets } = seriesBuckets(ctx, read, input.runId, key, input.maxPoints);
      return { key, series: { runId: input.runId, totalPoints: total, nonFinite: buckets.nonFinite, steps: buckets.steps, values: buckets.values, mins: buckets.mins, maxs: buckets.maxs } };
    }),
  };
}

/**
 * A long series whose segments lie end to end is bucketed as its segments stream past (steps and
 * values only, one segment in memory at a time); a short or overlapping one is read whole.
 */
function seriesBuckets(ctx: BackendContext, read: ReturnType<typeof segmentValuesReader>, runId: string, key: string, maxPoints: number): { total: number; buckets: ChartBuckets } {
  const metas = segmentMetas(ctx.db, runId, key);
  const total = metas.reduce((s, m) => s + m.n, 0);
  if (total > maxPoints && endToEnd(metas)) {
    const stream = new BucketStream(metas[0]!.firstStep, metas[metas.length - 1]!.lastStep, maxPoints);
    const largest = metas.reduce((s, m) => Math.max(s, m.n), 0);
    const steps = new Float64Array(largest);
    const values = new Float64Array(largest);
    for (const m of metas) {
      const [stepsBlob, valuesBlob] = read(runId, key, m);
      decodeColumn(stepsBlob, m.n, steps, 0);
      decodeColumn(valuesBlob, m.n, values, 0);
      stream.add(steps.subarray(0, m.n), values.subarray(0, m.n));
    }
    const buckets = stream.finish();
    if (buckets) return { total, buckets };
  }
  const s = readSeries(ctx.db, runId, key);
  return { total: s.values.length, buckets: downsampleSeries(s.steps, s.values, maxPoints) };
}

/** No segment starts before the previous one ends (by step, then timestamp): laid end to end they are in order. */
function endToEnd(metas: readonly SegmentMeta[]): boolean {
  for (let i = 1; i < metas.length; i++) {
    const a = metas[i - 1]!;
    const b = metas[i]!;
    if (b.firstStep < a.lastStep || (b.firstStep === a.lastStep && b.firstTs < a.lastTs)) return false;
  }
  return true;
}
