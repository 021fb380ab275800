import { parseExperimentFilter, parseExperimentOrderBy } from './experiment-filter';
import { invalidParameter, MlflowError } from './mlflow-error';
import { checkBatch, checkExperimentName, checkExperimentTag, checkLength, checkMetric, checkParam, checkTag, LIMITS } from './mlflow-limits';
import type { RequestName, RequestOf } from './mlflow-requests';
import { experimentJson, metricJson, nextPageToken, runInfoJson, runJson, type ResponseOf } from './mlflow-responses';
import { decodePageToken } from './page-token';
import { DEFAULT_EXPERIMENT_ORDER, type ExperimentOrderTerm } from './search-ast';
import { parseRunFilter, parseRunOrderBy } from './search-filter';
import type { DatasetInputRecord, KeyValue, MetricPoint, TrackingStore, ViewType } from './tracking-store';

/**
 * One function per MLflow request: check MLflow's limits, call the store, shape the answer.
 * The experiment MLflow clients log to when none is set is "0"; runs/create without an
 * experiment_id goes there too.
 */

export type MlflowHandler<N extends RequestName> = (store: TrackingStore, req: RequestOf<N>) => Promise<ResponseOf<N>>;
type HandlerMap = { [N in RequestName]: MlflowHandler<N> };

export const DEFAULT_EXPERIMENT_ID = '0';
const DEFAULT_MAX_RESULTS = 1000;
const HISTORY_BULK_MAX_RUNS = 100;
const HISTORY_BULK_MAX_RESULTS = 2500;

function maxResults(value: number | undefined, fallback: number): number {
  const n = value ?? fallback;
  if (n < 1) throw invalidParameter(`Invalid value ${n} for parameter 'max_results' supplied. It must be a positive integer`);
  if (n > LIMITS.maxSearchResults) {
    throw invalidParameter(`Invalid value ${n} for parameter 'max_results' supplied. It must be at most ${LIMITS.maxSearchResults}`);
  }
  return n;
}

const kv = (t: { key?: string | undefined; value?: string | undefined }): KeyValue => ({ key: t.key ?? '', value: t.value ?? '' });

async function logOne(store: TrackingStore, runId: string, batch: { metrics?: MetricPoint[]; params?: KeyValue[]; tags?: KeyValue[] }) {
  await store.logBatch(runId, { metrics: batch.metrics ?? [], params: batch.params ?? [], tags: batch.tags ?? [] });
  return {};
}

/** The client's order, else MLflow's default; the store breaks remaining ties by experiment_id. */
function experimentOrder(orderBy: string[]): ExperimentOrderTerm[] {
  return orderBy.length > 0 ? orderBy.map(parseExperimentOrderBy) : [...DEFAULT_EXPERIMENT_ORDER];
}

async function searchExperiments(store: TrackingStore, req: { viewType?: ViewType; filter?: string; orderBy: string[]; maxResults: number; pageToken?: string }) {
  const page = await store.searchExperiments({
    viewType: req.viewType ?? 'ACTIVE_ONLY',
    filter: parseExperimentFilter(req.filter),
    orderBy: experimentOrder(req.orderBy),
    maxResults: req.maxResults,
    after: decodePageToken(req.pageToken),
  });
  return { experiments: page.items.map(experimentJson), ...nextPageToken(page.next) };
}

function datasetInputs(datasets: RequestOf<'logInputs'>['datasets']): DatasetInputRecord[] {
  return datasets.map((d) => {
    const ds = d.dataset;
    checkLength('Dataset name', 500, ds.name);
    checkLength('Dataset digest', 36, ds.digest);
    checkLength('Dataset source', 65535, ds.source);
    if (ds.schema !== undefined) checkLength('Dataset schema', 1048575, ds.schema);
    const tags = d.tags.map((t) => {
      checkLength('Input tag key', 255, t.key);
      checkLength('Input tag value', 500, t.value);
      return kv(t);
    });
    return {
      dataset: {
        name: ds.name,
        digest: ds.digest,
        sourceType: ds.source_type,
        source: ds.source,
        ...(ds.schema !== undefined ? { schema: ds.schema } : {}),
        ...(ds.profile !== undefined ? { profile: ds.profile } : {}),
      },
      tags,
    };
  });
}

