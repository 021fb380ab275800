/** Shapes of the threshold tool's input and result. */
export interface ThresholdCosts {
  /** What one false positive costs (a flagged row that was negative). */
  falsePositive: number;
  /** What one false negative costs (a missed positive). */
  falseNegative: number;
  /** 'cents': the costs are integer cents (formatted as money with `currency`); 'plain': any unit. */
  unit?: 'cents' | 'plain';
  currency?: string;
}

export interface ThresholdCurves {
  /** Ascending distinct scores (sampled to at most maxPoints, ends exact). */
  threshold: number[];
  precision: number[];
  recall: number[];
  f1: number[];
  fpr: number[];
  tpr: number[];
  /** Share of rows flagged at each threshold. */
  flaggedShare: number[];
  points: number;
}

export interface ThresholdPoint {
  /** Flag rows scoring at or above this; null means flag nothing. */
  threshold: number | null;
  truePositive: number;
  falsePositive: number;
  trueNegative: number;
  falseNegative: number;
  /** Expected cost per 1,000 predictions, in the costs' unit (null without costs). */
  costPer1000: number | null;
}

export interface ThresholdAnalysis {
  curves: ThresholdCurves;
  /** The threshold the report uses (0.5 by default) and its counts. */
  atDefault: ThresholdPoint;
  /** The cheapest threshold; null without costs. */
  cheapest: ThresholdPoint | null;
  costs: ThresholdCosts | null;
  /** atDefault.costPer1000 - cheapest.costPer1000 (>= 0). */
  savingPer1000: number | null;
  message: string | null;
}

export interface ThresholdOptions {
  costs?: ThresholdCosts | null;
  defaultThreshold?: number;
  maxCurvePoints?: number;
}

