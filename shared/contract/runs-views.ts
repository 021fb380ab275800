import { z } from 'zod';
import { Id } from './common';
import { query } from './define';
import { ExperimentId } from './experiments';
import { ChartSeries, RunId } from './runs';
import { LifecycleView } from './runs-filter';

/**
 * Two reads the runs screens need besides runs.list / runs.compare: the param, metric and tag keys
 * the runs of a project carry (the column chooser and the filter form offer them), and one run's
 * metric series downsampled for its charts (the same min/max-envelope buckets runs.compare gives).
 */
export const RunKeysInput = z
  .object({
    projectId: Id,
    experimentIds: z.array(ExperimentId).min(1).max(1000).optional(),
    view: LifecycleView.default('active'),
  })
  .strict();
export const RunKeys = z.object({ params: z.array(z.string()), metrics: z.array(z.string()), tags: z.array(z.string()) });
export type RunKeys = z.infer<typeof RunKeys>;

export const RunSeriesInput = z
  .object({
    runId: RunId,
    /** The metric keys to read; omitted: every key the run logged. */
    keys: z.array(z.string().max(1000)).min(1).max(50).optional(),
    maxPoints: z.number().int().min(10).max(20_000).default(1000),
  })
  .strict();
export const RunSeries = z.object({ runId: RunId, metrics: z.array(z.object({ key: z.string(), series: ChartSeries })) });
export type RunSeries = z.infer<typeof RunSeries>;

export const runsViewsContract = {
  'runs.keys': query(RunKeysInput, RunKeys),
  'runs.series': query(RunSeriesInput, RunSeries),
} as const;