/** MLflow's step sampling for get-history-bulk-interval: evenly spaced steps plus each run's first and last. */
export function sampleSteps(stepsPerRun: number[][], maxResults: number, range: { start: number; end: number } | null): number[] {
  const all = [...new Set(stepsPerRun.flat())].sort((a, b) => a - b);
  const start = range?.start ?? 0;
  const end = range?.end ?? (all.length > 0 ? all[all.length - 1]! : 0);
  const ends = new Set(stepsPerRun.filter((s) => s.length > 0).flatMap((s) => [Math.min(...s), Math.max(...s)]).filter((s) => s >= start && s <= end));
  const lo = all.findIndex((s) => s >= start);
  const from = lo < 0 ? all.length : lo;
  let to = all.length;
  while (to > from && all[to - 1]! > end) to--;
  const picked = new Set<number>();
  if (to - from <= maxResults) {
    for (let i = from; i < to; i++) picked.add(all[i]!);
  } else {
    const interval = (to - from) / maxResults;
    for (let i = 0; i < maxResults; i++) picked.add(all[from + Math.floor(i * interval)]!);
    picked.add(all[to - 1]!);
  }
  return [...new Set([...picked, ...ends])].sort((a, b) => a - b);
}

export const handlers: HandlerMap = {
  async createExperiment(store, req) {
    checkExperimentName(req.name);
    const tags = req.tags.map(kv);
    tags.forEach(checkExperimentTag);
    const id = await store.createExperiment({ name: req.name, artifactLocation: req.artifact_location ?? null, tags });
    return { experiment_id: id };
  },
  async getExperiment(store, req) {
    return { experiment: experimentJson(await store.getExperiment(req.experiment_id)) };
  },
  async getExperimentByName(store, req) {
    const found = await store.getExperimentByName(req.experiment_name);
    if (!found) throw new MlflowError('RESOURCE_DOES_NOT_EXIST', `Could not find experiment with name '${req.experiment_name}'`);
    return { experiment: experimentJson(found) };
  },
  async listExperiments(store, req) {
    return searchExperiments(store, {
      ...(req.view_type ? { viewType: req.view_type } : {}),
      orderBy: [],
      maxResults: maxResults(req.max_results, LIMITS.maxSearchResults),
      ...(req.page_token ? { pageToken: req.page_token } : {}),
    });
  },
  async searchExperiments(store, req) {
    return searchExperiments(store, {
      ...(req.view_type ? { viewType: req.view_type } : {}),
      ...(req.filter ? { filter: req.filter } : {}),
      orderBy: req.order_by as string[],
      maxResults: maxResults(req.max_results, DEFAULT_MAX_RESULTS),
      ...(req.page_token ? { pageToken: req.page_token } : {}),
    });
  },
  async updateExperiment(store, req) {
    checkExperimentName(req.new_name);
    await store.renameExperiment(req.experiment_id, req.new_name);
    return {};
  },
  async deleteExperiment(store, req) {
    await store.deleteExperiment(req.experiment_id);
    return {};
  },
  async restoreExperiment(store, req) {
    await store.restoreExperiment(req.experiment_id);
    return {};
  },
  async setExperimentTag(store, req) {
    const tag = { key: req.key, value: req.value ?? '' };
    checkExperimentTag(tag);
    await store.setExperimentTag(req.experiment_id, tag);
    return {};
  },
  async createRun(store, req) {
    const tags = req.tags.map(kv);
    tags.forEach(checkTag);
    if (req.run_name !== undefined) checkLength('Run name', LIMITS.tagValueLength, req.run_name);
    const run = await store.createRun({
      experimentId: req.experiment_id || DEFAULT_EXPERIMENT_ID,
      userId: req.user_id ?? '',
      runName: req.run_name || null,
      startTime: req.start_time ?? null,
      tags,
    });
    return { run: runJson(run) };
  },
  async getRun(store, req) {
    return { run: runJson(await store.getRun(req.run_id)) };
  },
  async updateRun(store, req) {
    if (req.run_name !== undefined) checkLength('Run name', LIMITS.tagValueLength, req.run_name);
    const info = await store.updateRun(req.run_id, {
      ...(req.status ? { status: req.status } : {}),
      ...(req.end_time !== undefined ? { endTime: req.end_time } : {}),
      ...(req.run_name ? { runName: req.run_name } : {}),
    });
    return { run_info: runInfoJson(info) };
  },
  async deleteRun(store, req) {
    await store.deleteRun(req.run_id);
    return {};
  },
  async restoreRun(store, req) {
    await store.restoreRun(req.run_id);
    return {};
  },
  async searchRuns(store, req) {
    const page = await store.searchRuns({
      experimentIds: req.experiment_ids as string[],
      filter: parseRunFilter(req.filter),
      orderBy: (req.order_by as string[]).map(parseRunOrderBy),
      viewType: req.run_view_type ?? 'ACTIVE_ONLY',
      maxResults: maxResults(req.max_results, DEFAULT_MAX_RESULTS),
      after: decodePageToken(req.page_token),
    });
    return { runs: page.items.map(runJson), ...nextPageToken(page.next) };
  },
  async logMetric(store, req) {
    const m: MetricPoint = { key: req.key, value: req.value, timestamp: req.timestamp, step: req.step ?? 0 };
    checkMetric(m);
    return logOne(store, req.run_id, { metrics: [m] });
  },
  async logParam(store, req) {
    const p = { key: req.key, value: req.value ?? '' };
    checkParam(p);
    return logOne(store, req.run_id, { params: [p] });
  },
  async setTag(store, req) {
    const t = { key: req.key, value: req.value ?? '' };
    checkTag(t);
    return logOne(store, req.run_id, { tags: [t] });
  },
  async deleteTag(store, req) {
    await store.deleteTag(req.run_id, req.key);
    return {};
  },
  async logBatch(store, req) {
    const metrics = req.metrics.map((m): MetricPoint => ({ key: m.key, value: m.value, timestamp: m.timestamp, step: m.step }));
    const params = req.params.map(kv);
    const tags = req.tags.map(kv);
    checkBatch(metrics, params, tags);
    return logOne(store, req.run_id, { metrics, params, tags });
  },
  async logInputs(store, req) {
    await store.logInputs(req.run_id, datasetInputs(req.datasets));
    return {};
  },
  async getMetricHistory(store, req) {
    const max = req.max_results;
    if (max !== undefined && max < 1) throw invalidParameter(`Invalid value ${max} for parameter 'max_results' supplied. It must be a positive integer`);
    const page = await store.getMetricHistory(req.run_id, req.metric_key, { maxResults: max ?? null, after: decodePageToken(req.page_token) });
    return { metrics: page.items.map(metricJson), ...nextPageToken(page.next) };
  },
  async getMetricHistoryBulkInterval(store, req) {
    const runIds = req.run_ids as string[];
    if (runIds.length > HISTORY_BULK_MAX_RUNS) {
      throw invalidParameter(`GetMetricHistoryBulkInterval request must specify at most ${HISTORY_BULK_MAX_RUNS} run_ids. Received ${runIds.length} run_ids.`);
    }
    const max = req.max_results ?? HISTORY_BULK_MAX_RESULTS;
    if (max < 1 || max > HISTORY_BULK_MAX_RESULTS) throw invalidParameter(`max_results must be between 1 and ${HISTORY_BULK_MAX_RESULTS}.`);
    const { start_step: start, end_step: end } = req;
    if ((start === undefined) !== (end === undefined)) {
      throw invalidParameter('If either start step or end step are specified, both must be specified.');
    }
    if (start !== undefined && end !== undefined && start > end) {
      throw invalidParameter(`end_step must be greater than start_step. Found start_step=${start} and end_step=${end}.`);
    }
    const histories = await Promise.all(
      runIds.map(async (runId) => ({ runId, points: (await store.getMetricHistory(runId, req.metric_key, { maxResults: null, after: null })).items })),
    );
    const range = start !== undefined && end !== undefined ? { start, end } : null;
    const steps = new Set(sampleSteps(histories.map((h) => h.points.map((p) => p.step)), max, range));
    const metrics = histories.flatMap(({ runId, points }) =>
      points
        .filter((p) => steps.has(p.step))
        .sort((a, b) => a.step - b.step || a.timestamp - b.timestamp)
        .map((p) => ({ ...metricJson(p), run_id: runId })),
    );
    return { metrics };
  },
};
