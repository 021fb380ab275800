/**
 * Shapes shared by every evaluation result. Results are plain JSON-safe objects: numbers, strings,
 * arrays of numbers, null. A metric that cannot be computed is null and its key in `reasons` says
 * why, in words a user can act on (scikit-learn raises or returns nan in those cases).
 */

export type MetricValue = number | null;

/** Why a value was substituted or a row set is suspect; the value itself is still returned. */
export type EvaluationWarningCode =
  /** A precision/recall/F1 denominator was zero; 0 (or 1, see zeroDivision) was substituted, as scikit-learn's zero_division does. */
  | 'zero_division'
  /** Probability rows whose sum is not 1 (np.allclose tolerance); log loss renormalises them, as scikit-learn does. */
  | 'rows_not_summing_to_one'
  /** Average precision with no positive rows: scikit-learn sets recall to 1 and returns 0. */
  | 'no_positive_rows'
  /** Balanced accuracy left out classes that were predicted but never (or only with weight 0) true. */
  | 'classes_absent_from_truth'
  /** MAPE left out rows whose target is exactly zero (scikit-learn would divide by machine epsilon). */
  | 'zero_targets_ignored';

export interface EvaluationWarning {
  code: EvaluationWarningCode;
  /** The metric the warning is about, when it is about one. */
  metric?: string;
  /** How many rows or classes it concerns. */
  count?: number;
  message: string;
}

/** Collects null reasons and warnings while a report is built. */
export class Findings {
  readonly reasons: Record<string, string> = {};
  readonly warnings: EvaluationWarning[] = [];

  /** Returns null so callers can write `metric = findings.undefined('rocAuc', '...')`. */
  undefined(metric: string, reason: string): null {
    if (this.reasons[metric] === undefined) this.reasons[metric] = reason;
    return null;
  }

  warn(warning: EvaluationWarning): void {
    const same = this.warnings.find((w) => w.code === warning.code && w.metric === warning.metric);
    if (!same) this.warnings.push(warning);
  }
}

/** Confusion matrix as scikit-learn lays it out: rows are true labels, columns predicted, labels sorted. */
export interface ConfusionMatrixResult {
  labels: string[];
  matrix: number[][];
}

/** A curve as parallel arrays (downsampled to at most maxCurvePoints, both end points exact). */
export interface CurveSampling {
  /** Points in the full curve before downsampling. */
  points: number;
}

export interface RocCurve extends CurveSampling {
  fpr: number[];
  tpr: number[];
  /** Descending; the first is the highest score + 1, as scikit-learn 1.2's roc_curve. */
  thresholds: number[];
}

export interface PrCurve extends CurveSampling {
  /** As scikit-learn's precision_recall_curve: ascending thresholds, then the final (1, 0) point. */
  precision: number[];
  recall: number[];
  thresholds: number[];
}

/** One point per non-empty bin: calibration_curve(strategy='uniform')'s prob_true and prob_pred. */
export interface ReliabilityDiagram {
  /** Bin edges, 0 to 1 (n bins + 1 values, as np.linspace(0, 1, n + 1)). */
  binEdges: number[];
  /** Index of the bin each point comes from. */
  bin: number[];
  fractionPositive: number[];
  meanPredicted: number[];
  /** Rows in the bin (weights ignored). */
  count: number[];
}

/** scikit-learn's zero_division: 0 (its default "warn" behaviour, with a warning) or 1. */
export type ZeroDivision = 0 | 1;

export const DEFAULT_MAX_CURVE_POINTS = 2000;
export const DEFAULT_CALIBRATION_BINS = 10;
