import type { z } from 'zod';
import type { RunKeysInput, RunSeriesInput } from '../../../shared/contract/runs-views';
import { AppError } from '../../../shared/domain/errors';
import { downsampleSeries } from '../../../shared/track/downsample';
import type { BackendContext } from '../context';
import { getProject } from '../db/repositories/projects.repository';
import { runKeys } from '../db/repositories/run-keys.repository';
import { metricKeysOfRuns } from '../db/repositories/metrics.repository';
import { readSeries } from './metric-store';
import { mustGetRun } from './runs.service';

/** The keys a project's runs carry, for the column chooser and the filter form. */
export function listRunKeys(ctx: BackendContext, input: z.output<typeof RunKeysInput>) {
  if (!getProject(ctx.db, input.projectId)) throw new AppError('NOT_FOUND', `No project with id ${input.projectId}. It may have been deleted.`, { location: { field: 'projectId' } });
  return runKeys(ctx.db, { projectId: input.projectId, view: input.view, ...(input.experimentIds ? { experimentIds: input.experimentIds.map(Number) } : {}) });
}

/** One run's metric series, downsampled into min/max-envelope buckets as runs.compare does. */
export function runSeries(ctx: BackendContext, input: z.output<typeof RunSeriesInput>) {
  mustGetRun(ctx, input.runId, 'runId');
  const keys = input.keys ?? metricKeysOfRuns(ctx.db, [input.runId]);
  return {
    runId: input.runId,
    metrics: keys.map((key) => {
      const s = readSeries(ctx.db, input.runId, key);
      const d = downsampleSeries(s.steps, s.values, input.maxPoints);
      return { key, series: { runId: input.runId, totalPoints: s.values.length, nonFinite: d.nonFinite, steps: d.steps, values: d.values, mins: d.mins, maxs: d.maxs } };
    }),
  };
}
