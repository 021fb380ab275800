/**
 * Bootstrap intervals for regression metrics (MAE, RMSE, R2, MAPE on non-zero targets, median
 * absolute error): rows resampled together (no strata), seeded, 1,000 resamples, percentile
 * intervals; above MAX_RESAMPLED_ROWS rows the m-out-of-n bootstrap (row-resampling.ts).
 */
import type { MetricValue } from '../metrics/types';
import type { RegressionMetricName } from '../metrics/metric-names';
import { BOOTSTRAP_RESAMPLES, type BootstrapOptions, bootstrapRng, percentileInterval } from './bootstrap';
import { MAX_RESAMPLED_ROWS, drawRows, medianOf, rescaleDeviations } from './row-resampling';
import type { ConfidenceInterval } from './wilson';

export type RegressionIntervals = Record<RegressionMetricName, ConfidenceInterval | null>;

const NAMES: RegressionMetricName[] = ['mae', 'rmse', 'r2', 'mape', 'medianAe'];

export function regressionIntervals(yTrue: Float64Array, yPred: Float64Array, weights: Float64Array | null, point: Record<RegressionMetricName, MetricValue>, options: BootstrapOptions = {}): RegressionIntervals {
  const n = yTrue.length;
  const m = Math.min(n, MAX_RESAMPLED_ROWS);
  const B = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const rng = bootstrapRng(options.seed);
  let center = 0;
  for (let i = 0; i < n; i++) center += yTrue[i] as number;
  center /= n;
  const samples = Object.fromEntries(NAMES.map((k) => [k, new Float64Array(B)])) as Record<RegressionMetricName, Float64Array>;
  const rows = new Uint32Array(m);
  const abs = new Float64Array(m);
  const absW = weights === null ? null : new Float64Array(m);
  for (let b = 0; b < B; b++) {
    drawRows(n, rows, rng);
    let W = 0, sa = 0, ss = 0, sy = 0, syy = 0, mw = 0, ms = 0;
    for (let k = 0; k < m; k++) {
      const i = rows[k] as number;
      const w = weights === null ? 1 : (weights[i] as number);
      const y = yTrue[i] as number;
      const e = y - (yPred[i] as number);
      const a = Math.abs(e);
      const yc = y - center;
      W += w;
      sa += w * a;
      ss += w * e * e;
      sy += w * yc;
      syy += w * yc * yc;
      if (y !== 0) {
        mw += w;
        ms += (w * a) / Math.max(Math.abs(y), Number.EPSILON);
      }
      abs[k] = a;
      if (absW !== null) absW[k] = w;
    }
    const sst = W > 0 ? syy - (sy * sy) / W : 0;
    samples.mae[b] = W > 0 ? sa / W : NaN;
    samples.rmse[b] = W > 0 ? Math.sqrt(ss / W) : NaN;
    samples.r2[b] = W > 0 && sst > 0 ? 1 - ss / sst : NaN;
    samples.mape[b] = mw > 0 ? ms / mw : NaN;
    samples.medianAe[b] = W > 0 ? (absW === null ? medianOf(abs, m) : weightedMedianOf(abs, absW, m)) : NaN;
  }
  const out = {} as RegressionIntervals;
  for (const k of NAMES) {
    const p = point[k];
    if (p !== null) rescaleDeviations(samples[k], p, m, n);
    out[k] = percentileInterval(samples[k], p);
  }
  return out;
}

/** scikit-learn's weighted median rule on values[0..len) with weights. */
function weightedMedianOf(values: Float64Array, weights: Float64Array, len: number): number {
  const order = new Uint32Array(len);
  for (let i = 0; i < len; i++) order[i] = i;
  order.sort((a, b) => (values[a] as number) - (values[b] as number));
  let total = 0;
  for (let i = 0; i < len; i++) total += weights[i] as number;
  let cdf = 0;
  for (let k = 0; k < len; k++) {
    cdf += weights[order[k] as number] as number;
    if (cdf >= 0.5 * total) return values[order[k] as number] as number;
  }
  return values[order[len - 1] as number] as number;
}
