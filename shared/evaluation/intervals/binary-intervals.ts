/**
 * 95% intervals for every binary metric: Wilson for the proportions (accuracy, precision, recall;
 * weighted rows through Kish's effective sample size), a stratified percentile bootstrap for the
 * rest (F1, balanced accuracy, ROC AUC, average precision, log loss, Brier). The bootstrap never
 * re-sorts: it resamples score groups (see score-groups.ts) with exact multinomial draws
 * (group-resampler.ts), so a resample of a million rows costs a few thousand table look-ups. ECE
 * has no interval (binning makes its bootstrap biased).
 */
import type { ScoreRanking } from '../metrics/score-ranking';
import type { MetricValue, ZeroDivision } from '../metrics/types';
import { BOOTSTRAP_RESAMPLES, type BootstrapOptions, bootstrapRng, percentileInterval } from './bootstrap';
import { GroupedBatchStats } from './grouped-batch-stats';
import { type GroupedBinaryStats, groupedBinaryStats } from './grouped-binary-stats';
import { GroupResampler } from './group-resampler';
import { type ScoreGroups, groupScores } from './score-groups';
import { type ConfidenceInterval, weightedWilsonInterval } from './wilson';

/** Resamples drawn and evaluated together (their counts take groups x BATCH x 4 bytes per class). */
const BATCH = 256;

export const BINARY_BOOTSTRAP_METRICS = ['f1', 'balancedAccuracy', 'rocAuc', 'averagePrecision', 'logLoss', 'brier'] as const;
export type BinaryBootstrapMetric = (typeof BINARY_BOOTSTRAP_METRICS)[number];
export type BinaryIntervalName = 'accuracy' | 'precision' | 'recall' | BinaryBootstrapMetric;
export type BinaryIntervals = Record<BinaryIntervalName, ConfidenceInterval | null>;

export interface BinaryIntervalInput {
  ranking: ScoreRanking;
  threshold: number;
  zeroDivision?: ZeroDivision;
  /** Scores are probabilities (log loss and Brier apply). */
  probabilities: boolean;
  /** ROC AUC and average precision apply (false when the "scores" are predicted labels). */
  ranked: boolean;
  /** The point estimates the intervals must contain (the report's metrics). */
  point: Partial<Record<BinaryIntervalName, MetricValue>>;
}

function total(a: Float64Array, mask?: Uint8Array): number {
  let s = 0;
  for (let q = 0; q < a.length; q++) if (mask === undefined || mask[q] === 1) s += a[q] as number;
  return s;
}

/** Wilson intervals from the exact group sums (the threshold is a group boundary). */
function proportionIntervals(g: ScoreGroups): Pick<BinaryIntervals, 'accuracy' | 'precision' | 'recall'> {
  const P = total(g.positive.weight);
  const N = total(g.negative.weight);
  const tp = total(g.positive.weight, g.predictedPositive);
  const fp = total(g.negative.weight, g.predictedPositive);
  const pq = total(g.positive.squaredWeight);
  const nq = total(g.negative.squaredWeight);
  const pqAbove = total(g.positive.squaredWeight, g.predictedPositive);
  const nqAbove = total(g.negative.squaredWeight, g.predictedPositive);
  return {
    accuracy: weightedWilsonInterval(tp + (N - fp), P + N, pq + nq),
    precision: weightedWilsonInterval(tp, tp + fp, pqAbove + nqAbove),
    recall: weightedWilsonInterval(tp, P, pq),
  };
}

export function binaryIntervals(input: BinaryIntervalInput, options: BootstrapOptions = {}): BinaryIntervals {
  const g = groupScores(input.ranking, input.threshold, input.probabilities);
  const zd = input.zeroDivision ?? 0;
  const out: BinaryIntervals = { ...proportionIntervals(g), f1: null, balancedAccuracy: null, rocAuc: null, averagePrecision: null, logLoss: null, brier: null };
  const B = options.resamples ?? BOOTSTRAP_RESAMPLES;
  const rng = bootstrapRng(options.seed);
  const grouped: GroupedBinaryStats = { f1: 0, balancedAccuracy: 0, rocAuc: 0, averagePrecision: 0, logLoss: 0, brier: 0 };
  groupedBinaryStats(g, null, null, zd, grouped);
  const samples = Object.fromEntries(BINARY_BOOTSTRAP_METRICS.map((k) => [k, new Float64Array(B)])) as Record<BinaryBootstrapMetric, Float64Array>;
  // Resamples in batches: each class's counts for a batch come group by group (group-resampler.ts).
  const batch = Math.min(B, BATCH);
  const pos = new Int32Array(g.size * batch);
  const neg = new Int32Array(g.size * batch);
  const drawn = new Float64Array(batch);
  const positives = new GroupResampler(g.positive.rows, total(g.positive.rows));
  const negatives = new GroupResampler(g.negative.rows, total(g.negative.rows));
  const stats = new GroupedBatchStats(batch);
  for (let at = 0; at < B; at += batch) {
    const used = Math.min(batch, B - at);
    positives.draw(pos, batch, used, rng, drawn);
    negatives.draw(neg, batch, used, rng, drawn);
    stats.compute(g, pos, neg, used, zd, samples, at);
  }
  for (const k of BINARY_BOOTSTRAP_METRICS) {
    const point = input.point[k] ?? null;
    if (point === null || ((k === 'rocAuc' || k === 'averagePrecision') && !input.ranked) || ((k === 'logLoss' || k === 'brier') && !input.probabilities)) continue;
    // Grouped ranked metrics are shifted onto the exact estimate (no shift when groups are exact).
    const shift = point - grouped[k];
    const s = samples[k];
    if (shift !== 0 && !g.exact) for (let b = 0; b < B; b++) s[b] = (s[b] as number) + shift;
    out[k] = percentileInterval(s, point);
  }
  return out;
}
