import type { InferencePrecision, TrainingPrecision } from '../domain/hardware';

/**
 * Storage bytes per weight (or KV element) at a precision. Quantised formats carry their scales:
 * llama.cpp's Q4_0 packs 32 weights into 16 bytes of nibbles plus a 2-byte FP16 scale, 4.5 bits
 * a weight, and Q8_0 32 int8 weights plus the scale, 8.5 bits (ggml-common.h, block_q4_0 and
 * block_q8_0). GPTQ/AWQ with group size 128 land a little lower (about 4.1-4.25 bits), so the
 * llama.cpp figures are the upper, safer reading.
 */
export const BYTES_PER_VALUE: Record<InferencePrecision | TrainingPrecision, number> = {
  fp32: 4,
  tf32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 8.5 / 8,
  int4: 4.5 / 8,
};

export const QUANTISED_BITS_SOURCE = 'llama.cpp block formats (ggml-common.h): Q4_0 4.5 bits, Q8_0 8.5 bits per weight including the FP16 block scale';

/**
 * Bytes per element of the KV cache (2 = K and V): 2 · layers · kvHeads · headDim · tokens ·
 * batch · bytes (llm-analysis `get_memory_kv_cache_per_layer`; reference §2.6).
 * Llama-2-7B (32 layers, 32 KV heads, head dim 128) at fp16: 524,288 B = 0.5 MiB per token.
 */
export interface KvShape {
  layers: number;
  kvHeads: number;
  headDim: number;
}

export function kvCacheBytes(shape: KvShape, tokens: number, batch: number, bytesPerElem: number): number {
  return 2 * shape.layers * shape.kvHeads * shape.headDim * tokens * batch * bytesPerElem;
}

/**
 * The KV shape from the usual architecture flags: head dim defaults to hidden / heads and KV
 * heads to heads (multi-head attention; give kvHeads for GQA/MQA). Undefined when the layers or
 * head dim cannot be known, so callers can say the KV cache was not counted.
 */
export function kvShapeFrom(a: { layers?: number; hidden?: number; heads?: number; kvHeads?: number; headDim?: number }): KvShape | undefined {
  const headDim = a.headDim ?? (a.hidden !== undefined && a.heads !== undefined && a.heads > 0 ? a.hidden / a.heads : undefined);
  const kvHeads = a.kvHeads ?? a.heads;
  if (a.layers === undefined || headDim === undefined || kvHeads === undefined) return undefined;
  return { layers: a.layers, kvHeads, headDim };
}
