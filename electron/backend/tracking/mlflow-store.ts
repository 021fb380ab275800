import type { z } from 'zod';
import type { Experiment, ExperimentListInput } from '../../../shared/contract/experiments';
import type { RunDetail, RunListInput } from '../../../shared/contract/runs';
import { AppError } from '../../../shared/domain/errors';
import { fromWireValue, toWireValue } from '../../../shared/track/metric-value';
import type { Backend } from '../create-backend';
import type { BackendContext } from '../context';
import * as experiments from '../services/experiments.service';
import { metricHistory, readMetricSeries } from '../services/metric-history.service';
import * as logging from '../services/run-logging.service';
import { searchRunDetails } from '../services/run-search.service';
import * as runs from '../services/runs.service';
import { MlflowError, type MlflowErrorCode } from './mlflow-error';
import { toStoreExperimentFilter, toStoreRunFilter, toStoreRunOrder } from './store-filter';
import type { Cursor, DatasetInputRecord, ExperimentRecord, KeyValue, MetricPoint, RunInfoRecord, RunRecord, TrackingStore, ViewType } from './tracking-store';

/**
 * The TrackingStore over Tally's runs store: the experiments, runs, logging, search and history
 * services (the same ones the contract's procedures call). MLflow's experiment "0" is Tally's
 * experiment named "Default", created on first use, as MLflow clients expect it to exist.
 *
 * Tally keeps no artifacts. Where a run has no artifact location of the client's own, its
 * artifact_uri names a scheme no artifact repository serves, so `mlflow.log_artifact` fails
 * saying so; an empty URI would make MLflow's client write the files into its working folder.
 */
export const NO_ARTIFACTS_SCHEME = 'tally-stores-no-artifacts';

const DEFAULT_EXPERIMENT_NAME = 'Default';
const DATASET_CONTEXT_TAG = 'mlflow.data.context';
const RUN_ID = /^[0-9a-f]{32}$/;
const EXPERIMENT_ID = /^\d{1,15}$/;
const VIEW: Record<ViewType, 'active' | 'deleted' | 'all'> = { ACTIVE_ONLY: 'active', DELETED_ONLY: 'deleted', ALL: 'all' };

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));
const entries = (m: Record<string, string>): KeyValue[] => Object.entries(m).map(([key, value]) => ({ key, value }));

/** The store's AppErrors as MLflow's codes; anything else stays an internal error. */
function translate(e: unknown, conflict: MlflowErrorCode = 'INVALID_PARAMETER_VALUE'): never {
  if (e instanceof AppError) {
    const code: MlflowErrorCode =
      e.code === 'NOT_FOUND' ? 'RESOURCE_DOES_NOT_EXIST' : e.code === 'CONFLICT' ? conflict : e.code === 'INVALID_INPUT' || e.code === 'UNSUPPORTED' ? 'INVALID_PARAMETER_VALUE' : 'INTERNAL_ERROR';
    if (code !== 'INTERNAL_ERROR') throw new MlflowError(code, e.message);
  }
  throw e;
}

async function guarded<T>(work: () => T | Promise<T>, conflict?: MlflowErrorCode): Promise<T> {
  try {
    return await work();
  } catch (e) {
    return translate(e, conflict);
  }
}

function runIdOf(id: string): string {
  if (!RUN_ID.test(id)) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `Run with id=${id.slice(0, 100)} not found`);
  return id;
}

function tokenOf(cursor: Cursor): string | undefined {
  if (cursor === null) return undefined;
  if (typeof cursor !== 'string') throw new MlflowError('INVALID_PARAMETER_VALUE', 'Invalid page token: it was not issued by this server.');
  return cursor;
}

export function experimentRecord(e: Experiment): ExperimentRecord {
  return {
    experimentId: e.id,
    name: e.name,
    artifactLocation: e.artifactLocation || `${NO_ARTIFACTS_SCHEME}:/experiments/${e.id}`,
    lifecycleStage: e.lifecycleStage,
    creationTime: ms(e.creationTime)!,
    lastUpdateTime: ms(e.lastUpdateTime)!,
    tags: entries(e.tags),
  };
}

