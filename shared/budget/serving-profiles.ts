import type { Uncertain } from './uncertain-value';

/**
 * How close a serving stack gets to the hardware roofline. Decode is bounded by memory
 * bandwidth (every step streams all weights), prefill by compute (reference §2.6):
 * TPOT ≈ max(bytes / (BW · eff_mem), FLOPs / (peak · eff_compute)) + per-step overhead.
 * The streaming efficiency and the per-step overhead come from the device's memory
 * (decode-efficiency.ts) unless a profile sets its own.
 *
 * - `optimized`: a serving engine with fused kernels, CUDA graphs and continuous batching
 *   (vLLM, TensorRT-LLM, TGI, llama.cpp server). Prefill compute efficiency 40-70% (comparable
 *   to training MFU, reference §2.4). First token: prefill (compute, or one read of the weights
 *   for a short prompt, whichever is longer) plus one step's overhead plus a fixed 1-5 ms on one
 *   device, 5-30 ms split over several (an all-reduce per layer), fitted to TensorRT-LLM's
 *   published batch-1 first-token latencies (docs/source/performance.md, v0.5: LLaMA 7B FP8 on
 *   one H100 7 ms at 128 prompt tokens, 36 ms at 2,048; LLaMA 70B on four H100s 26 and 109 ms,
 *   on four A100s 47 and 377 ms).
 * - `plain`: a framework's own generate loop (e.g. eager PyTorch / Hugging Face `generate`, one
 *   request at a time). Launch-bound: tens of small kernels per layer each step, plus Python
 *   between steps, so a fixed 5-20 ms per step (median 10) replaces the device's own; for a 7B
 *   fp16 model on an A100 that is ~55 tokens/s against a 146 tokens/s roofline. These factors are
 *   Tally judgement: measure a pilot run and use its numbers when the answer matters.
 */
export interface ServingProfile {
  name: string;
  label: string;
  /** Absent: the device's streaming efficiency by memory type (decode-efficiency.ts). */
  bandwidthEfficiency?: Uncertain;
  computeEfficiency: Uncertain;
  /** Absent: the device's per-step overhead by memory type (decode-efficiency.ts). */
  perStepOverheadMs?: Uncertain;
  /** Fixed cost of the first token on one device, and when the model is split over several. */
  firstTokenOverheadMs: { single: Uncertain; split: Uncertain };
  source: string;
}

export const SERVING_PROFILES = {
  optimized: {
    name: 'optimized',
    label: 'Optimised inference server (vLLM, TensorRT-LLM, TGI, llama.cpp server)',
    computeEfficiency: { p10: 0.4, p50: 0.55, p90: 0.7 },
    firstTokenOverheadMs: { single: { p10: 1, p50: 2, p90: 5 }, split: { p10: 5, p50: 15, p90: 30 } },
    source: 'prefill efficiency like training MFU (reference §2.4); first-token overhead fitted to TensorRT-LLM v0.5 batch-1 latencies (performance.md)',
  },
  plain: {
    name: 'plain',
    label: 'Plain framework generate loop (e.g. eager PyTorch / Hugging Face generate)',
    computeEfficiency: { p10: 0.2, p50: 0.3, p90: 0.45 },
    perStepOverheadMs: { p10: 5, p50: 10, p90: 20 },
    firstTokenOverheadMs: { single: { p10: 1, p50: 2, p90: 5 }, split: { p10: 5, p50: 15, p90: 30 } },
    source: 'Tally judgement: kernel-launch and Python overhead per decode step far above the roofline (reference §2.6); calibrate with a pilot run',
  },
} as const satisfies Record<string, ServingProfile>;

export type ServingProfileName = keyof typeof SERVING_PROFILES;

export function isServingProfileName(x: string): x is ServingProfileName {
  return Object.prototype.hasOwnProperty.call(SERVING_PROFILES, x);
}
