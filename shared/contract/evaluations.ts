import { z } from 'zod';
import { Id, IsoDateTime } from './common';
import { mutation, query } from './define';
import { BackgroundTaskFields } from './checks';
import { EvaluationResult, EvaluationTask, Interval, MetricMap, ThresholdAnalysis } from './evaluation-result';

/**
 * Evaluations: what a model's predictions file says about the model. `evaluations.start` reads
 * the file in the analysis worker process (progress as `task.progress` events and through
 * `evaluations.status`, cancel with `evaluations.cancel`); only a completed evaluation is stored,
 * with its whole result. Bad input (a missing column, a non-numeric score, probabilities outside
 * [0, 1] or not summing to 1, labels absent from the probability columns) fails the task with
 * PARSE_ERROR naming the column and the first bad line, and stores nothing.
 */

const ColumnName = z.string().trim().min(1, 'Choose a column').max(500, 'That column name is too long');
const FilePath = z.string().trim().min(1, 'Choose a file').max(4096, 'That path is too long');
/** Money per mistake or per 1,000 predictions, in millionths of a currency unit (integers, never floats). */
const Micros = z.number({ error: 'Enter an amount' }).int('Amounts are whole millionths').min(0, 'The amount cannot be negative').max(1e15, 'That amount is too large');

/**
 * Which column plays which part. A classifier gives `score` (binary: the positive class's score
 * or probability), `probabilityPrefix` (one probability column per class, e.g. "p_" for p_cat,
 * p_dog) or `prediction` (a predicted label); a regressor gives `prediction` (a number).
 */
export const PredictionRoles = z
  .object({
    label: ColumnName,
    score: ColumnName.optional(),
    probabilityPrefix: z.string().min(1, 'Give the prefix of the probability columns').max(200, 'That prefix is too long').optional(),
    prediction: ColumnName.optional(),
    weight: ColumnName.optional(),
    slices: z.array(ColumnName).max(20, 'At most 20 slice columns').optional(),
    time: ColumnName.optional(),
    /** Marks the rows that were in the training set (1/0, true/false, yes/no, train/test). */
    trainFlag: ColumnName.optional(),
  })
  .strict()
  .refine((r) => r.score !== undefined || r.probabilityPrefix !== undefined || r.prediction !== undefined, {
    message: 'Choose the column with the model output: a score, probability columns or a prediction',
    path: ['score'],
  })
  .refine((r) => r.score === undefined || r.probabilityPrefix === undefined, { message: 'Choose a score column or probability columns, not both', path: ['probabilityPrefix'] });
export type PredictionRoles = z.output<typeof PredictionRoles>;

export const EvaluationOptions = z
  .object({
    /** Default: guessed from the columns (and said in the result). */
    task: EvaluationTask.optional(),
    /** Binary: the label that counts as positive (default 1, true, yes, else the rarer class). */
    positiveLabel: z.string().min(1).max(500).optional(),
    /** Binary scores: predicted positive when score >= threshold (default 0.5). */
    threshold: z.number().finite('The threshold must be a number').optional(),
    /** The score column holds raw scores (margins), not probabilities: no log loss, Brier or calibration. */
    rawScores: z.boolean().optional(),
    /** What one mistake costs, for the threshold tool. */
    costs: z.object({ falsePositiveMicros: Micros, falseNegativeMicros: Micros }).strict().optional(),
    /** Conditions such as "f1>=0.8", "slice_min(recall)>=0.7", "auc>=ref-0.02". */
    gates: z.array(z.string().trim().min(1, 'Write a condition such as f1>=0.8').max(500)).max(50).optional(),
    /** The evaluation `ref` means in gates. */
    referenceEvaluationId: Id.optional(),
    /** Bootstrap draws for the intervals (0 turns bootstrap intervals off; default 1000). */
    bootstrapSamples: z.number().int().min(0).max(10000).optional(),
    seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
    /** Search for probably wrong labels (needs probabilities; default true). */
    labelIssues: z.boolean().optional(),
    /** Slices with fewer rows are shown but flagged too small to judge (default 30). */
    sliceMinRows: z.number().int().min(1).max(1_000_000).optional(),
  })
  .strict();
