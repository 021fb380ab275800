import type { HardwareSpec, TrainingPrecision } from '../domain/hardware';
import type { Uncertain } from './uncertain-value';

/**
 * Default model FLOPs utilisation (MFU) for a training run, by hardware class and model size,
 * from estimator-reference.md §2.4:
 * - H100/H200-class, BF16 dense pretraining: 35-45% (Llama 3 Table 4: 38-43% on 8-16k H100s).
 * - A100-class: 40-50% (Megatron-LM README: 41.5% at 22B to 56% at 1T with selective
 *   recompute; Narayanan et al. 2021: 52%). TPUs share this class (PaLM 540B: 46.2% on TPU v4).
 * - Anything else, small clusters or unknown setups: 20-30% (GPT-3 on V100: 21.3% per PaLM
 *   Table 3; Epoch's MFU column for DeepSeek-V3, Falcon-180B, GPT-3: 19-20%).
 * Model size: the Megatron figures rise with size (small matmuls use tensor cores poorly), so
 * below 1B parameters we scale by 0.7 and from 1B to 20B by 0.9 (Tally judgement).
 * FP8: MFU is quoted against the FP8 peak, which real FP8 runs reach far less of than BF16 runs
 * reach theirs, so we scale by 0.7 (Tally judgement).
 */
export interface MfuDefault {
  value: Uncertain;
  source: string;
}

type MfuClass = 'hopper' | 'ampere-tpu' | 'other';

function mfuClass(spec: HardwareSpec): MfuClass {
  if (/^(h100|h200|mi300)/.test(spec.id)) return 'hopper';
  if (/^a100/.test(spec.id) || spec.id.startsWith('tpu')) return 'ampere-tpu';
  return 'other';
}

const BASE: Record<MfuClass, { value: Uncertain; source: string }> = {
  hopper: { value: { p10: 0.3, p50: 0.4, p90: 0.45 }, source: 'reference §2.4: 35-45% for dense BF16 pretraining on H100 (Llama 3 Table 4: 38-43%); low case 30%' },
  'ampere-tpu': { value: { p10: 0.35, p50: 0.45, p90: 0.52 }, source: 'reference §2.4: 40-50% on A100 (Megatron-LM README 41.5-56%, Narayanan et al. 2021 52%; PaLM on TPU v4 46.2%)' },
  other: { value: { p10: 0.2, p50: 0.25, p90: 0.3 }, source: 'reference §2.4: 20-30% for small clusters or unknown setups (GPT-3 on V100 21.3%, PaLM Table 3)' },
};

export function defaultMfu(spec: HardwareSpec, params: number, precision: TrainingPrecision = 'bf16'): MfuDefault {
  const base = BASE[mfuClass(spec)];
  const sizeFactor = params < 1e9 ? 0.7 : params < 2e10 ? 0.9 : 1;
  const fp8Factor = precision === 'fp8' ? 0.7 : 1;
  const f = sizeFactor * fp8Factor;
  const notes: string[] = [];
  if (sizeFactor !== 1) notes.push(`x${sizeFactor} for a ${params < 1e9 ? 'sub-1B' : '1B-20B'} model (Tally judgement: MFU rises with model size in the Megatron-LM table)`);
  if (fp8Factor !== 1) notes.push(`x${fp8Factor} because FP8 runs reach a smaller share of the FP8 peak (Tally judgement)`);
  return {
    value: { p10: base.value.p10 * f, p50: base.value.p50 * f, p90: base.value.p90 * f },
    source: notes.length > 0 ? `${base.source}; ${notes.join('; ')}` : base.source,
  };
}
