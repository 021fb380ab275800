/**
 * The dummy baselines shown beside every metric, computed in closed form from the class weights
 * (no second pass over the rows):
 *  - labels: DummyClassifier(strategy='most_frequent'): every row gets the class with the largest
 *    weight (ties to the first in sorted order, as np.argmax), only classes seen in the truth;
 *  - probabilities: DummyClassifier(strategy='prior'): every row gets the class shares by weight;
 *  - regression: DummyRegressor(strategy='mean'): every row gets the weighted mean target.
 */
import { CalibrationBins } from './calibration';
import { type WeightedConfusion, confusionFromMatrix } from './confusion';
import { clipProbability } from './probability-metrics';

/** Class weights (true class), in sorted order, and whether each class has rows at all. */
export interface ClassTotals {
  weight: Float64Array;
  rows: Float64Array;
}

export function mostFrequentClass(t: ClassTotals): number {
  let best = -1;
  for (let c = 0; c < t.weight.length; c++) {
    if ((t.rows[c] as number) === 0) continue;
    // NaN-free comparison; with every weight 0 the first present class wins, as argmax of NaN priors.
    if (best < 0 || (t.weight[c] as number) > (t.weight[best] as number)) best = c;
  }
  return best;
}

/** The confusion matrix of predicting `cls` for every row. */
export function constantPredictionConfusion(t: ClassTotals, cls: number): WeightedConfusion {
  const k = t.weight.length;
  const matrix = new Float64Array(k * k);
  const predictedRows = new Float64Array(k);
  let rows = 0;
  for (let c = 0; c < k; c++) {
    matrix[c * k + cls] = t.weight[c] as number;
    rows += t.rows[c] as number;
  }
  predictedRows[cls] = rows;
  return confusionFromMatrix(matrix, k, Float64Array.from(t.rows), predictedRows);
}

/** Prior probabilities: weight share of each class seen in the truth (0 for unseen classes). */
export function classPriors(t: ClassTotals): Float64Array | null {
  let total = 0;
  for (let c = 0; c < t.weight.length; c++) total += t.weight[c] as number;
  if (total === 0) return null;
  return t.weight.map((w) => w / total);
}

export interface PriorMetrics {
  logLoss: number;
  brier: number;
  ece: number;
}

/** Log loss, Brier (multiclass definition) and top-label ECE of predicting `prior` for every row. */
export function multiclassPriorMetrics(t: ClassTotals, prior: Float64Array, bins: number): PriorMetrics {
  const k = prior.length;
  let total = 0;
  for (let c = 0; c < k; c++) total += t.weight[c] as number;
  let sumClipped = 0;
  for (let c = 0; c < k; c++) sumClipped += clipProbability(prior[c] as number);
  let squares = 0;
  for (let c = 0; c < k; c++) squares += (prior[c] as number) ** 2;
  let logLoss = 0;
  let brier = 0;
  let top = 0;
  for (let c = 1; c < k; c++) if ((prior[c] as number) > (prior[top] as number)) top = c;
  for (let c = 0; c < k; c++) {
    const w = t.weight[c] as number;
    if (w === 0) continue;
    const p = prior[c] as number;
    logLoss += w * -Math.log(clipProbability(p) / sumClipped);
    brier += w * (squares - p * p + (1 - p) ** 2);
  }
  const cal = new CalibrationBins(bins);
  cal.add(prior[top] as number, 1, t.weight[top] as number);
  cal.add(prior[top] as number, 0, total - (t.weight[top] as number));
  return { logLoss: logLoss / total, brier: brier / total, ece: cal.ece() ?? 0 };
}
