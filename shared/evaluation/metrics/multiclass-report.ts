/**
 * The multiclass classification report, equal to scikit-learn 1.2 to 1e-9. One pass over the rows
 * for the confusion matrix, log loss, Brier and top-label calibration; one sort per class for the
 * one-vs-rest ROC AUC (roc_auc_score(multi_class='ovr'), macro and weighted).
 *
 * Conventions: classes are reported in scikit-learn's sorted order whatever order the probability
 * columns came in; without given predictions a row is predicted as its most probable class (ties
 * to the first class in sorted order, as np.argmax); averages run over classes that occur in the
 * truth or the predictions; the confusion matrix and per-class rows list every declared class.
 * ROC AUC is null when a declared class never occurs as a true label or when a probability row
 * does not sum to 1 (np.allclose), where scikit-learn raises. Log loss renormalises such rows,
 * as scikit-learn does, and the report says how many there were.
 */
import type { BootstrapOptions } from '../intervals/bootstrap';
import { type MulticlassIntervals, multiclassIntervals } from '../intervals/multiclass-intervals';
import { MULTICLASS_METRICS, type MulticlassMetrics } from './metric-names';
import { type ClassTotals, classPriors, constantPredictionConfusion, mostFrequentClass, multiclassPriorMetrics } from './baseline';
import { CalibrationBins } from './calibration';
import { confusionMatrixResult, weightedConfusion } from './confusion';
import { type LabelMetrics, labelMetrics } from './label-metrics';
import { sklearnLabelOrder } from './label-order';
import { clipProbability, sumsToOne } from './probability-metrics';
import { summariseRanking } from './ranking-metrics';
import { rankScores } from './score-ranking';
import { type ConfusionMatrixResult, DEFAULT_CALIBRATION_BINS, type EvaluationWarning, Findings, type MetricValue, type ReliabilityDiagram, type ZeroDivision } from './types';
import { checkClassIndices, checkRows, checkSameLength, checkWeights, invalid } from './validate';

export interface MulticlassEvaluationInput {
  /** Class names in the order of the probability columns (any order). */
  classes: readonly string[];
  /** True class of each row: an index into `classes`. */
  yTrue: Int32Array;
  /** n x K probabilities, row-major, columns in `classes` order. */
  probabilities?: Float64Array | null;
  /** Predicted class of each row (index into `classes`); by default the most probable class. */
  yPred?: Int32Array | null;
  weights?: Float64Array | null;
}

export interface MulticlassEvaluationOptions {
  zeroDivision?: ZeroDivision;
  calibrationBins?: number;
  /** Add 95% intervals (Wilson for accuracy, the seeded bootstrap otherwise); `true` for defaults. */
  intervals?: BootstrapOptions | boolean;
}


export interface MulticlassClassRow {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
  /** This class against the rest. */
  rocAuc: MetricValue;
}

export interface MulticlassReport {
  task: 'multiclass';
  n: number;
  weightTotal: number;
  classes: string[];
  metrics: MulticlassMetrics;
  baseline: MulticlassMetrics;
  reasons: Record<string, string>;
  warnings: EvaluationWarning[];
  perClass: MulticlassClassRow[];
  confusionMatrix: ConfusionMatrixResult;
  /** Top-label reliability: accuracy against confidence of the most probable class. */
  reliability: ReliabilityDiagram | null;
  rowsNotSummingToOne: number;
  intervals: MulticlassIntervals | null;
}

function emptyMetrics(): MulticlassMetrics {
  return Object.fromEntries(MULTICLASS_METRICS.map((m) => [m, null])) as MulticlassMetrics;
}

function putLabelMetrics(m: MulticlassMetrics, l: LabelMetrics, f: Findings, prefix: string): void {
  m.accuracy = l.accuracy ?? f.undefined(`${prefix}accuracy`, 'Accuracy is undefined: every row has weight 0.');
  m.balancedAccuracy = l.balancedAccuracy ?? f.undefined(`${prefix}balancedAccuracy`, 'Balanced accuracy is undefined: no class has true rows with weight.');
  for (const avg of ['macro', 'micro', 'weighted'] as const) {
    m[`${avg}Precision`] = l[avg].precision;
    m[`${avg}Recall`] = l[avg].recall;
    m[`${avg}F1`] = l[avg].f1;
  }
}

