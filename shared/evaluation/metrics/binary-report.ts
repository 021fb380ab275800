/**
 * The binary classification report: one pass over the rows for everything that counts (confusion
 * at the threshold, log loss, Brier, calibration bins), one sort for everything ranked (ROC AUC,
 * average precision, the curves). Equal to scikit-learn 1.2 to 1e-9 (test/fixtures/eval).
 *
 * A row is predicted positive when its score is >= the threshold (0.5 by default), the same rule
 * roc_curve's thresholds follow. Scores outside [0, 1] are not probabilities: ranking metrics are
 * still computed, log loss, Brier and ECE are null with a reason (scikit-learn's brier_score_loss
 * and calibration_curve raise there; its log_loss would clip them silently).
 */
import { type BinaryIntervals, binaryIntervals } from '../intervals/binary-intervals';
import type { BootstrapOptions } from '../intervals/bootstrap';
import type { ThresholdAnalysis, ThresholdCosts } from '../threshold/threshold-types';
import { type BinaryCounted, checkScores, countRows } from './binary-counts';
import { BINARY_METRICS, type BinaryMetrics } from './metric-names';
import { mostFrequentClass, constantPredictionConfusion } from './baseline';
import { CalibrationBins } from './calibration';
import { type WeightedConfusion, confusionFromMatrix, confusionMatrixResult } from './confusion';
import { classMetrics, labelMetrics } from './label-metrics';
import { sklearnLabelRanks } from './label-order';
import { binaryBrierTerm, binaryLogLossTerm } from './probability-metrics';
import type { RankingSummary } from './ranking-metrics';
import { walkRanking } from './ranking-walk';
import { type ScoreRanking, rankScores, rankingRows } from './score-ranking';
import { type ConfusionMatrixResult, DEFAULT_CALIBRATION_BINS, DEFAULT_MAX_CURVE_POINTS, type EvaluationWarning, Findings, type MetricValue, type PrCurve, type ReliabilityDiagram, type RocCurve, type ZeroDivision } from './types';
import { checkRows, checkSameLength, invalid } from './validate';

export interface BinaryEvaluationInput {
  /** 1 where the row's true label is the positive class, 0 otherwise. */
  isPositive: Uint8Array;
  /** Score or probability of the positive class; needed for every ranked and probability metric. */
  scores?: Float64Array | null;
  /**
   * The scores already ranked: exactly rankScores(scores, isPositive, weights), e.g. sorted on
   * the threads that read the file. The caller vouches that every score is finite. Without
   * weights the report then reads neither `isPositive` nor `scores` (the rows are the ranking's),
   * so a caller may hand them over as getters that build them only when something else asks.
   */
  ranking?: ScoreRanking;
  /** 1 where the model predicted the positive class; used only when there are no scores. */
  predictedPositive?: Uint8Array | null;
  weights?: Float64Array | null;
  positiveLabel?: string;
  negativeLabel?: string;
}

export interface BinaryEvaluationOptions {
  threshold?: number;
  zeroDivision?: ZeroDivision;
  maxCurvePoints?: number;
  calibrationBins?: number;
  /** Add 95% intervals (Wilson and the seeded bootstrap); `true` for the defaults. */
  intervals?: BootstrapOptions | boolean;
  /** Add the threshold tool (needs scores): curves, and the cheapest threshold when costs are given. */
  thresholdTool?: boolean | { costs?: ThresholdCosts | null };
}


export interface BinaryCounts {
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
}

export interface BinaryReport {
  task: 'binary';
  n: number;
  weightTotal: number;
  positiveLabel: string;
  negativeLabel: string;
  threshold: number;
  /** Weighted share of positive rows (null when the total weight is 0). */
  prevalence: MetricValue;
  metrics: BinaryMetrics;
  /** The same metrics for DummyClassifier: 'most_frequent' for labels, 'prior' for probabilities. */
  baseline: BinaryMetrics;
  /** Why a metric is null; baseline reasons are keyed 'baseline.<metric>'. */
  reasons: Record<string, string>;
  warnings: EvaluationWarning[];
  counts: BinaryCounts;
  confusionMatrix: ConfusionMatrixResult;
  rocCurve: RocCurve | null;
  prCurve: PrCurve | null;
  reliability: ReliabilityDiagram | null;
  /** 95% intervals when asked for (options.intervals); null otherwise. */
  intervals: BinaryIntervals | null;
  /** The threshold tool when asked for (options.thresholdTool) and there are scores. */
  thresholdAnalysis: ThresholdAnalysis | null;
}

/** What the threshold tool, slices and the bootstrap reuse instead of sorting again. */
export interface PreparedBinary {
  report: BinaryReport;
  ranking: ScoreRanking | null;
}

function emptyMetrics(): BinaryMetrics {
  return Object.fromEntries(BINARY_METRICS.map((m) => [m, null])) as BinaryMetrics;
}

export function evaluateBinary(input: BinaryEvaluationInput, options: BinaryEvaluationOptions = {}): BinaryReport {
  return prepareBinary(input, options).report;
}

