import { GB } from '../domain/units';
import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import type { Assumptions } from './assumption';
import { activationBytes, type ActivationShape } from './activation-memory';
import { canSplit } from './device-traits';
import { fitDevices } from './device-fit';
import { invalid, requirePositive, requirePositiveInteger } from './input-checks';
import { sumBreakdown, type MemoryBreakdown, type MemoryEstimate } from './memory-estimate';

/**
 * Training memory per GPU: model states (weights, gradients, optimizer states) partitioned by
 * ZeRO stage, plus activations (activation-memory.ts).
 *
 * Model-state bytes per parameter (Rajbhandari et al. 2019, "ZeRO", arXiv 1910.02054, §3.1):
 * mixed-precision Adam keeps fp16 weights (2) + fp16 gradients (2) + K = 12 bytes of fp32
 * master weights, momentum and variance = 16 B/param. The other rows follow the same
 * accounting [derived]: SGD with momentum keeps master + momentum (K = 8); Adafactor keeps the
 * master copy and factored second moments of size rows + cols, negligible per parameter (K = 4).
 * Pure fp32: weights 4 + gradients 4, and K drops the master copy (Adam 8, SGD 4, Adafactor ~0).
 * FP8 training keeps 16-bit weights and fp32 master weights, so it is counted as mixed precision.
 *
 * ZeRO over N_d data-parallel GPUs (paper §5, Figure 1): stage 1 partitions optimizer states,
 * stage 2 also gradients, stage 3 also weights. The paper's example, 7.5B params, N_d = 64:
 * 120 GB → 31.4 GB → 16.6 GB → 1.9 GB.
 *
 * LoRA (Hu et al. 2021) freezes the base weights and trains adapters of rank r: 2·r·h params per
 * adapted h×h matrix. QLoRA (Dettmers et al. 2023) stores the base in 4-bit NF4 with double
 * quantisation, 4 + 0.127 bits per parameter (QLoRA §3).
 */
export type Optimizer = 'adam' | 'sgd' | 'adafactor';
export type ZeroStage = 0 | 1 | 2 | 3;

export interface LoraOptions {
  /** Trainable adapter parameter count; or give `rank` with the activation shape's layers/hidden. */
  adapterParams?: number;
  rank?: number;
  /** Adapted h×h matrices per layer (default 4: q, k, v, o). */
  matricesPerLayer?: number;
  /** 'nf4' for QLoRA; default keeps the base at the training precision. */
  baseQuantization?: 'none' | 'nf4';
}

export interface TrainingMemoryInput {
  params: number;
  precision?: TrainingPrecision;
  optimizer?: Optimizer;
  zeroStage?: ZeroStage;
  /** Data-parallel GPUs the states are partitioned over (default 1). */
  gpus?: number;
  activations?: ActivationShape;
  lora?: LoraOptions;
}

interface StateBytes {
  weights: number;
  grads: number;
  optimizer: number;
}

export function modelStateBytesPerParam(precision: TrainingPrecision, optimizer: Optimizer): StateBytes {
  const fp32 = precision === 'fp32' || precision === 'tf32';
  const k = fp32 ? { adam: 8, sgd: 4, adafactor: 0 }[optimizer] : { adam: 12, sgd: 8, adafactor: 4 }[optimizer];
  return fp32 ? { weights: 4, grads: 4, optimizer: k } : { weights: 2, grads: 2, optimizer: k };
}

const NF4_BYTES_PER_PARAM = (4 + 0.127) / 8;

/** Per-GPU model-state bytes at a ZeRO stage: which of the three are divided by N_d. */
export function zeroPartition(s: StateBytes, stage: ZeroStage, nd: number): StateBytes {
  return {
    weights: stage >= 3 ? s.weights / nd : s.weights,
    grads: stage >= 2 ? s.grads / nd : s.grads,
    optimizer: stage >= 1 ? s.optimizer / nd : s.optimizer,
  };
}

function adapterParamsOf(lora: LoraOptions, act?: ActivationShape): number {
  if (lora.adapterParams !== undefined) return requirePositive('lora.adapterParams', lora.adapterParams);
  if (lora.rank === undefined || !act) throw invalid('lora', 'the adapter size is unknown: give the rank together with the layers and hidden size (2 x rank x hidden per adapted matrix), or the adapter parameter count');
  return 2 * requirePositive('lora.rank', lora.rank) * act.hidden * (lora.matricesPerLayer ?? 4) * act.layers;
}