export function evaluateMulticlass(input: MulticlassEvaluationInput, options: MulticlassEvaluationOptions = {}): MulticlassReport {
  const { classes, yTrue } = input;
  const K = classes.length;
  const n = yTrue.length;
  const probs = input.probabilities ?? null;
  const weights = input.weights ?? null;
  checkRows(n);
  if (K < 2) invalid(`A multiclass evaluation needs at least two classes; got ${K}.`);
  if (new Set(classes).size !== K) invalid('Two probability columns name the same class.');
  checkSameLength(n, { yPred: input.yPred, weights });
  if (probs !== null && probs.length !== n * K) invalid(`Expected ${n * K} probabilities (${n} rows x ${K} classes), got ${probs.length}.`);
  if (probs === null && !input.yPred) invalid('Multiclass evaluation needs probabilities or predicted labels.');
  checkClassIndices(yTrue, K, 'True label');
  if (input.yPred) checkClassIndices(input.yPred, K, 'Predicted label');
  if (weights !== null) checkWeights(weights);
  const zd = options.zeroDivision ?? 0;
  const bins = options.calibrationBins ?? DEFAULT_CALIBRATION_BINS;
  const f = new Findings();

  const order = sklearnLabelOrder(classes); // sorted position -> column
  const rank = new Int32Array(K);
  order.forEach((col, s) => (rank[col] = s));
  const sortedLabels = order.map((col) => classes[col] as string);
  const t = new Int32Array(n);
  const p = new Int32Array(n);
  let logLoss = 0, brier = 0, total = 0, notSumming = 0, firstBad = -1, outside = -1;
  const rowLoss = options.intervals && probs !== null ? new Float64Array(n) : null;
  const rowBrier = rowLoss === null ? null : new Float64Array(n);
  const cal = new CalibrationBins(bins);
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    const ti = rank[yTrue[i] as number] as number;
    t[i] = ti;
    total += w;
    if (probs === null) {
      p[i] = rank[(input.yPred as Int32Array)[i] as number] as number;
      continue;
    }
    const base = i * K;
    let sum = 0, clippedSum = 0, sq = 0, best = 0, bestP = -Infinity;
    for (let s = 0; s < K; s++) {
      const v = probs[base + (order[s] as number)] as number;
      if (!(v >= 0 && v <= 1) && outside < 0) outside = i;
      sum += v;
      clippedSum += clipProbability(v);
      const d = (s === ti ? 1 : 0) - v;
      sq += d * d;
      if (v > bestP) {
        bestP = v;
        best = s;
      }
    }
    if (!sumsToOne(sum)) {
      notSumming++;
      if (firstBad < 0) firstBad = i;
    }
    const rl = -Math.log(clipProbability(probs[base + (order[ti] as number)] as number) / clippedSum);
    logLoss += w * rl;
    brier += w * sq;
    if (rowLoss !== null) {
      rowLoss[i] = rl;
      (rowBrier as Float64Array)[i] = sq;
    }
    cal.add(bestP, best === ti ? 1 : 0, w);
    p[i] = input.yPred ? (rank[input.yPred[i] as number] as number) : best;
  }

  const confusion = weightedConfusion(t, p, K, weights);
  const lm = labelMetrics(confusion, sortedLabels, zd);
  const metrics = emptyMetrics();
  putLabelMetrics(metrics, lm, f, '');
  for (const w of lm.zeroDivision) f.warn(w);
  if (lm.balancedAccuracy !== null && lm.absentFromTruth.length > 0) f.warn({ code: 'classes_absent_from_truth', metric: 'balancedAccuracy', count: lm.absentFromTruth.length, message: `"${lm.absentFromTruth.join('", "')}" occur only as predictions (or on rows of weight 0); balanced accuracy averages recall over the other classes, as scikit-learn does.` });

  const classAuc: MetricValue[] = new Array<MetricValue>(K).fill(null);
  const probReason = probs === null ? 'Needs probabilities, and only predicted labels were given.' : outside >= 0 ? `Probabilities must lie in [0, 1]; row ${outside + 1} has a value outside.` : total === 0 ? 'Every row has weight 0.' : null;
  if (probReason !== null) {
    for (const m of ['rocAuc', 'rocAucWeighted', 'logLoss', 'brier', 'ece'] as const) f.undefined(m, probReason);
  } else {
    const pr = probs as Float64Array;
    if (notSumming > 0) f.warn({ code: 'rows_not_summing_to_one', metric: 'logLoss', count: notSumming, message: `${notSumming} probability row(s) do not sum to 1 (first: row ${firstBad + 1}); log loss renormalises them, as scikit-learn does, and ROC AUC is not computed.` });
    metrics.logLoss = logLoss / total;
    metrics.brier = brier / total;
    metrics.ece = cal.ece();
    const supportW = lm.perClass.map((c) => c.support);
    for (let s = 0; s < K; s++) {
      const col = order[s] as number;
      const scores = new Float64Array(n);
      const isPos = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        scores[i] = pr[i * K + col] as number;
        isPos[i] = t[i] === s ? 1 : 0;
      }
      classAuc[s] = summariseRanking(rankScores(scores, isPos, weights)).rocAuc;
    }
    const absent = sortedLabels.filter((_, s) => (confusion.trueRows[s] as number) === 0);
    if (notSumming > 0) {
      const why = `Probability rows must sum to 1 for one-vs-rest ROC AUC; row ${firstBad + 1} does not.`;
      f.undefined('rocAuc', why);
      f.undefined('rocAucWeighted', why);
    } else if (absent.length > 0) {
      const why = `"${absent.join('", "')}" never occurs as a true label, so its one-vs-rest ROC AUC is undefined.`;
      f.undefined('rocAuc', why);
      f.undefined('rocAucWeighted', why);
    } else {
      metrics.rocAuc = classAuc.every((a) => a !== null) ? (classAuc as number[]).reduce((a, b) => a + b, 0) / K : f.undefined('rocAuc', 'A class has all the weight or none of it, so its one-vs-rest ROC AUC is undefined.');
      metrics.rocAucWeighted = weightedAuc(classAuc, supportW) ?? f.undefined('rocAucWeighted', 'A class with weight has an undefined one-vs-rest ROC AUC (every row with weight is in that class).');
    }
  }

  const totals: ClassTotals = { weight: Float64Array.from(lm.perClass.map((c) => c.support)), rows: confusion.trueRows };
  const baseline = multiclassBaseline(totals, sortedLabels, zd, bins, f);
  const intervals = options.intervals
    ? multiclassIntervals({ k: K, labels: sortedLabels, t, p, weights, loss: probReason === null ? rowLoss : null, brier: probReason === null ? rowBrier : null }, metrics, zd, options.intervals === true ? {} : options.intervals)
    : null;
  return {
    intervals,
    task: 'multiclass', n, weightTotal: total, classes: sortedLabels, metrics, baseline,
    reasons: f.reasons, warnings: f.warnings,
    perClass: lm.perClass.map((c, s) => ({ label: c.label, precision: c.precision, recall: c.recall, f1: c.f1, support: c.support, rocAuc: classAuc[s] ?? null })),
    confusionMatrix: confusionMatrixResult(confusion, sortedLabels),
    reliability: probReason === null ? cal.diagram() : null,
    rowsNotSummingToOne: notSumming,
  };
}

