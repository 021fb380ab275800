import { z } from 'zod';

/**
 * What an evaluation computes, as stored with it and as `tally eval --json` prints it. Bounded in
 * size whatever the file: curves are downsampled, slices and label issues capped, never rows.
 * A metric that cannot be computed is null, and `reasons[metric]` says why in plain words.
 */

export const EvaluationTask = z.enum(['binary', 'multiclass', 'regression']);
export type EvaluationTask = z.infer<typeof EvaluationTask>;

export const MetricMap = z.record(z.string(), z.number().nullable());
export type MetricMap = z.infer<typeof MetricMap>;

/** A 95% confidence interval: Wilson for proportions, a seeded percentile bootstrap for the rest. */
export const Interval = z.object({ low: z.number(), high: z.number(), method: z.enum(['wilson', 'bootstrap']) });
export type Interval = z.infer<typeof Interval>;

export const EvaluationWarning = z.object({
  code: z.string(),
  metric: z.string().optional(),
  count: z.number().optional(),
  message: z.string(),
});

export const ConfusionMatrix = z.object({ labels: z.array(z.string()), matrix: z.array(z.array(z.number())) });

export const ClassRow = z.object({
  label: z.string(),
  precision: z.number(),
  recall: z.number(),
  f1: z.number(),
  /** Rows (weighted) whose true label is this class. */
  support: z.number(),
  /** This class against the rest; null when it cannot be computed. */
  rocAuc: z.number().nullable(),
});

export const Curves = z.object({
  roc: z.object({ fpr: z.array(z.number()), tpr: z.array(z.number()), thresholds: z.array(z.number()), points: z.number() }).nullable(),
  pr: z.object({ precision: z.array(z.number()), recall: z.array(z.number()), thresholds: z.array(z.number()), points: z.number() }).nullable(),
  /** Reliability diagram: fraction positive against mean predicted probability per bin (10 equal-width bins). */
  reliability: z
    .object({ binEdges: z.array(z.number()), bin: z.array(z.number()), fractionPositive: z.array(z.number()), meanPredicted: z.array(z.number()), count: z.array(z.number()) })
    .nullable(),
});

export const Residuals = z.object({
  mean: z.number(),
  /** At 0, 5, 25, 50, 75, 95 and 100 %. */
  quantiles: z.array(z.number()),
  histogram: z.object({ edges: z.array(z.number()), counts: z.array(z.number()) }),
});

export const SliceVerdict = z.enum(['significantly-worse', 'worse-not-significant', 'not-worse', 'undefined', 'too-small']);

export const SliceResult = z.object({
  column: z.string(),
  /** The value, or the bin of a numeric column ("20 to 30"), or "(missing)". */
  value: z.string(),
  /** Rows with a weight above 0. */
  n: z.number(),
  metrics: MetricMap,
  ci: z.record(z.string(), Interval),
  /** Fewer rows than the documented minimum (30): shown, never judged. */
  tooSmall: z.boolean(),
  /** Significantly worse than the whole on the judged metric (z-test, Holm-corrected within the column, p < 0.05). */
  worse: z.boolean(),
  verdict: SliceVerdict,
  /** The judged metric (f1, macroF1 or mae) and its p-value against the rest, when tested. */
  judgedMetric: z.string(),
  pValue: z.number().nullable(),
  /** One plain sentence for the owner, e.g. "Recall on region = north is 0.64 (0.58-0.70), below 0.81 overall". */
  note: z.string().nullable(),
});
export type SliceResult = z.infer<typeof SliceResult>;

/** Binary scores: how the metrics move with the threshold (downsampled, ends exact). */
export const ThresholdCurve = z.object({
  thresholds: z.array(z.number()),
  precision: z.array(z.number()),
  recall: z.array(z.number()),
  f1: z.array(z.number()),
  falsePositiveRate: z.array(z.number()),
  /** Share of rows flagged positive at each threshold. */
  flaggedShare: z.array(z.number()),
  /** Expected cost of mistakes per 1,000 predictions at each threshold, in millionths of money; null without costs. */
  costPer1000Micros: z.array(z.number()).nullable(),
  points: z.number(),
});

export const ThresholdPoint = z.object({
  /** Flag rows scoring at or above this; null means flag nothing. */
  threshold: z.number().nullable(),
  truePositives: z.number(),
  falsePositives: z.number(),
  trueNegatives: z.number(),
  falseNegatives: z.number(),
  precision: z.number(),
  recall: z.number(),
  costPer1000Micros: z.number().nullable(),
});

