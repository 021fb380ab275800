/**
 * Accuracy, balanced accuracy, precision, recall and F1 from a weighted confusion matrix, with
 * scikit-learn 1.2's exact conventions:
 *  - averages run over the labels present in the truth or the predictions (unique_labels);
 *  - a zero denominator gives `zeroDivision` (0 by default, scikit-learn's "warn", which we turn
 *    into a warning on the result); F1 is 0 when precision + recall is 0, and F1's own warning is
 *    raised only for a label that is neither true nor predicted anywhere, as scikit-learn does;
 *  - balanced accuracy is the mean recall over classes whose weighted support is not zero.
 */
import { type WeightedConfusion, presentClasses } from './confusion';
import { type EvaluationWarning, type MetricValue, type ZeroDivision } from './types';

export interface PrecisionRecallF1 {
  precision: number;
  recall: number;
  f1: number;
}

export interface ClassMetrics extends PrecisionRecallF1 {
  label: string;
  /** Weighted count of rows whose true class this is. */
  support: number;
}

export interface LabelMetrics {
  accuracy: MetricValue;
  balancedAccuracy: MetricValue;
  /** Every class, in sorted order (precision_recall_fscore_support(labels=all classes)). */
  perClass: ClassMetrics[];
  macro: PrecisionRecallF1;
  micro: PrecisionRecallF1;
  weighted: PrecisionRecallF1;
  /** Zero-division warnings keyed as the averages are: 'macroPrecision', 'microF1', ... */
  zeroDivision: EvaluationWarning[];
  /** Present labels (predicted, or true only on rows of weight 0) that balanced accuracy leaves out. */
  absentFromTruth: string[];
}

interface Sums {
  tp: number;
  predicted: number;
  actual: number;
}

function classSums(c: WeightedConfusion, j: number): Sums {
  let predicted = 0;
  let actual = 0;
  for (let t = 0; t < c.k; t++) predicted += c.matrix[t * c.k + j] as number;
  for (let p = 0; p < c.k; p++) actual += c.matrix[j * c.k + p] as number;
  return { tp: c.matrix[j * c.k + j] as number, predicted, actual };
}

/** F-beta with beta = 1 exactly as scikit-learn evaluates it: (1 + 1) * p * r / (p + r), 0/0 -> 0. */
export function f1From(precision: number, recall: number): number {
  let denom = precision + recall;
  if (denom === 0) denom = 1;
  return (2 * precision * recall) / denom;
}

export function precisionRecallF1(s: Sums, zeroDivision: ZeroDivision): PrecisionRecallF1 {
  const precision = s.predicted === 0 ? zeroDivision : s.tp / s.predicted;
  const recall = s.actual === 0 ? zeroDivision : s.tp / s.actual;
  return { precision, recall, f1: f1From(precision, recall) };
}

function mean(xs: number[], weights?: number[]): number {
  if (!weights) return xs.reduce((a, b) => a + b, 0) / xs.length;
  let num = 0;
  let den = 0;
  xs.forEach((x, i) => {
    num += x * (weights[i] as number);
    den += weights[i] as number;
  });
  return num / den;
}

function zeroDivisionWarnings(prefix: string, sums: Sums[], labels: string[]): EvaluationWarning[] {
  const out: EvaluationWarning[] = [];
  const noPredicted = labels.filter((_, i) => (sums[i] as Sums).predicted === 0);
  const noTrue = labels.filter((_, i) => (sums[i] as Sums).actual === 0);
  const neither = labels.filter((_, i) => (sums[i] as Sums).predicted === 0 && (sums[i] as Sums).actual === 0);
  const list = (ls: string[]) => ls.map((l) => `"${l}"`).join(', ');
  if (noPredicted.length) out.push({ code: 'zero_division', metric: `${prefix}Precision`, count: noPredicted.length, message: `Precision is undefined for ${list(noPredicted)} (never predicted, or only on rows of weight 0); counted as the zero-division value, as scikit-learn does.` });
  if (noTrue.length) out.push({ code: 'zero_division', metric: `${prefix}Recall`, count: noTrue.length, message: `Recall is undefined for ${list(noTrue)} (no true rows with weight); counted as the zero-division value, as scikit-learn does.` });
  if (neither.length) out.push({ code: 'zero_division', metric: `${prefix}F1`, count: neither.length, message: `F1 is undefined for ${list(neither)} (neither true nor predicted with weight); counted as the zero-division value, as scikit-learn does.` });
  return out;
}

export function labelMetrics(c: WeightedConfusion, sortedLabels: readonly string[], zeroDivision: ZeroDivision = 0): LabelMetrics {
  const all = Array.from({ length: c.k }, (_, j) => classSums(c, j));
  const perClass = all.map((s, j) => ({ label: sortedLabels[j] as string, support: s.actual, ...precisionRecallF1(s, zeroDivision) }));
  const present = presentClasses(c);
  const sums = present.map((j) => all[j] as Sums);
  const labels = present.map((j) => sortedLabels[j] as string);
  const prf = present.map((j) => perClass[j] as ClassMetrics);

  let trace = 0;
  for (let j = 0; j < c.k; j++) trace += c.matrix[j * c.k + j] as number;
  const accuracy = c.total === 0 ? null : trace / c.total;

  const recalls: number[] = [];
  for (const s of sums) if (s.actual !== 0) recalls.push(s.tp / s.actual);
  const balancedAccuracy = recalls.length === 0 ? null : mean(recalls);

  const macro = present.length === 0 ? { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision } : {
    precision: mean(prf.map((m) => m.precision)),
    recall: mean(prf.map((m) => m.recall)),
    f1: mean(prf.map((m) => m.f1)),
  };
  const total = sums.reduce((a, s) => ({ tp: a.tp + s.tp, predicted: a.predicted + s.predicted, actual: a.actual + s.actual }), { tp: 0, predicted: 0, actual: 0 });
  const micro = precisionRecallF1(total, zeroDivision);

  let weighted: PrecisionRecallF1;
  const supports = sums.map((s) => s.actual);
  if (total.actual === 0) {
    weighted = total.predicted === 0 ? { precision: zeroDivision, recall: zeroDivision, f1: zeroDivision } : { precision: 0, recall: zeroDivision, f1: 0 };
  } else {
    weighted = { precision: mean(prf.map((m) => m.precision), supports), recall: mean(prf.map((m) => m.recall), supports), f1: mean(prf.map((m) => m.f1), supports) };
  }

  const zero = [...zeroDivisionWarnings('macro', sums, labels), ...zeroDivisionWarnings('weighted', sums, labels), ...zeroDivisionWarnings('micro', [total], ['all classes together'])];
  const absentFromTruth = labels.filter((_, i) => (sums[i] as Sums).actual === 0);
  return { accuracy, balancedAccuracy, perClass, macro, micro, weighted, zeroDivision: zero, absentFromTruth };
}

/** Precision, recall and F1 of one class (scikit-learn's average='binary' with pos_label). */
export function classMetrics(c: WeightedConfusion, j: number, zeroDivision: ZeroDivision = 0): PrecisionRecallF1 & { sums: Sums } {
  const s = classSums(c, j);
  return { ...precisionRecallF1(s, zeroDivision), sums: s };
}
