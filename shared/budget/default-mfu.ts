import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import { peakFor, type PeakChoice } from './peak-throughput';
import type { Uncertain } from './uncertain-value';

/**
 * Default model FLOPs utilisation (MFU) of a training run's steady state, as a share of the dense
 * peak of the precision it runs in, on the 6·N FLOPs basis the estimator counts (C = 6ND). The
 * published rows it is calibrated against are in published-runs.ts; the README says how far each
 * lands. MFU = class base × size factor × GPU-count factor × precision factor.
 *
 * Class base (models of 3B parameters and more, up to 64 GPUs), 6N basis:
 * - A100 and TPU: 0.55. llm-foundry's A100-80GB table on 8 GPUs at 2,048 tokens gives 0.55-0.59
 *   for 3B-13B and 0.53 for 30B; Megatron-LM 175B-1T reaches 51-56% (reference §2.4); PaLM
 *   540B on TPU v4 46.2% at 6,144 chips.
 * - H100, H200, MI300: 0.40. llm-foundry's H100 table on 8 GPUs: 0.36-0.43 for 3B-70B; Llama 3
 *   Table 4: 38-43% at 8-16k GPUs (0.38-0.40 on the 6N basis).
 * - Anything else (V100, T4, L4, consumer GPUs, unknown setups): 0.25; GPT-3 on 10,000 V100s
 *   reached 21.3% (PaLM Table 3).
 * Size factor (MFU falls for small models: small matmuls use the tensor cores poorly),
 * interpolated on log(params): 0.72 at 100M and below, 0.9 at 1B, 1 from 3B. llm-foundry's A100
 * table: 125M 0.34, 350M 0.40, 760M 0.47, 1B 0.52, 3B 0.55 (6N basis); llm.c's GPT-2 runs sit
 * above it (124M on 8 A100s: 0.55), so the small-model default lies between the two.
 * GPU-count factor: 1 up to 64 GPUs, then a loss per doubling that shrinks with model size (a
 * small model has little compute to hide its gradient traffic behind): 3% up to 10B, 0.5% from
 * 400B, log-interpolated between; not below 0.8. llm-foundry H100: 1B falls from 0.35 on 64 GPUs
 * to 0.32 on 512 (-3.3% a doubling), 7B from 0.42 on 128 to 0.39 on 512 (-3.9%), 70B from 0.40
 * on 128 to 0.40 on 512 (-1.2%); Llama 3 Table 4 keeps 405B at 43% on 8,192 GPUs.
 * Precision: when the FP8 peak is used, ×0.6 (llm-foundry's H100 FP8 3B row reaches 0.25 of the
 * FP8 peak against 0.39-0.43 of the BF16 peak for the BF16 runs). No factor when a device without
 * FP8 falls back to its 16-bit peak.
 * Range: P10 = 0.75 × P50, P90 = 1.2 × P50 (1.3 for the "other" class): the published setups of
 * one size spread about that much (llm-foundry A100-40GB with activation checkpointing 0.41-0.51
 * against 0.53-0.59 on 80 GB). The high case leaves the size factor out: a hand-tuned small
 * model can run as well as a large one (llm.c's GPT-2 124M on 8 A100s reaches 0.55).
 */
export interface MfuDefault {
  value: Uncertain;
  source: string;
}

export interface MfuSetup {
  /** GPUs in the run (default 1). */
  gpus?: number;
  /** The peak the run uses; when absent, the device's peak for `precision`. */
  peak?: PeakChoice | null;
  precision?: TrainingPrecision;
}

type MfuClass = 'hopper' | 'ampere-tpu' | 'other';

function mfuClass(spec: HardwareSpec): MfuClass {
  if (/^(h100|h200|mi300)/.test(spec.id)) return 'hopper';
  if (/^a100/.test(spec.id) || spec.id.startsWith('tpu')) return 'ampere-tpu';
  return 'other';
}

