/**
 * The weighted confusion matrix: one pass over the rows. Everything label-based (accuracy,
 * balanced accuracy, precision, recall, F1, the most-frequent baseline) derives from it, so a
 * 10M-row evaluation reads its labels once.
 */
import type { ConfusionMatrixResult } from './types';

export interface WeightedConfusion {
  /** Number of classes; class indices are positions in scikit-learn's sorted label order. */
  k: number;
  /** k*k, row = true class, column = predicted class: summed weights (row counts when unweighted). */
  matrix: Float64Array;
  /** Rows whose true class is c, whatever their weight (scikit-learn's unique_labels ignores weights). */
  trueRows: Float64Array;
  predictedRows: Float64Array;
  total: number;
}

/** yTrue and yPred hold class indices in sorted order (0..k-1). */
export function weightedConfusion(yTrue: Int32Array, yPred: Int32Array, k: number, weights: Float64Array | null): WeightedConfusion {
  const matrix = new Float64Array(k * k);
  const trueRows = new Float64Array(k);
  const predictedRows = new Float64Array(k);
  const n = yTrue.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const t = yTrue[i] as number;
    const p = yPred[i] as number;
    const w = weights === null ? 1 : (weights[i] as number);
    matrix[t * k + p] += w;
    trueRows[t] += 1;
    predictedRows[p] += 1;
    total += w;
  }
  return { k, matrix, trueRows, predictedRows, total };
}

/** A confusion computed elsewhere (e.g. from a threshold count), in the same shape. */
export function confusionFromMatrix(matrix: Float64Array, k: number, trueRows: Float64Array, predictedRows: Float64Array): WeightedConfusion {
  let total = 0;
  for (let i = 0; i < matrix.length; i++) total += matrix[i] as number;
  return { k, matrix, trueRows, predictedRows, total };
}

/** Labels present in the truth or the predictions (scikit-learn's unique_labels), in sorted order. */
export function presentClasses(c: WeightedConfusion): number[] {
  const out: number[] = [];
  for (let j = 0; j < c.k; j++) if ((c.trueRows[j] as number) > 0 || (c.predictedRows[j] as number) > 0) out.push(j);
  return out;
}

export function confusionMatrixResult(c: WeightedConfusion, sortedLabels: readonly string[]): ConfusionMatrixResult {
  const matrix: number[][] = [];
  for (let t = 0; t < c.k; t++) matrix.push(Array.from(c.matrix.subarray(t * c.k, (t + 1) * c.k)));
  return { labels: [...sortedLabels], matrix };
}
