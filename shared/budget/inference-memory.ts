import { GB } from '../domain/units';
import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import type { Assumptions } from './assumption';
import { BYTES_PER_VALUE, kvCacheBytes, QUANTISED_BITS_SOURCE, type KvShape } from './bytes-per-value';
import { canSplit } from './device-traits';
import { fitDevices } from './device-fit';
import { DEFAULT_CONTEXT_TOKENS, DEFAULT_REQUEST_SOURCE, defaultKvPrecision, KV_PRECISION_SOURCE } from './inference-defaults';
import { requireNonNegative, requirePositive, requirePositiveInteger } from './input-checks';
import { sumBreakdown, type MemoryEstimate } from './memory-estimate';

/**
 * Inference memory: weights at their precision + KV cache + runtime overhead.
 * Overhead: EleutherAI's rule of thumb, total ≈ 1.2 × weights, i.e. 20% of the weights for
 * activations, CUDA context and buffers (reference §2.6). Split over n devices (tensor
 * parallelism) each holds 1/n of everything; only devices with a link to the next one may be
 * split (device-traits.ts), the others hold it alone or not at all.
 */
export interface InferenceMemoryInput {
  params: number;
  precision?: InferencePrecision;
  /** Architecture for the KV cache; without it the KV cache is not counted (and a note says so). */
  kv?: KvShape;
  /** Default: FP8 with FP8 weights, FP32 with FP32, else FP16 (inference-defaults.ts). */
  kvPrecision?: InferencePrecision;
  /** Tokens of context per sequence (prompt + output); default 768, as the inference estimate. */
  context?: number;
  batch?: number;
  overheadFraction?: number;
}

export const DEFAULT_OVERHEAD_FRACTION = 0.2;
export const OVERHEAD_SOURCE = 'EleutherAI Transformer Math: inference memory ≈ 1.2 × weights';

export function weightBytes(params: number, precision: InferencePrecision): number {
  return params * BYTES_PER_VALUE[precision];
}

export function estimateInferenceMemory(input: InferenceMemoryInput, devices: readonly HardwareSpec[] = [], maxDevices = 16): MemoryEstimate {
  const params = requirePositive('params', input.params);
  const precision = input.precision ?? 'fp16';
  const kvPrecision = input.kvPrecision ?? defaultKvPrecision(precision);
  const context = requirePositive('context', input.context ?? DEFAULT_CONTEXT_TOKENS);
  const batch = requirePositiveInteger('batch', input.batch ?? 1);
  const overheadFraction = requireNonNegative('overheadFraction', input.overheadFraction ?? DEFAULT_OVERHEAD_FRACTION);
  const notes: string[] = [];
  const w = weightBytes(params, precision);
  let kv = 0;
  if (input.kv) {
    for (const k of ['layers', 'kvHeads', 'headDim'] as const) requirePositive(k, input.kv[k]);
    kv = kvCacheBytes(input.kv, context, batch, BYTES_PER_VALUE[kvPrecision]);
  } else notes.push('KV cache not counted: give layers, kv-heads and head-dim.');
  const breakdown = { weightsGb: w / GB, gradientsGb: 0, optimizerGb: 0, activationsGb: 0, kvCacheGb: kv / GB, overheadGb: (w * overheadFraction) / GB };
  const total = sumBreakdown(breakdown);
  const assumptions: Assumptions = {
    bytesPerWeight: { value: BYTES_PER_VALUE[precision], unit: 'B/param', source: precision === 'int4' || precision === 'int8' ? `${precision} weights: ${QUANTISED_BITS_SOURCE}` : `${precision} weights` },
    kvBytesPerElement: { value: BYTES_PER_VALUE[kvPrecision], unit: 'B', source: input.kvPrecision === undefined ? `${kvPrecision} KV cache (${KV_PRECISION_SOURCE})` : `${kvPrecision} KV cache (user input)` },
    context: { value: context, unit: 'tokens', source: input.context === undefined ? DEFAULT_REQUEST_SOURCE : 'user input' },
    batch: { value: batch, unit: 'sequences', source: input.batch === undefined ? 'default' : 'user input' },
    overheadFraction: { value: overheadFraction, unit: 'of weights', source: input.overheadFraction === undefined ? OVERHEAD_SOURCE : 'user input' },
  };
  const fits = fitDevices(devices, (n) => total / n, maxDevices);
  const alone = devices.filter((d) => !canSplit(d) && d.memoryGb < total).length;
  if (alone > 0) notes.push(`${alone} catalog device${alone === 1 ? '' : 's'} that cannot be split over (laptops, phones, boards, Jetsons) ${alone === 1 ? 'does' : 'do'} not hold it alone and ${alone === 1 ? 'is' : 'are'} not listed.`);
  return { totalGb: total, breakdown, fits, assumptions, notes };
}