export function prepareBinary(input: BinaryEvaluationInput, options: BinaryEvaluationOptions = {}): PreparedBinary {
  const weights = input.weights ?? null;
  const predicted = input.predictedPositive ?? null;
  const byRanking = input.ranking !== undefined && weights === null;
  const scores = byRanking ? null : (input.scores ?? null);
  const hasScores = byRanking || scores !== null;
  const n = byRanking ? rankingRows(input.ranking!) : input.isPositive.length;
  checkRows(n);
  checkSameLength(n, { scores, weights, predictedPositive: predicted });
  if (!hasScores && predicted === null) invalid('Binary evaluation needs scores or predicted labels.');
  const threshold = options.threshold ?? 0.5;
  const zeroDivision = options.zeroDivision ?? 0;
  const maxPoints = options.maxCurvePoints ?? DEFAULT_MAX_CURVE_POINTS;
  const positiveLabel = input.positiveLabel ?? '1';
  const negativeLabel = input.negativeLabel ?? '0';
  if (positiveLabel === negativeLabel) invalid(`The positive and negative labels are both "${positiveLabel}".`);

  const bins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
  const thresholdTool = options.thresholdTool && hasScores ? options.thresholdTool : null;
  // Unweighted scores: everything that counts comes from the sorted walk (binary-counts.ts).
  // Otherwise one pass over the rows counts first (it also checks weights and scores).
  const rowPass = !hasScores || weights !== null ? countRows(input.isPositive, scores, predicted, weights, threshold, bins) : null;
  let ranking: ScoreRanking | null = null;
  let summary: RankingSummary | null = null;
  let counted: BinaryCounted;
  let roc: RocCurve | null = null;
  let pr: PrCurve | null = null;
  let thresholdAnalysis: ThresholdAnalysis | null = null;
  if (hasScores) {
    if (input.ranking === undefined && rowPass === null) checkScores(scores!);
    ranking = input.ranking ?? rankScores(scores!, input.isPositive, weights);
    const walked = walkRanking(ranking, threshold, bins, maxPoints, rowPass === null, thresholdTool === null ? null : { costs: thresholdTool === true ? null : (thresholdTool.costs ?? null), defaultThreshold: threshold, maxCurvePoints: maxPoints });
    summary = walked.summary;
    counted = rowPass ?? walked.counted!;
    ({ roc, pr } = walked.curves);
    thresholdAnalysis = walked.threshold;
  } else counted = rowPass!;
  const { tp, fp, tn, fn, posRows, predPosRows, unit, cal } = counted;
  const total = tp + fp + tn + fn;
  const f = new Findings();

  // Labels in scikit-learn's order: the positive label may sort first.
  const ranks = sklearnLabelRanks([negativeLabel, positiveLabel]);
  const P = ranks[1] as number;
  const N = ranks[0] as number;
  const sortedLabels = P === 1 ? [negativeLabel, positiveLabel] : [positiveLabel, negativeLabel];
  const matrix = new Float64Array(4);
  matrix[P * 2 + P] = tp;
  matrix[P * 2 + N] = fn;
  matrix[N * 2 + P] = fp;
  matrix[N * 2 + N] = tn;
  const trueRows = new Float64Array(2);
  trueRows[P] = posRows;
  trueRows[N] = n - posRows;
  const predRows = new Float64Array(2);
  predRows[P] = predPosRows;
  predRows[N] = n - predPosRows;
  const confusion = confusionFromMatrix(matrix, 2, trueRows, predRows);

  const metrics = emptyMetrics();
  labelPart(metrics, confusion, P, sortedLabels, zeroDivision, f, '');

  if (ranking !== null && summary !== null) {
    metrics.rocAuc = summary.rocAuc ?? f.undefined('rocAuc', ranking.positiveTotal === 0 || ranking.negativeTotal === 0 ? 'ROC AUC needs rows of both classes with weight; only one class is present.' : 'ROC AUC is undefined: no rows with weight.');
    metrics.averagePrecision = summary.averagePrecision ?? f.undefined('averagePrecision', 'Average precision is undefined: no rows with weight.');
    if (summary.averagePrecision !== null && ranking.positiveTotal === 0) f.warn({ code: 'no_positive_rows', metric: 'averagePrecision', message: 'No positive rows: recall is taken as 1 at every threshold and average precision is 0, as scikit-learn does.' });
    if (total === 0) {
      for (const m of ['logLoss', 'brier', 'ece'] as const) f.undefined(m, 'Every row has weight 0.');
    } else if (!unit) {
      for (const m of ['logLoss', 'brier', 'ece'] as const) f.undefined(m, 'Scores outside [0, 1] are not probabilities, so log loss, Brier score and calibration do not apply.');
    } else {
      metrics.logLoss = counted.logLoss / total;
      metrics.brier = counted.brier / total;
      metrics.ece = cal.ece();
    }
  } else {
    for (const m of ['rocAuc', 'averagePrecision', 'logLoss', 'brier', 'ece'] as const) f.undefined(m, 'Needs scores or probabilities, and only predicted labels were given.');
  }

  const baseline = binaryBaseline({ weight: pairBy(P, tp + fn, fp + tn), rows: trueRows }, P, sortedLabels, zeroDivision, bins, f);
  const report: BinaryReport = {
    task: 'binary', n, weightTotal: total, positiveLabel, negativeLabel, threshold,
    prevalence: total === 0 ? null : (tp + fn) / total,
    metrics, baseline, reasons: f.reasons, warnings: f.warnings,
    counts: { truePositive: tp, falsePositive: fp, trueNegative: tn, falseNegative: fn },
    confusionMatrix: confusionMatrixResult(confusion, sortedLabels),
    rocCurve: roc, prCurve: pr,
    reliability: hasScores && unit && total > 0 ? cal.diagram() : null,
    intervals: null,
    thresholdAnalysis,
  };
  if (options.intervals) {
    const boot = options.intervals === true ? {} : options.intervals;
    // With predicted labels only, the labels themselves rank the rows (1 above 0) at threshold 0.5.
    const r = ranking ?? rankScores(Float64Array.from(predicted as Uint8Array), input.isPositive, weights);
    report.intervals = binaryIntervals({ ranking: r, threshold: ranking ? threshold : 0.5, zeroDivision, probabilities: hasScores && unit, ranked: ranking !== null, point: metrics }, boot);
  }
  return { report, ranking };
}

