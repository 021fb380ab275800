import type { InferencePrecision, TrainingPrecision } from '../domain/hardware';

/** Storage bytes per weight (or KV element) at a precision. int4 is the nominal 0.5 B; group-wise
 * scales (e.g. GPTQ/AWQ, group 128) add a few percent, covered by the runtime overhead. */
export const BYTES_PER_VALUE: Record<InferencePrecision | TrainingPrecision, number> = {
  fp32: 4,
  tf32: 4,
  bf16: 2,
  fp16: 2,
  fp8: 1,
  int8: 1,
  int4: 0.5,
};

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
