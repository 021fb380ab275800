/**
 * Regression metrics equal to scikit-learn 1.2 to 1e-9: mean_absolute_error, sqrt of
 * mean_squared_error, r2_score (force_finite: a constant target gives 1 for a perfect fit and 0
 * otherwise; fewer than two rows gives null), median_absolute_error (np.median unweighted, the
 * weighted percentile rule with weights), and MAPE on the rows whose target is not zero.
 *
 * MAPE differs from scikit-learn on purpose: mean_absolute_percentage_error divides a zero target
 * by machine epsilon and returns astronomically large numbers; Tally leaves those rows out, counts
 * them (zeroTargetsIgnored) and says so. On the remaining rows it equals scikit-learn exactly.
 * R2's constant-target case is decided by "every row with weight has the same target", not by a
 * floating-point variance that happens to be 0, so it is exact where scikit-learn can be off.
 * The residual summary (target minus prediction) describes rows as they are, ignoring weights:
 * quantiles as np.quantile (linear) and a 20-bin histogram as np.histogram.
 */
import type { BootstrapOptions } from '../intervals/bootstrap';
import { type RegressionIntervals, regressionIntervals } from '../intervals/regression-intervals';
import { REGRESSION_METRICS, type RegressionMetrics } from './metric-names';
import { type EvaluationWarning, Findings } from './types';
import { checkFinite, checkRows, checkSameLength, checkWeights } from './validate';
import { histogram, linearQuantile } from './residuals';

export interface RegressionEvaluationInput {
  yTrue: Float64Array;
  yPred: Float64Array;
  weights?: Float64Array | null;
}

export interface RegressionEvaluationOptions {
  /** Add 95% bootstrap intervals; `true` for the defaults. */
  intervals?: BootstrapOptions | boolean;
}


export const RESIDUAL_QUANTILES = [0, 0.05, 0.25, 0.5, 0.75, 0.95, 1] as const;

export interface ResidualSummary {
  mean: number;
  /** At RESIDUAL_QUANTILES. */
  quantiles: number[];
  histogram: { edges: number[]; counts: number[] };
}

export interface RegressionReport {
  task: 'regression';
  n: number;
  weightTotal: number;
  metrics: RegressionMetrics;
  /** DummyRegressor(strategy='mean'): every row predicted as the weighted mean target. */
  baseline: RegressionMetrics;
  reasons: Record<string, string>;
  warnings: EvaluationWarning[];
  /** Rows left out of MAPE because their target is exactly 0. */
  mapeZeroTargets: number;
  residuals: ResidualSummary;
  intervals: RegressionIntervals | null;
}

/** Weighted median as sklearn.utils.stats._weighted_percentile(percentile=50). */
function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const order = new Uint32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  let total = 0;
  for (let i = 0; i < order.length; i++) total += weights[order[i] as number] as number;
  const target = 0.5 * total;
  let cdf = 0;
  for (let k = 0; k < order.length; k++) {
    cdf += weights[order[k] as number] as number;
    if (cdf >= target) return values[order[k] as number] as number;
  }
  return values[order[order.length - 1] as number] as number;
}

function median(values: Float64Array): number {
  const s = Float64Array.from(values).sort();
  const h = s.length >> 1;
  return s.length % 2 === 1 ? (s[h] as number) : ((s[h - 1] as number) + (s[h] as number)) / 2;
}