export type EvaluationOptions = z.output<typeof EvaluationOptions>;

const Guess = z.object({ column: z.string(), reason: z.string() });

/** The wizard's first page: likely roles with a reason each, best first, for the user to confirm. */
export const RoleGuesses = z.object({
  file: z.string(),
  format: z.enum(['csv', 'jsonl', 'json', 'parquet']),
  columns: z.array(z.string()),
  /** Rows looked at for the guesses (the head of the file). */
  sampledRows: z.number(),
  label: z.array(Guess),
  score: z.array(Guess),
  probabilityPrefix: z.array(z.object({ prefix: z.string(), columns: z.array(z.string()), reason: z.string() })),
  prediction: z.array(Guess),
  weight: z.array(Guess),
  slices: z.array(Guess),
  time: z.array(Guess),
  trainFlag: z.array(Guess),
  task: z.object({ value: EvaluationTask, reason: z.string() }).nullable(),
  /** Binary: the guessed positive label, the labels seen in the sample, and why. */
  positiveLabel: z.object({ value: z.string(), labels: z.array(z.string()), reason: z.string() }).nullable(),
  /** Ready to confirm: the best guess for every role, or null when no label column was found. */
  roles: PredictionRoles.nullable(),
});
export type RoleGuesses = z.infer<typeof RoleGuesses>;

export const EvaluationStartInput = z
  .object({
    projectId: Id,
    path: FilePath,
    name: z.string().trim().min(1, 'Give the evaluation a name').max(200, 'Keep the name under 200 characters').optional(),
    roles: PredictionRoles,
    options: EvaluationOptions.optional(),
    /** The dataset the predictions were made on (e.g. the test split). */
    datasetId: Id.optional(),
    /** The training run that made the model (its cost feeds the comparison). */
    runId: Id.optional(),
  })
  .strict();
export type EvaluationStartInput = z.input<typeof EvaluationStartInput>;

export const GateStatus = z.enum(['none', 'passed', 'failed']);

export const EvaluationSummary = z.object({
  id: Id,
  projectId: Id,
  name: z.string(),
  path: z.string(),
  fileName: z.string(),
  sizeBytes: z.number(),
  /** "sha256:<hex>" of the file when it was evaluated. */
  hash: z.string(),
  datasetId: Id.nullable(),
  runId: z.string().nullable(),
  inferenceCostPer1000Micros: z.number().nullable(),
  task: EvaluationTask,
  rows: z.number(),
  /** The headline metrics (accuracy, f1, rocAuc ... or mae, rmse, r2) for lists. */
  headline: MetricMap,
  /** The 95% intervals of the headline metrics that have one. */
  headlineCi: z.record(z.string(), Interval),
  gateStatus: GateStatus,
  durationMs: z.number(),
  createdAt: IsoDateTime,
});
export type EvaluationSummary = z.infer<typeof EvaluationSummary>;

export const Evaluation = EvaluationSummary.extend({
  roles: PredictionRoles,
  options: EvaluationOptions,
  result: EvaluationResult,
});
export type Evaluation = z.infer<typeof Evaluation>;

/** phase: hashing | reading | evaluating | saving | done | failed | cancelled */
export const EvaluationTaskState = BackgroundTaskFields.extend({
  /** Set when state is succeeded. */
  evaluationId: Id.nullable(),
});
export type EvaluationTaskState = z.infer<typeof EvaluationTaskState>;

export const EvaluationLinkInput = z
  .object({
    id: Id,
    /** null removes the link; absent leaves it as it is. */
    runId: Id.nullable().optional(),
    datasetId: Id.nullable().optional(),
    inferenceCostPer1000Micros: Micros.nullable().optional(),
  })
  .strict();