function runInfo(r: RunDetail): RunInfoRecord {
  return {
    runId: r.id,
    runName: r.name,
    experimentId: r.experimentId,
    userId: r.userId,
    status: r.status,
    startTime: ms(r.startTime) ?? 0,
    endTime: ms(r.endTime),
    artifactUri: r.artifactUri || `${NO_ARTIFACTS_SCHEME}:/${r.id}`,
    lifecycleStage: r.lifecycleStage,
  };
}

export function runRecord(r: RunDetail): RunRecord {
  return {
    info: runInfo(r),
    data: {
      metrics: r.latestMetrics.map((m) => ({ key: m.key, value: fromWireValue(m.value), timestamp: m.timestamp, step: m.step })),
      params: entries(r.params),
      tags: entries(r.tags),
    },
    inputs: {
      datasetInputs: r.inputs.map((i) => ({
        dataset: {
          name: i.name,
          digest: i.digest,
          sourceType: i.sourceType,
          source: i.source,
          ...(i.schema ? { schema: i.schema } : {}),
          ...(i.profile ? { profile: i.profile } : {}),
        },
        tags: i.context ? [{ key: DATASET_CONTEXT_TAG, value: i.context }] : [],
      })),
    },
  };
}

/** Experiment "0" (MLflow's default) is the experiment named Default; other ids pass as they are. */
async function resolveExperimentId(ctx: BackendContext, id: string): Promise<string> {
  if (id !== '0') {
    if (!EXPERIMENT_ID.test(id)) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `No Experiment with id=${id.slice(0, 100)} exists`);
    return id;
  }
  try {
    return experiments.getExperimentByName(ctx, DEFAULT_EXPERIMENT_NAME).id;
  } catch (e) {
    if (!(e instanceof AppError && e.code === 'NOT_FOUND')) throw e;
  }
  try {
    return experiments.createExperiment(ctx, { name: DEFAULT_EXPERIMENT_NAME, tags: {} }).id;
  } catch (e) {
    // Two first calls raced to create it: the other one did.
    if (e instanceof AppError && e.code === 'CONFLICT') return experiments.getExperimentByName(ctx, DEFAULT_EXPERIMENT_NAME).id;
    throw e;
  }
}

function datasetInputs(datasets: DatasetInputRecord[]) {
  return datasets.map((d) => ({
    name: d.dataset.name,
    digest: d.dataset.digest,
    context: d.tags.find((t) => t.key === DATASET_CONTEXT_TAG)?.value ?? '',
    sourceType: d.dataset.sourceType,
    source: d.dataset.source,
    schema: d.dataset.schema ?? '',
    profile: d.dataset.profile ?? '',
  }));
}

function points(list: MetricPoint[]) {
  return list.map((m) => ({ key: m.key, value: toWireValue(m.value), timestamp: m.timestamp, step: m.step }));
}

