import { z } from 'zod';
import { double, int64, keyValue, MISSING_MESSAGE, protoEnum, repeated, requiredObject, str } from './mlflow-proto';

/**
 * Request messages of MLflow's service.proto, field for field, for the routes Tally serves.
 * `run_id` falls back to the deprecated `run_uuid` that older clients (and the npm client)
 * still send.
 */

export const RUN_STATUS = { RUNNING: 1, SCHEDULED: 2, FINISHED: 3, FAILED: 4, KILLED: 5 } as const;
export const VIEW_TYPE = { ACTIVE_ONLY: 1, DELETED_ONLY: 2, ALL: 3 } as const;
export type MlflowRunStatus = keyof typeof RUN_STATUS;
export type MlflowViewType = keyof typeof VIEW_TYPE;

type WithRunId<S extends z.ZodRawShape> = z.output<z.ZodObject<S>> & { run_id: string };

/** run_id, else run_uuid, required between them (reported as run_id, as MLflow does). */
function withRunId<S extends z.ZodRawShape>(shape: S): z.ZodType<WithRunId<S>> {
  const schema = z.object({ run_id: str(), run_uuid: str(), ...shape }).transform((v, ctx) => {
    const { run_id: runId, run_uuid: runUuid, ...rest } = v as Record<string, unknown>;
    const id = (runId as string | undefined) || (runUuid as string | undefined);
    if (!id) {
      ctx.addIssue({ code: 'custom', message: MISSING_MESSAGE, path: ['run_id'] });
      return z.NEVER;
    }
    return { ...rest, run_id: id } as WithRunId<S>;
  });
  return schema as unknown as z.ZodType<WithRunId<S>>;
}

const metric = z.object({
  key: str(true),
  value: double(true),
  timestamp: int64(true),
  step: int64().transform((v) => v ?? 0),
});

const inputTag = z.object({ key: str(true), value: str(true) });
const dataset = z.object({
  name: str(true),
  digest: str(true),
  source_type: str(true),
  source: str(true),
  schema: str(),
  profile: str(),
});

export const requests = {
  createExperiment: z.object({ name: str(true), artifact_location: str(), tags: repeated(keyValue) }),
  getExperiment: z.object({ experiment_id: str(true) }),
  getExperimentByName: z.object({ experiment_name: str(true) }),
  listExperiments: z.object({ view_type: protoEnum(VIEW_TYPE), max_results: int64(), page_token: str() }),
  searchExperiments: z.object({
    max_results: int64(),
    page_token: str(),
    filter: str(),
    order_by: repeated(str(true)),
    view_type: protoEnum(VIEW_TYPE),
  }),
  updateExperiment: z.object({ experiment_id: str(true), new_name: str(true) }),
  deleteExperiment: z.object({ experiment_id: str(true) }),
  restoreExperiment: z.object({ experiment_id: str(true) }),
  setExperimentTag: z.object({ experiment_id: str(true), key: str(true), value: str() }),
  createRun: z.object({ experiment_id: str(), user_id: str(), run_name: str(), start_time: int64(), tags: repeated(keyValue) }),
  getRun: withRunId({}),
  updateRun: withRunId({ status: protoEnum(RUN_STATUS), end_time: int64(), run_name: str() }),
  deleteRun: withRunId({}),
  restoreRun: withRunId({}),
  searchRuns: z.object({
    experiment_ids: repeated(str(true)),
    filter: str(),
    run_view_type: protoEnum(VIEW_TYPE),
    max_results: int64(),
    order_by: repeated(str(true)),
    page_token: str(),
  }),
  logMetric: withRunId({
    key: str(true),
    value: double(true),
    timestamp: int64(true),
    step: int64(),
    model_id: str(),
    dataset_name: str(),
    dataset_digest: str(),
  }),
  logParam: withRunId({ key: str(true), value: str() }),
  setTag: withRunId({ key: str(true), value: str() }),
  deleteTag: withRunId({ key: str(true) }),
  logBatch: withRunId({ metrics: repeated(metric), params: repeated(z.object({ key: str(true), value: str() })), tags: repeated(z.object({ key: str(true), value: str() })) }),
  logInputs: withRunId({ datasets: repeated(z.object({ tags: repeated(inputTag), dataset: requiredObject(dataset) })) }),
  getMetricHistory: withRunId({ metric_key: str(true), page_token: str(), max_results: int64() }),
  getMetricHistoryBulkInterval: z.object({
    run_ids: repeated(str(true)).refine((ids) => ids.length > 0, { message: MISSING_MESSAGE }),
    metric_key: str(true),
    start_step: int64(),
    end_step: int64(),
    max_results: int64(),
  }),
} as const;

export type RequestName = keyof typeof requests;
export type RequestOf<N extends RequestName> = z.output<(typeof requests)[N]>;

/** Fields that are repeated in each request: a GET query string lists them once per value. */
export const REPEATED_FIELDS: Partial<Record<RequestName, readonly string[]>> = {
  searchExperiments: ['order_by'],
  searchRuns: ['experiment_ids', 'order_by'],
  getMetricHistoryBulkInterval: ['run_ids'],
};
