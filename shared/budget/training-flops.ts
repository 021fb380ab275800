/**
 * Training compute.
 *
 * C ≈ 6·N·D FLOPs: 2 per parameter per token forward, 4 backward (Kaplan et al. 2020 §2.1;
 * Hoffmann et al. 2022; GPT-3 Table D.1). PaLM (Chowdhery et al. 2022, App. B) adds the
 * attention term: model FLOPs per token = 6N + 12·L·H·Q·T (L layers, H heads, Q head dim,
 * T sequence length), which matters at long context.
 */
export interface AttentionShape {
  layers: number;
  heads: number;
  headDim: number;
  seqLen: number;
}

/** Model FLOPs per training token (forward + backward), PaLM App. B. Excludes recomputation. */
export function trainingFlopsPerToken(params: number, attention?: AttentionShape): number {
  const dense = 6 * params;
  if (!attention) return dense;
  return dense + 12 * attention.layers * attention.heads * attention.headDim * attention.seqLen;
}

export function trainingFlops(params: number, tokens: number, attention?: AttentionShape): number {
  return trainingFlopsPerToken(params, attention) * tokens;
}

/**
 * Model FLOPs utilisation, PaLM §4.1: observed tokens/s × model FLOPs per token ÷ (chips × peak).
 * `peakFlopsPerChip` in FLOP/s (not TFLOPS).
 */
export function modelFlopsUtilization(tokensPerSecond: number, flopsPerToken: number, chips: number, peakFlopsPerChip: number): number {
  return (tokensPerSecond * flopsPerToken) / (chips * peakFlopsPerChip);
}

/** GPU-hours = C / (peak × MFU × 3600), reference §2.2. `peakTflops` in TFLOPS. */
export function gpuHoursFor(flops: number, peakTflops: number, mfu: number): number {
  return flops / (peakTflops * 1e12 * mfu * 3600);
}
