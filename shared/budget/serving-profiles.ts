import type { Uncertain } from './uncertain-value';

/**
 * How close a serving stack gets to the hardware roofline. Decode is bounded by memory
 * bandwidth (every step streams all weights), prefill by compute (reference §2.6):
 * TPOT ≈ max(bytes / (BW · eff_mem), FLOPs / (peak · eff_compute)) + per-step overhead.
 *
 * - `optimized`: a serving engine with fused kernels, CUDA graphs and continuous batching
 *   (vLLM, TensorRT-LLM, TGI, llama.cpp server). Bandwidth efficiency ("MBU") of 50-85%, median
 *   70%: Databricks' "LLM Inference Performance Engineering" (2023) reports MBU around 60% for
 *   7B models at batch 1 [memory, not re-checked]; tuned kernels get higher. Prefill compute
 *   efficiency 40-70% (comparable to training MFU, reference §2.4). Per-step overhead 0.2-1 ms.
 * - `plain`: a framework's own generate loop (e.g. eager PyTorch / Hugging Face `generate`, one
 *   request at a time). Launch-bound: tens of small kernels per layer each step, plus Python
 *   between steps, so a fixed 5-20 ms per step (median 10) comes on top of a 30-70% bandwidth
 *   efficiency; for a 7B fp16 model on an A100 that is ~40 tokens/s against a 146 tokens/s
 *   roofline. These factors are Tally judgement: measure a pilot run and use its numbers when
 *   the answer matters.
 */
export interface ServingProfile {
  name: string;
  label: string;
  bandwidthEfficiency: Uncertain;
  computeEfficiency: Uncertain;
  perStepOverheadMs: Uncertain;
  source: string;
}

export const SERVING_PROFILES = {
  optimized: {
    name: 'optimized',
    label: 'Optimised inference server (vLLM, TensorRT-LLM, TGI, llama.cpp server)',
    bandwidthEfficiency: { p10: 0.5, p50: 0.7, p90: 0.85 },
    computeEfficiency: { p10: 0.4, p50: 0.55, p90: 0.7 },
    perStepOverheadMs: { p10: 0.2, p50: 0.5, p90: 1 },
    source: 'MBU ~60% at batch 1 (Databricks 2023, memory); prefill efficiency like training MFU (reference §2.4); overhead Tally judgement',
  },
  plain: {
    name: 'plain',
    label: 'Plain framework generate loop (e.g. eager PyTorch / Hugging Face generate)',
    bandwidthEfficiency: { p10: 0.3, p50: 0.5, p90: 0.7 },
    computeEfficiency: { p10: 0.2, p50: 0.3, p90: 0.45 },
    perStepOverheadMs: { p10: 5, p50: 10, p90: 20 },
    source: 'Tally judgement: kernel-launch and Python overhead per decode step far above the roofline (reference §2.6); calibrate with a pilot run',
  },
} as const satisfies Record<string, ServingProfile>;

export type ServingProfileName = keyof typeof SERVING_PROFILES;

export function isServingProfileName(x: string): x is ServingProfileName {
  return Object.prototype.hasOwnProperty.call(SERVING_PROFILES, x);
}
