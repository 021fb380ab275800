import type { Uncertain } from './uncertain-value';

/**
 * Goodput: the share of a run's GPU-hours that advances training. The MFU default describes the
 * steady state; published GPU-hours of whole runs also hold restarts after failures, lost work
 * since the last checkpoint, evaluation and checkpoint pauses. GPU-hours = steady-state GPU-hours
 * / goodput. The loss grows with the number of GPUs (failures come per GPU-hour; every failure
 * stops all of them), so the default falls with the GPU count and its range widens:
 *
 * - Llama 3 (Dubey et al. 2024 §3.3.4): "higher than 90% effective training time" over a 54-day
 *   snapshot on up to 16k GPUs with 466 job interruptions; its model card's 30.84M GPU-hours for
 *   405B against Table 4's 38-41% MFU give 0.92 on the 6N basis.
 * - BLOOM (BigScience; Jean Zay): 1,082,990 GPU-hours on 384 A100s against its reported 156
 *   TFLOPS per GPU (with activation recomputation) give about 0.87.
 * - MPT-7B (MosaicML model card: 440 A100-40GB for 9.5 days, 1T tokens) against llm-foundry's
 *   own 7B throughput on 128 A100-40GB: about 0.76.
 * - llm.c GPT-2 runs on one 8-GPU node: the quoted wall-clock already includes evaluation; their
 *   implied MFU matches their steady-state logs (no visible loss).
 * Default, log-interpolated in the GPU count between one node (8 GPUs: P10 0.92 / P50 0.97 /
 * P90 1.0) and 4,096 GPUs or more (0.75 / 0.88 / 0.95); Tally judgement through those rows.
 */
export interface GoodputDefault {
  value: Uncertain;
  source: string;
}

const SMALL = { gpus: 8, p10: 0.92, p50: 0.97, p90: 1 };
const LARGE = { gpus: 4096, p10: 0.75, p50: 0.88, p90: 0.95 };

export const GOODPUT_SOURCE = 'restarts, lost work and evaluation pauses: Llama 3 >90% effective training time (Dubey et al. 2024 §3.3.4), BLOOM ~0.87 and MPT-7B ~0.76 of their steady throughput; falls with the GPU count (Tally judgement between 8 and 4,096 GPUs)';

export function defaultGoodput(gpus: number): GoodputDefault {
  const t = gpus <= SMALL.gpus ? 0 : gpus >= LARGE.gpus ? 1 : Math.log(gpus / SMALL.gpus) / Math.log(LARGE.gpus / SMALL.gpus);
  const at = (k: 'p10' | 'p50' | 'p90') => SMALL[k] + (LARGE[k] - SMALL[k]) * t;
  return { value: { p10: at('p10'), p50: at('p50'), p90: at('p90') }, source: GOODPUT_SOURCE };
}