export const ThresholdAnalysis = z.object({
  costs: z.object({ falsePositiveMicros: z.number(), falseNegativeMicros: z.number() }).nullable(),
  curve: ThresholdCurve,
  /** The threshold the metrics use (0.5 unless set). */
  atDefault: ThresholdPoint,
  /** The threshold that minimises the expected cost; null without costs. */
  best: ThresholdPoint.nullable(),
  /** What the best threshold saves per 1,000 predictions against the default; null without costs. */
  savingPer1000Micros: z.number().nullable(),
  /** The plain sentence ("Flagging rows that score 0.32 or more is the cheapest choice ..."); null without costs. */
  message: z.string().nullable(),
});

export const LabelIssues = z.object({
  method: z.string(),
  /** Rows whose given label is probably wrong, most likely first (at most 100); row = data row, from 1. */
  rows: z.array(z.object({ row: z.number(), given: z.string(), likely: z.string(), givenProbability: z.number(), likelyProbability: z.number() })),
  total: z.number(),
  /** Rows searched (held-out rows only when the file marks training rows; a seeded sample above 1,000,000). */
  searchedRows: z.number(),
  estimatedErrorRate: z.number(),
  byClass: z.array(z.object({ label: z.string(), rows: z.number(), issues: z.number(), share: z.number() })),
  /** What it means and what to do (relabel a sample, not delete). */
  message: z.string(),
});

export const MembershipInference = z.object({
  /** max over thresholds of TPR - FPR of a loss-threshold attack (Yeom et al. 2018). */
  advantage: z.number(),
  ci: Interval.nullable(),
  pValue: z.number(),
  /** Accuracy of the best attack with as many training as held-out rows: 0.5 + advantage / 2. */
  balancedAttackAccuracy: z.number(),
  trainRows: z.number(),
  heldOutRows: z.number(),
  /** What the per-row loss is: the true label's log loss (classification) or the squared error (regression). */
  loss: z.enum(['log-loss', 'squared-error']),
  verdict: z.enum(['coin-flip', 'noticeably-better', 'much-better']),
  message: z.string(),
});

export const GateResult = z.object({
  expression: z.string(),
  /** A gate that cannot be judged (its metric is n/a, no reference) fails, saying why. */
  passed: z.boolean(),
  actual: z.number().nullable(),
  bound: z.number().nullable(),
  /** slice_min / slice_max: the slice that gave the value. */
  slice: z.string().nullable(),
  message: z.string(),
});
export type GateResult = z.infer<typeof GateResult>;

/** How the file was read and which columns played which part. */
export const EvaluationInputInfo = z.object({
  file: z.string(),
  format: z.enum(['csv', 'jsonl', 'json', 'parquet']),
  sizeBytes: z.number(),
  rows: z.number(),
  /** Probability rows between the exact and the refused tolerance, rescaled to sum to 1. */
  renormalizedRows: z.number(),
  timeRange: z.object({ min: z.string(), max: z.string() }).nullable(),
  probabilityColumns: z.array(z.object({ column: z.string(), label: z.string() })),
});

export const EvaluationResult = z.object({
  task: EvaluationTask,
  /** "given", or what the task was guessed from. */
  taskReason: z.string(),
  n: z.number(),
  weightTotal: z.number(),
  /** Classification: every class, in scikit-learn's order. */
  classes: z.array(z.string()),
  positiveLabel: z.string().nullable(),
  /** Binary: "given", or why this label was taken as positive (1 / true / yes, else the rarer class). */
  positiveLabelReason: z.string().nullable(),
  /** Binary scores: a row is predicted positive when its score is >= this. */
  decisionThreshold: z.number().nullable(),
  metrics: MetricMap,
  /** The dummy baseline beside every metric: majority class / prior (classification), the mean (regression). */
  baseline: MetricMap,
  ci: z.record(z.string(), Interval),
  reasons: z.record(z.string(), z.string()),
  warnings: z.array(EvaluationWarning),
  confusionMatrix: ConfusionMatrix.nullable(),
  perClass: z.array(ClassRow),
  curves: Curves,
  residuals: Residuals.nullable(),
  /** Worse slices first. */
  slices: z.array(SliceResult),
  threshold: ThresholdAnalysis.nullable(),
  labelIssues: LabelIssues.nullable(),
  membershipInference: MembershipInference.nullable(),
  gates: z.array(GateResult),
  input: EvaluationInputInfo,
});
export type EvaluationResult = z.infer<typeof EvaluationResult>;