export function mlflowStoreFor(backend: Backend): TrackingStore {
  const ctx = backend.context;
  return {
    createExperiment: (req) =>
      guarded(() => {
        const tags = Object.fromEntries(req.tags.map((t) => [t.key, t.value]));
        return experiments.createExperiment(ctx, { name: req.name, tags, ...(req.artifactLocation ? { artifactLocation: req.artifactLocation } : {}) }).id;
      }, 'RESOURCE_ALREADY_EXISTS'),
    getExperiment: (id) => guarded(async () => experimentRecord(experiments.getExperiment(ctx, await resolveExperimentId(ctx, id)))),
    getExperimentByName: (name) =>
      guarded(() => {
        try {
          return experimentRecord(experiments.getExperimentByName(ctx, name));
        } catch (e) {
          if (e instanceof AppError && e.code === 'NOT_FOUND') return null;
          throw e;
        }
      }),
    searchExperiments: (req) =>
      guarded(() => {
        const input: z.output<typeof ExperimentListInput> = {
          view: VIEW[req.viewType],
          filter: toStoreExperimentFilter(req.filter),
          orderBy: req.orderBy,
          maxResults: req.maxResults,
          ...(req.after !== null ? { pageToken: tokenOf(req.after) } : {}),
        };
        const page = experiments.listExperiments(ctx, input);
        return { items: page.experiments.map(experimentRecord), next: page.nextPageToken };
      }),
    renameExperiment: (id, name) =>
      guarded(async () => {
        experiments.updateExperiment(ctx, await resolveExperimentId(ctx, id), { name });
      }, 'RESOURCE_ALREADY_EXISTS'),
    deleteExperiment: (id) =>
      guarded(async () => {
        experiments.deleteExperiment(ctx, await resolveExperimentId(ctx, id));
      }),
    restoreExperiment: (id) =>
      guarded(async () => {
        experiments.restoreExperiment(ctx, await resolveExperimentId(ctx, id));
      }),
    setExperimentTag: (id, tag) =>
      guarded(async () => {
        experiments.setExperimentTag(ctx, await resolveExperimentId(ctx, id), tag.key, tag.value);
      }),

    createRun: (req) =>
      guarded(async () => {
        const experimentId = await resolveExperimentId(ctx, req.experimentId);
        const run = await runs.createRun(ctx, {
          experimentId,
          userId: req.userId,
          tags: req.tags,
          ...(req.runName !== null ? { name: req.runName } : {}),
          ...(req.startTime !== null ? { startTime: req.startTime } : {}),
        });
        return runRecord(run);
      }),
    getRun: (runId) => guarded(() => runRecord(runs.getRun(ctx, runIdOf(runId)))),
    updateRun: (runId, patch) =>
      guarded(async () => {
        const run = await runs.updateRun(ctx, runIdOf(runId), {
          ...(patch.status ? { status: patch.status } : {}),
          ...(patch.endTime !== undefined ? { endTime: patch.endTime } : {}),
          ...(patch.runName ? { name: patch.runName } : {}),
        });
        return runInfo(run);
      }),
    deleteRun: (runId) =>
      guarded(async () => {
        await runs.deleteRun(ctx, runIdOf(runId));
      }),
    restoreRun: (runId) =>
      guarded(async () => {
        await runs.restoreRun(ctx, runIdOf(runId));
      }),
    logBatch: (runId, batch) =>
      guarded(async () => {
        await logging.logBatch(ctx, { runId: runIdOf(runId), metrics: points(batch.metrics), params: batch.params, tags: batch.tags });
      }),
    deleteTag: (runId, key) =>
      guarded(async () => {
        await logging.deleteRunTag(ctx, runIdOf(runId), key);
      }),
    logInputs: (runId, datasets) =>
      guarded(async () => {
        const id = runIdOf(runId);
        if (datasets.length === 0) runs.mustGetActiveRun(ctx, id);
        else await logging.logInputs(ctx, id, datasetInputs(datasets));
      }),
    searchRuns: (req) =>
      guarded(async () => {
        if (req.experimentIds.length === 0) return { items: [], next: null };
        const experimentIds = await Promise.all(req.experimentIds.map((id) => resolveExperimentId(ctx, id)));
        const input: z.output<typeof RunListInput> = {
          experimentIds,
          filter: toStoreRunFilter(req.filter),
          orderBy: req.orderBy.map(toStoreRunOrder),
          view: VIEW[req.viewType],
          maxResults: req.maxResults,
          columns: { params: 'all', tags: 'all', metrics: 'all' },
          ...(req.after !== null ? { pageToken: tokenOf(req.after) } : {}),
        };
        const page = searchRunDetails(ctx, input);
        return { items: page.runs.map(runRecord), next: page.nextPageToken };
      }),
    getMetricHistory: (runId, key, page) =>
      guarded(() => {
        const id = runIdOf(runId);
        if (page.maxResults === null && page.after === null) {
          const s = readMetricSeries(ctx, id, key);
          const items: MetricPoint[] = new Array(s.values.length);
          for (let i = 0; i < s.values.length; i++) items[i] = { key, value: s.values[i]!, timestamp: s.timestamps[i]!, step: s.steps[i]! };
          return { items, next: null };
        }
        const token = tokenOf(page.after);
        const h = metricHistory(ctx, { runId: id, key, maxResults: page.maxResults ?? 1_000_000, format: 'points', ...(token ? { pageToken: token } : {}) });
        const items = ('points' in h ? h.points : []).map((p) => ({ key, value: fromWireValue(p.value), timestamp: p.timestamp, step: p.step }));
        return { items, next: h.nextPageToken };
      }),
  };
}