const BASE: Record<MfuClass, { p50: number; low: number; high: number; source: string }> = {
  hopper: { p50: 0.4, low: 0.75, high: 1.2, source: 'H100 class 0.40 (llm-foundry H100 BF16 table, 8 GPUs: 0.36-0.43 for 3B-70B; Llama 3 Table 4: 38-43%)' },
  'ampere-tpu': { p50: 0.55, low: 0.75, high: 1.2, source: 'A100/TPU class 0.55 (llm-foundry A100-80GB table, 8 GPUs: 0.53-0.59 for 3B-30B; Megatron-LM 51-56%; PaLM 46.2% on TPU v4)' },
  other: { p50: 0.25, low: 0.75, high: 1.3, source: 'other devices 0.25 (GPT-3 on V100: 21.3%, PaLM Table 3; reference §2.4: 20-30% for small clusters or unknown setups)' },
};

const SIZE_ANCHORS: readonly [number, number][] = [
  [1e8, 0.72],
  [1e9, 0.9],
  [3e9, 1],
];

/** Piecewise-linear in log10(params) through the anchors, flat outside them. */
export function mfuSizeFactor(params: number): number {
  const first = SIZE_ANCHORS[0] as [number, number];
  const last = SIZE_ANCHORS[SIZE_ANCHORS.length - 1] as [number, number];
  if (params <= first[0]) return first[1];
  if (params >= last[0]) return last[1];
  for (let i = 1; i < SIZE_ANCHORS.length; i += 1) {
    const [n1, f1] = SIZE_ANCHORS[i] as [number, number];
    const [n0, f0] = SIZE_ANCHORS[i - 1] as [number, number];
    if (params <= n1) return f0 + ((f1 - f0) * Math.log(params / n0)) / Math.log(n1 / n0);
  }
  return last[1];
}

/** MFU lost per doubling of the GPU count past 64, by model size. */
export function mfuLossPerDoubling(params: number): number {
  if (params <= 1e10) return 0.03;
  if (params >= 4e11) return 0.005;
  return 0.03 - (0.025 * Math.log(params / 1e10)) / Math.log(40);
}

export function mfuCountFactor(gpus: number, params: number): number {
  if (gpus <= 64) return 1;
  return Math.max(0.8, 1 - mfuLossPerDoubling(params) * Math.log2(gpus / 64));
}

export const FP8_MFU_FACTOR = 0.6;

const round = (x: number) => Number(x.toFixed(3));

export function defaultMfu(spec: HardwareSpec, params: number, setup: MfuSetup = {}): MfuDefault {
  const base = BASE[mfuClass(spec)];
  const gpus = setup.gpus ?? 1;
  const peak = setup.peak === undefined ? peakFor(spec, setup.precision ?? 'bf16') : setup.peak;
  const size = mfuSizeFactor(params);
  const count = mfuCountFactor(gpus, params);
  const fp8 = peak?.column === 'fp8Tflops' ? FP8_MFU_FACTOR : 1;
  const p50 = base.p50 * size * count * fp8;
  const p90 = base.p50 * base.high * count * fp8;
  const parts = [base.source];
  if (size !== 1) parts.push(`x${round(size)} for ${(params / 1e9).toPrecision(2)}B parameters (llm-foundry A100 table: MFU falls below 3B; llm.c GPT-2 runs sit above it)`);
  if (count !== 1) parts.push(`x${round(count)} for ${gpus} GPUs (-${round(mfuLossPerDoubling(params) * 100)}% per doubling past 64 at this size: llm-foundry H100 64-512 GPUs, Llama 3 Table 4)`);
  if (fp8 !== 1) parts.push(`x${fp8} against the FP8 peak (llm-foundry H100 FP8 3B row: 0.25 of the FP8 peak)`);
  if (setup.precision === 'fp8' && fp8 === 1) parts.push(`${spec.name} has no FP8: the run uses its 16-bit peak, so no FP8 factor`);
  return { value: { p10: p50 * base.low, p50, p90 }, source: parts.join('; ') };
}