function pairBy(P: number, positive: number, negative: number): Float64Array {
  const a = new Float64Array(2);
  a[P] = positive;
  a[1 - P] = negative;
  return a;
}

/** Accuracy, balanced accuracy and the positive class's precision, recall and F1 into `m`. */
function labelPart(m: BinaryMetrics, c: WeightedConfusion, P: number, labels: string[], zd: ZeroDivision, f: Findings, prefix: string): void {
  const all = labelMetrics(c, labels, zd);
  m.accuracy = all.accuracy ?? f.undefined(`${prefix}accuracy`, 'Accuracy is undefined: every row has weight 0.');
  m.balancedAccuracy = all.balancedAccuracy ?? f.undefined(`${prefix}balancedAccuracy`, 'Balanced accuracy is undefined: no class has true rows with weight.');
  const pos = classMetrics(c, P, zd);
  m.precision = pos.precision;
  m.recall = pos.recall;
  m.f1 = pos.f1;
  if (prefix !== '') return;
  if (pos.sums.predicted === 0) f.warn({ code: 'zero_division', metric: 'precision', message: `Nothing was predicted "${labels[P]}", so precision is undefined; it is reported as ${zd}, as scikit-learn does.` });
  if (pos.sums.actual === 0) f.warn({ code: 'zero_division', metric: 'recall', message: `No row is truly "${labels[P]}", so recall is undefined; it is reported as ${zd}, as scikit-learn does.` });
  if (pos.sums.actual === 0 && pos.sums.predicted === 0) f.warn({ code: 'zero_division', metric: 'f1', message: `"${labels[P]}" is neither true nor predicted, so F1 is undefined; it is reported as ${zd}, as scikit-learn does.` });
  if (all.balancedAccuracy !== null && all.absentFromTruth.length > 0) {
    f.warn({ code: 'classes_absent_from_truth', metric: 'balancedAccuracy', count: all.absentFromTruth.length, message: `"${all.absentFromTruth.join('", "')}" has no true rows with weight; balanced accuracy is the recall of the other class alone, as scikit-learn computes it.` });
  }
}

function binaryBaseline(t: { weight: Float64Array; rows: Float64Array }, P: number, labels: string[], zd: ZeroDivision, bins: number, f: Findings): BinaryMetrics {
  const m = emptyMetrics();
  const cls = mostFrequentClass(t);
  if (cls >= 0) labelPart(m, constantPredictionConfusion(t, cls), P, labels, zd, f, 'baseline.');
  const W1 = t.weight[P] as number;
  const W0 = t.weight[1 - P] as number;
  const W = W1 + W0;
  if (W === 0) {
    for (const k of ['rocAuc', 'averagePrecision', 'logLoss', 'brier', 'ece'] as const) f.undefined(`baseline.${k}`, 'Every row has weight 0.');
    return m;
  }
  const p = W1 / W;
  m.rocAuc = W1 > 0 && W0 > 0 ? 0.5 : f.undefined('baseline.rocAuc', 'ROC AUC needs rows of both classes with weight.');
  m.averagePrecision = p;
  m.logLoss = (W1 * binaryLogLossTerm(p, true) + W0 * binaryLogLossTerm(p, false)) / W;
  m.brier = (W1 * binaryBrierTerm(p, true) + W0 * binaryBrierTerm(p, false)) / W;
  const cal = new CalibrationBins(bins);
  cal.add(p, 1, W1);
  cal.add(p, 0, W0);
  m.ece = cal.ece();
  return m;
}
