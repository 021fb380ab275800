import type { InferencePrecision } from '../domain/hardware';

/**
 * One default request for every inference figure, so the memory estimate and the throughput
 * estimate never disagree on whether a model fits: 512 prompt tokens and 256 output tokens, a
 * 768-token context (Tally judgement: a typical chat turn; give your own for long documents).
 */
export const DEFAULT_PROMPT_TOKENS = 512;
export const DEFAULT_OUTPUT_TOKENS = 256;
export const DEFAULT_CONTEXT_TOKENS = DEFAULT_PROMPT_TOKENS + DEFAULT_OUTPUT_TOKENS;
export const DEFAULT_REQUEST_SOURCE = `default request: ${DEFAULT_PROMPT_TOKENS} prompt + ${DEFAULT_OUTPUT_TOKENS} output tokens (Tally judgement: a typical chat turn)`;

/**
 * The KV cache format when none is given: FP8 with FP8 weights, as NVIDIA's published FP8 serving
 * runs build their engines (TensorRT-LLM performance.md: `--enable_fp8 --fp8_kv_cache`); FP32
 * with FP32 weights; FP16 otherwise (vLLM's and llama.cpp's default cache type).
 */
export function defaultKvPrecision(weights: InferencePrecision): InferencePrecision {
  if (weights === 'fp8') return 'fp8';
  if (weights === 'fp32') return 'fp32';
  return 'fp16';
}

export const KV_PRECISION_SOURCE = 'default: FP8 cache with FP8 weights (TensorRT-LLM FP8 builds use --fp8_kv_cache), FP32 with FP32, else FP16 (vLLM and llama.cpp default)';
