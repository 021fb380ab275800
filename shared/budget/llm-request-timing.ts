import type { HardwareSpec, InferencePrecision } from '../domain/hardware';
import { BYTES_PER_VALUE, kvCacheBytes, type KvShape } from './bytes-per-value';
import { decodeStep } from './inference-roofline';

/**
 * Deterministic timing of one batch of LLM requests on `gpus` devices, given serving
 * efficiencies: prefill (compute-bound) then `outputTokens` decode steps (roofline), plus the
 * per-step overhead: latency = TTFT + TPOT × output tokens (Databricks, "LLM Inference Performance
 * Engineering: Best Practices", 2023). Shared by the inference estimate and the deployment
 * comparison, which evaluate it once per Monte Carlo draw.
 */
export interface LlmTimingSetup {
  params: number;
  precision: InferencePrecision;
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
  const kvElem = BYTES_PER_VALUE[s.precision === 'fp32' ? 'fp32' : 'fp16'];
  // Decode reads the KV cache of the average context over the generation, P + T/2.
  const kvRead = s.kv ? kvCacheBytes(s.kv, s.promptTokens + s.outputTokens / 2, s.batch, kvElem) : 0;
  const flopsPerS = s.peakTflops * 1e12 * s.gpus * e.computeEfficiency;
  const bytesPerS = s.hardware.bandwidthGbs * 1e9 * s.gpus * e.bandwidthEfficiency;
  const overheadS = e.perStepOverheadMs / 1000;
  const prefillSeconds = (s.batch * s.promptTokens * flopsPerToken) / flopsPerS;
  const step = decodeStep(weightBytes + kvRead, bytesPerS, flopsPerToken * s.batch, flopsPerS, overheadS);
  const firstTokenSeconds = prefillSeconds + overheadS;
  return { prefillSeconds, firstTokenSeconds, stepSeconds: step.seconds, totalSeconds: firstTokenSeconds + s.outputTokens * step.seconds, bound: step.bound };
}
