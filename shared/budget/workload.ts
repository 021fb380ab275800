import type { InferencePrecision } from '../domain/hardware';
import type { ServingProfileName } from './serving-profiles';

/**
 * A serving workload for the cloud-vs-own-hardware comparison. JSON-safe: the CLI reads it from
 * a file (`tally estimate compare --workload FILE.json`) and the wizard builds it step by step.
 * Hardware is named by catalog id; prices not given here come from the catalog.
 *
 * Either an LLM workload (input/output tokens per request and a model size) or a generic one
 * (items per request and GFLOPs per item, e.g. images through a CNN).
 */
export const DATA_SENSITIVITIES = ['public', 'internal', 'confidential', 'restricted'] as const;
/**
 * public: anything goes. internal: fine with providers under contract. confidential: must not go
 * to a third-party model API (own cloud account is acceptable). restricted: must not leave the
 * machine at all (on-premises / on-device only).
 */
export type DataSensitivity = (typeof DATA_SENSITIVITIES)[number];

export interface WorkloadModel {
  params: number;
  precision?: InferencePrecision;
  layers?: number;
  kvHeads?: number;
  headDim?: number;
}

export interface ApiOption {
  /** Catalog id of an LLM API price row, or give the prices inline. */
  id?: string;
  inputUsdPerMTok?: number;
  outputUsdPerMTok?: number;
  /** Generic workloads: price per item (e.g. a vision API per image). */
  usdPerItem?: number;
  firstTokenMs?: number;
  outputTokensPerS?: number;
}

export interface CloudGpuOption {
  hardwareId: string;
  /** Per GPU-hour; default: the catalog's on-demand range for the device. */
  usdPerHour?: number;
  /** Price only this provider's catalog rows (e.g. "Lambda"); default: all providers. */
  provider?: string;
  /** Instances kept running even when idle (default 1: always on). */
  minInstances?: number;
}

export interface OwnedOption {
  hardwareId: string;
  /** Purchase price of one device (plus its share of the host), USD; 0: already paid. */
  purchaseUsd: number;
  /** Months over which the purchase is written off (default 36, no resale value). */
  lifeMonths?: number;
  /** Active draw, W (default: the device TDP). */
  powerW?: number;
  electricityUsdPerKwh?: number;
  /** Devices bought up front (default: as many as the peak load needs). */
  count?: number;
}

export interface Workload {
  name?: string;
  requestsPerDay: number;
  inputTokensPerRequest?: number;
  outputTokensPerRequest?: number;
  itemsPerRequest?: number;
  gflopsPerItem?: number;
  /**
   * Arithmetic of a generic model (default fp16). `int8` uses the device's INT8 TOPS (a fully
   * quantised CNN, e.g. on a Coral Edge TPU or a Jetson) where the vendor publishes it.
   */
  itemsPrecision?: 'fp32' | 'fp16' | 'int8';
  /** Total time per request the user can accept, ms. */
  latencyTargetMs?: number;
  months: number;
  dataSensitivity: DataSensitivity;
  model?: WorkloadModel;
  /** Busiest hour relative to the average (default 3); capacity is sized for it. */
  peakToAverage?: number;
  serving?: ServingProfileName;
  /** Requests served together on a GPU (default 8 optimised, 1 plain). */
  concurrency?: number;
  options: {
    api?: ApiOption;
    cloudGpu?: CloudGpuOption;
    owned?: OwnedOption;
  };
}

export interface WorkloadIssue {
  path: string;
  message: string;
}

function positive(issues: WorkloadIssue[], path: string, v: unknown, required: boolean): void {
  if (v === undefined) {
    if (required) issues.push({ path, message: 'is required' });
    return;
  }
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) issues.push({ path, message: 'must be a positive number' });
}

/** Required, and zero allowed: a device already paid for costs 0 to buy. */
function nonNegative(issues: WorkloadIssue[], path: string, v: unknown): void {
  if (v === undefined) issues.push({ path, message: 'is required (0 when the device is already paid for)' });
  else if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) issues.push({ path, message: 'must be zero or a positive number' });
}

/**
 * Field-level checks of a parsed workload file, pure (the contract's zod schema may wrap it).
 * Returns every problem with its JSON path so the CLI can print them all at once.
 */
export function checkWorkload(value: unknown): { ok: true; workload: Workload } | { ok: false; issues: WorkloadIssue[] } {
  const issues: WorkloadIssue[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, issues: [{ path: '', message: 'a workload must be a JSON object' }] };
  const w = value as Record<string, unknown>;
  positive(issues, 'requestsPerDay', w.requestsPerDay, true);
  positive(issues, 'months', w.months, true);
  if (!DATA_SENSITIVITIES.includes(w.dataSensitivity as DataSensitivity)) issues.push({ path: 'dataSensitivity', message: `must be one of ${DATA_SENSITIVITIES.join(', ')}` });
  for (const k of ['inputTokensPerRequest', 'outputTokensPerRequest', 'itemsPerRequest', 'gflopsPerItem', 'latencyTargetMs', 'peakToAverage', 'concurrency']) positive(issues, k, w[k], false);
  const llm = w.outputTokensPerRequest !== undefined;
  const generic = w.itemsPerRequest !== undefined;
  if (llm === generic) issues.push({ path: 'outputTokensPerRequest', message: 'give either tokens per request (LLM) or itemsPerRequest with gflopsPerItem (other models)' });
  if (generic) positive(issues, 'gflopsPerItem', w.gflopsPerItem, true);
  if (w.itemsPrecision !== undefined && !['fp32', 'fp16', 'int8'].includes(w.itemsPrecision as string)) issues.push({ path: 'itemsPrecision', message: 'must be fp32, fp16 or int8' });
  if (w.serving !== undefined && w.serving !== 'optimized' && w.serving !== 'plain') issues.push({ path: 'serving', message: 'must be optimized or plain' });
  const opts = w.options as Record<string, Record<string, unknown> | undefined> | undefined;
  if (typeof opts !== 'object' || opts === null) issues.push({ path: 'options', message: 'is required: at least one of api, cloudGpu, owned' });
  else {
    if (!opts.api && !opts.cloudGpu && !opts.owned) issues.push({ path: 'options', message: 'needs at least one of api, cloudGpu, owned' });
    if ((opts.cloudGpu || opts.owned) && llm) {
      const m = w.model as Record<string, unknown> | undefined;
      if (!m) issues.push({ path: 'model.params', message: 'is required to size a GPU or device for an LLM' });
      else positive(issues, 'model.params', m.params, true);
    }
    for (const key of ['cloudGpu', 'owned'] as const) {
      const o = opts[key];
      if (o && (typeof o.hardwareId !== 'string' || o.hardwareId === '')) issues.push({ path: `options.${key}.hardwareId`, message: 'is required' });
    }
    if (opts.owned) nonNegative(issues, 'options.owned.purchaseUsd', opts.owned.purchaseUsd);
    if (opts.api && generic) positive(issues, 'options.api.usdPerItem', opts.api.usdPerItem, true);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, workload: value as Workload };
}