export function regressionMetrics(yTrue: Float64Array, yPred: Float64Array, weights: Float64Array | null, f: Findings, prefix = ''): { metrics: RegressionMetrics; zeroTargets: number } {
  const n = yTrue.length;
  let W = 0, sumAbs = 0, sumSq = 0, sumY = 0, mapeW = 0, mapeSum = 0, zeroTargets = 0;
  let constant = true;
  let firstWeighted = NaN;
  const absErr = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    const y = yTrue[i] as number;
    const e = y - (yPred[i] as number);
    const a = Math.abs(e);
    absErr[i] = a;
    W += w;
    sumAbs += w * a;
    sumSq += w * e * e;
    sumY += w * y;
    if (w !== 0) {
      if (Number.isNaN(firstWeighted)) firstWeighted = y;
      else if (y !== firstWeighted) constant = false;
    }
    if (y === 0) zeroTargets++;
    else {
      mapeW += w;
      mapeSum += (w * a) / Math.max(Math.abs(y), Number.EPSILON);
    }
  }
  const m: RegressionMetrics = { mae: null, rmse: null, r2: null, mape: null, medianAe: null };
  if (W === 0) {
    for (const k of REGRESSION_METRICS) f.undefined(`${prefix}${k}`, 'Every row has weight 0.');
    return { metrics: m, zeroTargets };
  }
  m.mae = sumAbs / W;
  m.rmse = Math.sqrt(sumSq / W);
  if (n < 2) m.r2 = f.undefined(`${prefix}r2`, 'R2 needs at least two rows.');
  else {
    const mean = sumY / W;
    let den = 0;
    if (!constant) for (let i = 0; i < n; i++) den += (weights === null ? 1 : (weights[i] as number)) * ((yTrue[i] as number) - mean) ** 2;
    const r2 = sumSq === 0 ? 1 : den === 0 ? 0 : 1 - sumSq / den;
    m.r2 = Number.isFinite(r2) ? r2 : f.undefined(`${prefix}r2`, 'R2 is not finite: the targets differ by less than float64 can square.');
  }
  if (mapeW > 0) m.mape = mapeSum / mapeW;
  else m.mape = f.undefined(`${prefix}mape`, zeroTargets === n ? 'Every target is 0, so no percentage error can be computed.' : 'Every row with a non-zero target has weight 0.');
  m.medianAe = weights === null ? median(absErr) : weightedMedian(absErr, weights);
  return { metrics: m, zeroTargets };
}

export function evaluateRegression(input: RegressionEvaluationInput, options: RegressionEvaluationOptions = {}): RegressionReport {
  const { yTrue, yPred } = input;
  const weights = input.weights ?? null;
  const n = yTrue.length;
  checkRows(n);
  checkSameLength(n, { yPred, weights });
  checkFinite(yTrue, 'Target');
  checkFinite(yPred, 'Prediction');
  const weightTotal = weights === null ? n : checkWeights(weights);
  const f = new Findings();
  const { metrics, zeroTargets } = regressionMetrics(yTrue, yPred, weights, f);
  if (zeroTargets > 0 && metrics.mape !== null) {
    f.warn({ code: 'zero_targets_ignored', metric: 'mape', count: zeroTargets, message: `${zeroTargets} row(s) have a target of exactly 0 and are left out of MAPE (a percentage of 0 is undefined).` });
  }
  let baseline: RegressionMetrics = { mae: null, rmse: null, r2: null, mape: null, medianAe: null };
  if (weightTotal > 0) {
    let sumY = 0;
    for (let i = 0; i < n; i++) sumY += (weights === null ? 1 : (weights[i] as number)) * (yTrue[i] as number);
    baseline = regressionMetrics(yTrue, new Float64Array(n).fill(sumY / weightTotal), weights, f, 'baseline.').metrics;
  } else for (const k of REGRESSION_METRICS) f.undefined(`baseline.${k}`, 'Every row has weight 0.');

  const residual = new Float64Array(n);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    residual[i] = (yTrue[i] as number) - (yPred[i] as number);
    sum += residual[i] as number;
  }
  const sorted = Float64Array.from(residual).sort();
  return {
    task: 'regression', n, weightTotal, metrics, baseline, reasons: f.reasons, warnings: f.warnings, mapeZeroTargets: zeroTargets,
    residuals: { mean: sum / n, quantiles: RESIDUAL_QUANTILES.map((q) => linearQuantile(sorted, q)), histogram: histogram(sorted, 20) },
    intervals: options.intervals ? regressionIntervals(yTrue, yPred, weights, metrics, options.intervals === true ? {} : options.intervals) : null,
  };
}
