/**
 * Roofline timings for one transformer forward step (reference §2.6). Units: bytes, FLOPs,
 * bytes/s and FLOP/s in, seconds out. Pure and tiny so tests can check them against the
 * published bounds (e.g. 7B fp16 on an A100-80GB: 2039 GB/s / 14 GB ≈ 146 tokens/s).
 */
export interface StepTiming {
  memorySeconds: number;
  computeSeconds: number;
  seconds: number;
  bound: 'memory' | 'compute';
}

/** One decode step for `batch` sequences: weights + KV read once, 2·N FLOPs per sequence. */
export function decodeStep(bytesRead: number, bandwidthBytesPerS: number, flops: number, flopsPerS: number, overheadSeconds: number): StepTiming {
  const memorySeconds = bytesRead / bandwidthBytesPerS;
  const computeSeconds = flops / flopsPerS;
  const bound = memorySeconds >= computeSeconds ? 'memory' : 'compute';
  return { memorySeconds, computeSeconds, seconds: Math.max(memorySeconds, computeSeconds) + overheadSeconds, bound };
}

/** Upper bound on decode tokens/s for one sequence: bandwidth / bytes per step. */
export function rooflineDecodeTokensPerS(bandwidthBytesPerS: number, bytesPerStep: number): number {
  return bandwidthBytesPerS / bytesPerStep;
}

/** Ridge point of the roofline, FLOP/byte: below it a kernel is bandwidth-bound. */
export function ridgePoint(peakFlopsPerS: number, bandwidthBytesPerS: number): number {
  return peakFlopsPerS / bandwidthBytesPerS;
}

/** Cost per 1M tokens (NVIDIA's formula): ($/h) / (tokens/s × 3600) × 1e6. */
export function costPerMillionTokens(usdPerHour: number, tokensPerS: number): number {
  return (usdPerHour / (tokensPerS * 3600)) * 1e6;
}

export interface ApiPrice {
  inputUsdPerMTok: number;
  outputUsdPerMTok: number;
  cachedInputUsdPerMTok?: number | null;
}

/** API cost of one request: in × p_in/1e6 + out × p_out/1e6, cached input at its own price. */
export function apiCostPerRequest(price: ApiPrice, inputTokens: number, outputTokens: number, cachedInputTokens = 0): number {
  const cachedPrice = price.cachedInputUsdPerMTok ?? price.inputUsdPerMTok;
  return ((inputTokens - cachedInputTokens) * price.inputUsdPerMTok + cachedInputTokens * cachedPrice + outputTokens * price.outputUsdPerMTok) / 1e6;
}
