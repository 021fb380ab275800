/**
 * Expected calibration error and the reliability diagram with equal-width bins.
 *
 * Bins are exactly calibration_curve(strategy='uniform')'s: edges np.linspace(0, 1, n + 1) and a
 * value p goes to bin np.searchsorted(edges[1:-1], p), i.e. (edge_b, edge_b+1] with 0 in the first
 * bin. ECE = sum over bins of (weight in bin / total weight) * |mean outcome - mean probability|,
 * where for binary scores the outcome is "row is positive" and the probability the positive-class
 * score (as calibration_curve), and for multiclass the outcome is "top class is right" and the
 * probability the top-class confidence. Without weights the points equal calibration_curve's
 * prob_true and prob_pred; with weights, means and shares are weighted.
 */
import type { ReliabilityDiagram } from './types';

export function uniformBinEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = 1 / bins;
  for (let i = 0; i <= bins; i++) edges[i] = i * step;
  edges[bins] = 1;
  return edges;
}

/** Number of inner edges strictly below p (np.searchsorted(edges[1:-1], p, side='left')). */
export function calibrationBin(p: number, edges: Float64Array): number {
  const bins = edges.length - 1;
  let b = Math.ceil(p * bins) - 1;
  if (b < 0) b = 0;
  if (b > bins - 1) b = bins - 1;
  // The guess can be one off near an edge (0.3 * 10 rounds up); settle it against the true edges.
  while (b > 0 && p <= (edges[b] as number)) b--;
  while (b < bins - 1 && p > (edges[b + 1] as number)) b++;
  return b;
}

export class CalibrationBins {
  readonly edges: Float64Array;
  readonly weight: Float64Array;
  readonly predicted: Float64Array;
  readonly outcome: Float64Array;
  readonly count: Float64Array;

  constructor(bins: number) {
    this.edges = uniformBinEdges(bins);
    this.weight = new Float64Array(bins);
    this.predicted = new Float64Array(bins);
    this.outcome = new Float64Array(bins);
    this.count = new Float64Array(bins);
  }

  add(p: number, outcome: number, w: number): void {
    const b = calibrationBin(p, this.edges);
    this.weight[b] += w;
    this.predicted[b] += w * p;
    this.outcome[b] += w * outcome;
    this.count[b] += 1;
  }

  /** Null when the total weight is zero. */
  ece(): number | null {
    let total = 0;
    for (let b = 0; b < this.weight.length; b++) total += this.weight[b] as number;
    if (total === 0) return null;
    let ece = 0;
    for (let b = 0; b < this.weight.length; b++) {
      const w = this.weight[b] as number;
      if (w === 0) continue;
      ece += (w / total) * Math.abs((this.outcome[b] as number) / w - (this.predicted[b] as number) / w);
    }
    return ece;
  }

  diagram(): ReliabilityDiagram {
    const out: ReliabilityDiagram = { binEdges: Array.from(this.edges), bin: [], fractionPositive: [], meanPredicted: [], count: [] };
    for (let b = 0; b < this.weight.length; b++) {
      const w = this.weight[b] as number;
      if (w === 0) continue;
      out.bin.push(b);
      out.fractionPositive.push((this.outcome[b] as number) / w);
      out.meanPredicted.push((this.predicted[b] as number) / w);
      out.count.push(this.count[b] as number);
    }
    return out;
  }
}