/** _average_binary_score(average='weighted'): classes of weight 0 count as 0; all-zero weight gives 0. */
function weightedAuc(auc: MetricValue[], support: number[]): number | null {
  const sum = support.reduce((a, b) => a + b, 0);
  if (Math.abs(sum) <= 1e-8) return 0;
  let num = 0;
  for (let s = 0; s < auc.length; s++) {
    if (support[s] === 0) continue;
    const a = auc[s];
    if (a === null || a === undefined) return null;
    num += a * (support[s] as number);
  }
  return num / sum;
}

function multiclassBaseline(t: ClassTotals, labels: string[], zd: ZeroDivision, bins: number, f: Findings): MulticlassMetrics {
  const m = emptyMetrics();
  const cls = mostFrequentClass(t);
  putLabelMetrics(m, labelMetrics(constantPredictionConfusion(t, cls), labels, zd), f, 'baseline.');
  const prior = classPriors(t);
  if (prior === null) {
    for (const k of ['rocAuc', 'rocAucWeighted', 'logLoss', 'brier', 'ece'] as const) f.undefined(`baseline.${k}`, 'Every row has weight 0.');
    return m;
  }
  const pm = multiclassPriorMetrics(t, prior, bins);
  m.logLoss = pm.logLoss;
  m.brier = pm.brier;
  m.ece = pm.ece;
  const allPresent = Array.from(t.rows).every((r) => r > 0) && Array.from(t.weight).every((w, _c, all) => w > 0 && w < all.reduce((a, b) => a + b, 0));
  m.rocAuc = allPresent ? 0.5 : f.undefined('baseline.rocAuc', 'A class never occurs as a true label (or holds all the weight), so one-vs-rest ROC AUC is undefined.');
  m.rocAucWeighted = allPresent ? 0.5 : f.undefined('baseline.rocAucWeighted', 'A class never occurs as a true label (or holds all the weight), so one-vs-rest ROC AUC is undefined.');
  return m;
}
