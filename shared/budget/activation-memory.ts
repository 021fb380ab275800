/**
 * Activation memory of transformer training, Korthikanti et al. 2022 ("Reducing Activation
 * Recomputation in Large Transformer Models", arXiv 2205.05198), 16-bit activations, per layer:
 * - no recomputation:        s·b·h·(34 + 5·a·s/h) bytes
 * - selective recomputation: 34·s·b·h (the 5·a·s²·b attention-score term is recomputed);
 *   FlashAttention never stores the score matrix either, so it gives the same figure
 * - full recomputation:      2·s·b·h (only the layer input is kept)
 * With tensor parallelism t plus sequence parallelism every term divides by t.
 * Not counted: embeddings, the output logits and the pipeline-stage input buffers.
 */
export type AttentionKind = 'standard' | 'flash';
export type Recompute = 'none' | 'selective' | 'full';

export interface ActivationShape {
  layers: number;
  hidden: number;
  heads: number;
  seqLen: number;
  microBatch: number;
  attention?: AttentionKind;
  recompute?: Recompute;
  /** Tensor-parallel degree with sequence parallelism (default 1). */
  tensorParallel?: number;
}

export function activationBytesPerLayer(shape: ActivationShape): number {
  const { hidden: h, heads: a, seqLen: s, microBatch: b } = shape;
  const t = shape.tensorParallel ?? 1;
  const sbh = s * b * h;
  const recompute = shape.recompute ?? 'none';
  if (recompute === 'full') return (2 * sbh) / t;
  if (recompute === 'selective' || shape.attention === 'flash') return (34 * sbh) / t;
  return (sbh * (34 + (5 * a * s) / h)) / t;
}

export function activationBytes(shape: ActivationShape): number {
  return activationBytesPerLayer(shape) * shape.layers;
}
