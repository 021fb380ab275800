/**
 * Intervals for multiclass metrics: Wilson for accuracy (a proportion of rows), a stratified
 * percentile bootstrap (rows resampled within their true class; m-out-of-n above
 * MAX_RESAMPLED_ROWS) for balanced accuracy, the macro, micro and weighted precision, recall and
 * F1, log loss and Brier. One-vs-rest ROC AUC is not bootstrapped (it would need one walk of every
 * class's ranking per resample) and its interval is null.
 */
import { confusionFromMatrix } from '../metrics/confusion';
import { labelMetrics } from '../metrics/label-metrics';
import type { MulticlassMetricName } from '../metrics/metric-names';
import type { MetricValue, ZeroDivision } from '../metrics/types';
import { BOOTSTRAP_RESAMPLES, type BootstrapOptions, bootstrapRng, percentileInterval } from './bootstrap';
import { MAX_RESAMPLED_ROWS, drawRows, rescaleDeviations } from './row-resampling';
import { type ConfidenceInterval, weightedWilsonInterval } from './wilson';

export type MulticlassIntervals = Record<MulticlassMetricName, ConfidenceInterval | null>;

export interface MulticlassRows {
  k: number;
  labels: string[];
  /** True and predicted class per row, in sorted class order. */
  t: Int32Array;
  p: Int32Array;
  weights: Float64Array | null;
  /** Per-row log loss and Brier terms (null without probabilities). */
  loss: Float64Array | null;
  brier: Float64Array | null;
}

const BOOTSTRAPPED: MulticlassMetricName[] = ['balancedAccuracy', 'macroPrecision', 'macroRecall', 'macroF1', 'microPrecision', 'microRecall', 'microF1', 'weightedPrecision', 'weightedRecall', 'weightedF1', 'logLoss', 'brier'];

export function multiclassIntervals(rows: MulticlassRows, point: Record<MulticlassMetricName, MetricValue>, zd: ZeroDivision = 0, options: BootstrapOptions = {}): MulticlassIntervals {
  const { k, t, p, weights } = rows;
  const n = t.length;
  const out = Object.fromEntries(Object.keys(point).map((m) => [m, null])) as MulticlassIntervals;
  let right = 0, W = 0, W2 = 0;
  const byClass: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    W += w;
    W2 += w * w;
    if (t[i] === p[i]) right += w;
    (byClass[t[i] as number] as number[]).push(i);
  }
  out.accuracy = weightedWilsonInterval(right, W, W2);

  const m = Math.min(n, MAX_RESAMPLED_ROWS);
  const strata = byClass.filter((c) => c.length > 0).map((c) => Uint32Array.from(c));
  const draws = strata.map((s) => Math.max(1, Math.round((s.length * m) / n)));
  const drawn = draws.reduce((a, b) => a + b, 0);
  const B = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const rng = bootstrapRng(options.seed);
  const samples = Object.fromEntries(BOOTSTRAPPED.map((x) => [x, new Float64Array(B)])) as Record<MulticlassMetricName, Float64Array>;
  const picked = new Uint32Array(drawn);
  const matrix = new Float64Array(k * k);
  const trueRows = new Float64Array(k);
  const predRows = new Float64Array(k);
  for (let b = 0; b < B; b++) {
    let offset = 0;
    strata.forEach((s, c) => {
      drawRows(s.length, picked, rng, s, offset, draws[c] as number);
      offset += draws[c] as number;
    });
    matrix.fill(0);
    trueRows.fill(0);
    predRows.fill(0);
    let lw = 0, ls = 0, bs = 0;
    for (let q = 0; q < drawn; q++) {
      const i = picked[q] as number;
      const w = weights === null ? 1 : (weights[i] as number);
      matrix[(t[i] as number) * k + (p[i] as number)] += w;
      trueRows[t[i] as number]++;
      predRows[p[i] as number]++;
      lw += w;
      if (rows.loss !== null) {
        ls += w * (rows.loss[i] as number);
        bs += w * ((rows.brier as Float64Array)[i] as number);
      }
    }
    const lm = labelMetrics(confusionFromMatrix(matrix, k, trueRows, predRows), rows.labels, zd);
    samples.balancedAccuracy[b] = lm.balancedAccuracy ?? NaN;
    for (const avg of ['macro', 'micro', 'weighted'] as const) {
      samples[`${avg}Precision`][b] = lm[avg].precision;
      samples[`${avg}Recall`][b] = lm[avg].recall;
      samples[`${avg}F1`][b] = lm[avg].f1;
    }
    samples.logLoss[b] = rows.loss !== null && lw > 0 ? ls / lw : NaN;
    samples.brier[b] = rows.brier !== null && lw > 0 ? bs / lw : NaN;
  }
  for (const name of BOOTSTRAPPED) {
    const pt = point[name];
    if (pt !== null) rescaleDeviations(samples[name], pt, drawn, n);
    out[name] = percentileInterval(samples[name], pt);
  }
  return out;
}
