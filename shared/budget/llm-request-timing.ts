import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import { BYTES_PER_VALUE, kvCacheBytes, type KvShape } from './bytes-per-value';
import { decodeStep } from './inference-roofline';

/**
 * Deterministic timing of one batch of LLM requests on `gpus` devices, given serving
 * efficiencies: prefill then `outputTokens` decode steps (roofline), plus the fixed costs:
 * latency = TTFT + TPOT × output tokens (Databricks, "LLM Inference Performance Engineering: Best
 * Practices", 2023). Prefill is compute-bound for long prompts but still reads every weight once,
 * so a short prompt takes at least one pass over the weights at the achieved bandwidth
 * (TensorRT-LLM's 7B FP8 on one H100: 7 ms at 128 prompt tokens, where the FLOPs alone take
 * under 2 ms). Shared by the inference estimate and the deployment comparison, which evaluate it
 * once per Monte Carlo draw.
 */
export interface LlmTimingSetup {
  params: number;
  precision: InferencePrecision;
  /** KV cache element format (default fp16; fp32 for fp32 weights). */
  kvPrecision?: InferencePrecision;
  hardware: HardwareSpec;
  /** Dense peak used for compute, TFLOPS (from peakFor). */
  peakTflops: number;
  gpus: number;
  batch: number;
  promptTokens: number;
  outputTokens: number;
  kv?: KvShape;
}

export interface Efficiencies {
  bandwidthEfficiency: number;
  computeEfficiency: number;
  perStepOverheadMs: number;
  /** Fixed cost of the first token (scheduling, and an all-reduce per layer when split). */
  firstTokenOverheadMs: number;
}

export interface LlmTiming {
  prefillSeconds: number;
  firstTokenSeconds: number;
  stepSeconds: number;
  totalSeconds: number;
  bound: 'memory' | 'compute';
}

export function llmTiming(s: LlmTimingSetup, e: Efficiencies): LlmTiming {
  const flopsPerToken = 2 * s.params; // forward pass, Kaplan et al. 2020 (attention FLOPs not counted)
  const weightBytes = s.params * BYTES_PER_VALUE[s.precision];
  const kvElem = BYTES_PER_VALUE[s.kvPrecision ?? (s.precision === 'fp32' ? 'fp32' : 'fp16')];
  // Decode reads the KV cache of the average context over the generation, P + T/2.
  const kvRead = s.kv ? kvCacheBytes(s.kv, s.promptTokens + s.outputTokens / 2, s.batch, kvElem) : 0;
  const flopsPerS = s.peakTflops * 1e12 * s.gpus * e.computeEfficiency;
  const bytesPerS = s.hardware.bandwidthGbs * 1e9 * s.gpus * e.bandwidthEfficiency;
  const overheadS = e.perStepOverheadMs / 1000;
  const prefillSeconds = Math.max((s.batch * s.promptTokens * flopsPerToken) / flopsPerS, weightBytes / bytesPerS);
  const step = decodeStep(weightBytes + kvRead, bytesPerS, flopsPerToken * s.batch, flopsPerS, overheadS);
  // The prefill pass pays a step's fixed costs too, plus the scheduling of the first token.
  const firstTokenSeconds = prefillSeconds + overheadS + e.firstTokenOverheadMs / 1000;
  return { prefillSeconds, firstTokenSeconds, stepSeconds: step.seconds, totalSeconds: firstTokenSeconds + s.outputTokens * step.seconds, bound: step.bound };
}