export function estimateTrainingMemory(input: TrainingMemoryInput, devices: readonly HardwareSpec[] = [], maxDevices = 1024): MemoryEstimate {
  const params = requirePositive('params', input.params);
  const precision = input.precision ?? 'bf16';
  const optimizer = input.optimizer ?? 'adam';
  const stage = input.zeroStage ?? 0;
  if (![0, 1, 2, 3].includes(stage)) throw invalid('zeroStage', 'must be 0, 1, 2 or 3');
  const gpus = requirePositiveInteger('gpus', input.gpus ?? 1);
  const per = modelStateBytesPerParam(precision, optimizer);
  const notes: string[] = ['Not counted: CUDA context and allocator fragmentation (leave about 10% headroom), embeddings and logits activations.'];
  const assumptions: Assumptions = {
    bytesPerParam: { value: per.weights + per.grads + per.optimizer, unit: 'B/param', source: 'ZeRO (Rajbhandari et al. 2019) §3.1: 2 + 2 + 12 for mixed-precision Adam; other optimizers derived the same way' },
    zeroStage: { value: stage, source: input.zeroStage === undefined ? 'default (no partitioning)' : 'user input' },
  };

  // States as a function of the GPU count, so the device search can shrink them with n.
  let statesAt: (n: number) => StateBytes;
  if (input.lora) {
    const adapters = adapterParamsOf(input.lora, input.activations);
    const baseBytes = input.lora.baseQuantization === 'nf4' ? NF4_BYTES_PER_PARAM : per.weights;
    assumptions.adapterParams = { value: adapters, unit: 'params', source: input.lora.adapterParams === undefined ? 'LoRA (Hu et al. 2021): 2·r·h per adapted matrix' : 'user input' };
    assumptions.baseBytesPerParam = { value: baseBytes, unit: 'B/param', source: input.lora.baseQuantization === 'nf4' ? 'QLoRA (Dettmers et al. 2023) §3: NF4 4 bits + 0.127 bits double-quantised constants' : 'frozen base at the training precision' };
    statesAt = (n) => {
      const a = zeroPartition({ weights: adapters * per.weights, grads: adapters * per.grads, optimizer: adapters * per.optimizer }, stage, n);
      return { weights: a.weights + (params * baseBytes) / (stage >= 3 ? n : 1), grads: a.grads, optimizer: a.optimizer };
    };
  } else {
    statesAt = (n) => zeroPartition({ weights: params * per.weights, grads: params * per.grads, optimizer: params * per.optimizer }, stage, n);
  }

  let actBytes = 0;
  if (input.activations) {
    const a = input.activations;
    for (const k of ['layers', 'hidden', 'heads', 'seqLen', 'microBatch'] as const) requirePositive(`activations.${k}`, a[k]);
    // Korthikanti's figures are for 16-bit activations; fp32 training stores twice as much.
    actBytes = activationBytes(a) * (precision === 'fp32' || precision === 'tf32' ? 2 : 1);
    assumptions.activations = { value: `${a.attention ?? 'standard'} attention, ${a.recompute ?? 'none'} recompute`, source: 'Korthikanti et al. 2022 (arXiv 2205.05198): sbh(34 + 5as/h) per layer' };
  } else notes.push('Activations not counted: give layers, hidden, heads, sequence length and micro-batch.');

  const breakdownAt = (n: number): MemoryBreakdown => {
    const s = statesAt(n);
    return { weightsGb: s.weights / GB, gradientsGb: s.grads / GB, optimizerGb: s.optimizer / GB, activationsGb: actBytes / GB, kvCacheGb: 0, overheadGb: 0 };
  };
  const breakdown = breakdownAt(gpus);
  const fits = fitDevices(devices, (n) => sumBreakdown(breakdownAt(stage === 0 ? 1 : n)), stage === 0 ? 1 : maxDevices);
  const alone = devices.filter((d) => !canSplit(d) && d.memoryGb < sumBreakdown(breakdownAt(1))).length;
  if (alone > 0 && stage > 0) notes.push(`${alone} catalog device${alone === 1 ? '' : 's'} that cannot be split over (laptops, phones, boards, Jetsons) ${alone === 1 ? 'does' : 'do'} not hold it alone and ${alone === 1 ? 'is' : 'are'} not listed.`);
  return { totalGb: sumBreakdown(breakdown), breakdown, fits, assumptions, notes };
}
