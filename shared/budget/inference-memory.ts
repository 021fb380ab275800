import { GB } from '../domain/units';
import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import type { Assumptions } from './assumption';
import { BYTES_PER_VALUE, kvCacheBytes, type KvShape } from './bytes-per-value';
import { fitDevices } from './device-fit';
import { requireNonNegative, requirePositive, requirePositiveInteger } from './input-checks';
import { sumBreakdown, type MemoryEstimate } from './memory-estimate';

/**
 * Inference memory: weights at their precision + KV cache + runtime overhead.
 * Overhead: EleutherAI's rule of thumb, total ≈ 1.2 × weights, i.e. 20% of the weights for
 * activations, CUDA context and buffers (reference §2.6). Split over n devices (tensor
 * parallelism) each holds 1/n of everything.
 */
export interface InferenceMemoryInput {
  params: number;
  precision?: InferencePrecision;
  /** Architecture for the KV cache; without it the KV cache is not counted (and a note says so). */
  kv?: KvShape;
  kvPrecision?: InferencePrecision;
  /** Tokens of context per sequence (prompt + output). */
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
  const kvPrecision = input.kvPrecision ?? (precision === 'fp32' ? 'fp32' : 'fp16');
  const context = requirePositive('context', input.context ?? 4096);
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
    bytesPerWeight: { value: BYTES_PER_VALUE[precision], unit: 'B/param', source: `${precision} weights` },
    kvBytesPerElement: { value: BYTES_PER_VALUE[kvPrecision], unit: 'B', source: `${kvPrecision} KV cache` },
    context: { value: context, unit: 'tokens', source: input.context === undefined ? 'default' : 'user input' },
    batch: { value: batch, unit: 'sequences', source: input.batch === undefined ? 'default' : 'user input' },
    overheadFraction: { value: overheadFraction, unit: 'of weights', source: input.overheadFraction === undefined ? OVERHEAD_SOURCE : 'user input' },
  };
  return { totalGb: total, breakdown, fits: fitDevices(devices, (n) => total / n, maxDevices), assumptions, notes };
}
