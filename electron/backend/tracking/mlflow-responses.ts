import { z } from 'zod';
import { encodePageToken } from './page-token';
import type { Cursor, DatasetInputRecord, ExperimentRecord, KeyValue, MetricPoint, RunInfoRecord, RunRecord } from './tracking-store';

/**
 * Response messages in MLflow's JSON: ids are strings, times are integer milliseconds (MLflow
 * prints int64 as JSON numbers), a double that is not finite is "NaN" / "Infinity" /
 * "-Infinity" as proto JSON has it, next_page_token appears only when there is a next page,
 * and log calls answer `{}`. Repeated fields are always present (MLflow omits empty ones;
 * an empty array parses the same and spares clients that index `run.data.params`).
 */

const keyValue = z.object({ key: z.string(), value: z.string() });
const protoDouble = z.union([z.number(), z.enum(['NaN', 'Infinity', '-Infinity'])]);
const metric = z.object({ key: z.string(), value: protoDouble, timestamp: z.number().int(), step: z.number().int() });

export const ExperimentJson = z.object({
  experiment_id: z.string(),
  name: z.string(),
  artifact_location: z.string(),
  lifecycle_stage: z.enum(['active', 'deleted']),
  last_update_time: z.number().int(),
  creation_time: z.number().int(),
  tags: z.array(keyValue),
});

export const RunInfoJson = z.object({
  run_id: z.string(),
  run_uuid: z.string(),
  run_name: z.string(),
  experiment_id: z.string(),
  user_id: z.string(),
  status: z.enum(['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED']),
  start_time: z.number().int(),
  end_time: z.number().int().optional(),
  artifact_uri: z.string(),
  lifecycle_stage: z.enum(['active', 'deleted']),
});

const datasetInput = z.object({
  tags: z.array(keyValue),
  dataset: z.object({
    name: z.string(),
    digest: z.string(),
    source_type: z.string(),
    source: z.string(),
    schema: z.string().optional(),
    profile: z.string().optional(),
  }),
});

export const RunJson = z.object({
  info: RunInfoJson,
  data: z.object({ metrics: z.array(metric), params: z.array(keyValue), tags: z.array(keyValue) }),
  inputs: z.object({ dataset_inputs: z.array(datasetInput) }),
});

const empty = z.object({}).strict();
const pageToken = z.string().optional();

export const responses = {
  createExperiment: z.object({ experiment_id: z.string() }),
  getExperiment: z.object({ experiment: ExperimentJson }),
  getExperimentByName: z.object({ experiment: ExperimentJson }),
  listExperiments: z.object({ experiments: z.array(ExperimentJson), next_page_token: pageToken }),
  searchExperiments: z.object({ experiments: z.array(ExperimentJson), next_page_token: pageToken }),
  updateExperiment: empty,
  deleteExperiment: empty,
  restoreExperiment: empty,
  setExperimentTag: empty,
  createRun: z.object({ run: RunJson }),
  getRun: z.object({ run: RunJson }),
  updateRun: z.object({ run_info: RunInfoJson }),
  deleteRun: empty,
  restoreRun: empty,
  searchRuns: z.object({ runs: z.array(RunJson), next_page_token: pageToken }),
  logMetric: empty,
  logParam: empty,
  setTag: empty,
  deleteTag: empty,
  logBatch: empty,
  logInputs: empty,
  getMetricHistory: z.object({ metrics: z.array(metric), next_page_token: pageToken }),
  getMetricHistoryBulkInterval: z.object({ metrics: z.array(metric.extend({ run_id: z.string() })) }),
} as const;

export type ResponseName = keyof typeof responses;
export type ResponseOf<N extends ResponseName> = z.output<(typeof responses)[N]>;

export function protoDoubleOf(v: number): number | 'NaN' | 'Infinity' | '-Infinity' {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return 'Infinity';
  if (v === -Infinity) return '-Infinity';
  return v;
}

const kv = (t: KeyValue) => ({ key: t.key, value: t.value });

export function metricJson(m: MetricPoint) {
  return { key: m.key, value: protoDoubleOf(m.value), timestamp: m.timestamp, step: m.step };
}

export function experimentJson(e: ExperimentRecord): z.output<typeof ExperimentJson> {
  return {
    experiment_id: e.experimentId,
    name: e.name,
    artifact_location: e.artifactLocation,
    lifecycle_stage: e.lifecycleStage,
    last_update_time: e.lastUpdateTime,
    creation_time: e.creationTime,
    tags: e.tags.map(kv),
  };
}

export function runInfoJson(i: RunInfoRecord): z.output<typeof RunInfoJson> {
  return {
    run_id: i.runId,
    run_uuid: i.runId,
    run_name: i.runName,
    experiment_id: i.experimentId,
    user_id: i.userId,
    status: i.status,
    start_time: i.startTime,
    ...(i.endTime !== null ? { end_time: i.endTime } : {}),
    artifact_uri: i.artifactUri,
    lifecycle_stage: i.lifecycleStage,
  };
}

function datasetInputJson(d: DatasetInputRecord): z.output<typeof datasetInput> {
  const { name, digest, sourceType, source, schema, profile } = d.dataset;
  return {
    tags: d.tags.map(kv),
    dataset: {
      name,
      digest,
      source_type: sourceType,
      source,
      ...(schema !== undefined ? { schema } : {}),
      ...(profile !== undefined ? { profile } : {}),
    },
  };
}

export function runJson(r: RunRecord): z.output<typeof RunJson> {
  return {
    info: runInfoJson(r.info),
    data: { metrics: r.data.metrics.map(metricJson), params: r.data.params.map(kv), tags: r.data.tags.map(kv) },
    inputs: { dataset_inputs: r.inputs.datasetInputs.map(datasetInputJson) },
  };
}

/** `{ next_page_token }` when there is a next page, else nothing (as MLflow's HasField test expects). */
export function nextPageToken(next: Cursor): { next_page_token?: string } {
  const token = encodePageToken(next);
  return token === undefined ? {} : { next_page_token: token };
}