export const CompareInput = z
  .object({
    ids: z.array(Id).min(2, 'Choose at least two evaluations').max(10, 'Compare at most ten evaluations'),
    /** The metric on the Pareto chart's vertical axis (default: f1, or r2 for regression). */
    metric: z.string().min(1).max(100).optional(),
    /** How many predictions the model will serve: inference cost = this / 1,000 x the cost per 1,000 (default 1,000,000). */
    expectedPredictions: z.number().int().min(0).max(1e15).optional(),
  })
  .strict();

export const ComparisonPoint = z.object({
  id: Id,
  name: z.string(),
  task: EvaluationTask,
  metrics: MetricMap,
  ci: z.record(z.string(), Interval),
  value: z.number().nullable(),
  /** Training cost of the linked run in US cents, null when there is no run or no known cost. */
  trainingCostUsdCents: z.number().nullable(),
  inferenceCostUsdMicros: z.number().nullable(),
  /** Training plus inference, in millionths of a dollar; null when neither is known. */
  totalCostUsdMicros: z.number().nullable(),
  /** No other evaluation is at least as good on the metric and at least as cheap, and better on one. */
  paretoOptimal: z.boolean(),
  costNote: z.string().nullable(),
});

export const Comparison = z.object({
  metric: z.string(),
  higherIsBetter: z.boolean(),
  expectedPredictions: z.number(),
  /** Metrics present in every compared evaluation, in a stable order. */
  metrics: z.array(z.string()),
  points: z.array(ComparisonPoint),
  /** The answer in one sentence ("model B gives the best f1 per dollar ..."). */
  sentence: z.string(),
});
export type Comparison = z.infer<typeof Comparison>;

export const evaluationsContract = {
  /** Reads the head of a predictions file and guesses which column plays which part. */
  'evaluations.guessRoles': query(z.object({ path: FilePath }).strict(), RoleGuesses),
  'evaluations.start': mutation(EvaluationStartInput, z.object({ taskId: Id })),
  /** Stops a running evaluation (its worker process is killed); nothing is stored. */
  'evaluations.cancel': mutation(z.object({ taskId: Id }).strict(), EvaluationTaskState),
  'evaluations.status': query(z.object({ taskId: Id }).strict(), EvaluationTaskState),
  'evaluations.get': query(z.object({ id: Id }).strict(), Evaluation),
  /** Newest first. */
  'evaluations.list': query(z.object({ projectId: Id }).strict(), z.array(EvaluationSummary)),
  'evaluations.delete': mutation(z.object({ id: Id }).strict(), z.object({ id: Id })),
  'evaluations.rename': mutation(z.object({ id: Id, name: z.string().trim().min(1, 'Give the evaluation a name').max(200, 'Keep the name under 200 characters') }).strict(), EvaluationSummary),
  /** Links an evaluation to the run that made the model, the dataset it ran on, and its inference cost. */
  'evaluations.link': mutation(EvaluationLinkInput, EvaluationSummary),
  /**
   * The threshold tool again with other costs, without reading the file: from the stored curve
   * (exact when the file had at most 2,000 distinct scores, else the cheapest of the 2,000 sampled
   * thresholds). Binary evaluations with scores only.
   */
  'evaluations.threshold': query(
    z.object({ id: Id, costs: z.object({ falsePositiveMicros: Micros, falseNegativeMicros: Micros }).strict() }).strict(),
    ThresholdAnalysis,
  ),
  /** One self-contained HTML report (inline CSS and SVG, no scripts, no network), as tally eval --html. */
  'evaluations.exportHtml': query(z.object({ id: Id }).strict(), z.object({ html: z.string(), fileName: z.string() })),
  /** 2-10 evaluations side by side, and the points of a metric-vs-cost Pareto chart. */
  'evaluations.compare': query(CompareInput, Comparison),
} as const;
