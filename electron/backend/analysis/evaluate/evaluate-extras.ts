/**
 * The parts of an evaluation beyond the report, each from shared/evaluation: the threshold tool
 * (binary scores), slices with intervals and a verdict, label issues by confident learning (with
 * probabilities), and the membership-inference risk (with a training flag). What does not apply
 * is null; what was left out and why goes into the notes.
 */
import type { EvaluationOptions } from '../../../../shared/contract/evaluations';
import type { EvaluationResult } from '../../../../shared/contract/evaluation-result';
import {
  binaryTrueLabelLoss,
  evaluateSubset,
  judgeSlices,
  planSlices,
  findLabelIssues,
  membershipInferenceRisk,
  multiclassTrueLabelLoss,
  type NumericBins,
  type SliceColumn,
  type SliceEvaluation,
  type ThresholdAnalysis,
  type ThresholdPoint,
} from '../../../../shared/evaluation';
import type { BaseResult, CoreInputs } from './evaluate-columns';
import type { PredictionColumns } from './prediction-readers';
import { sliceInputs } from './slice-input';
import { evaluatePlannedSlices } from './slice-threads';

export type Extras = Pick<EvaluationResult, 'slices' | 'threshold' | 'labelIssues' | 'membershipInference'> & {
  notes: EvaluationResult['warnings'];
  /** The bins each numeric slice column was cut into (to slice another file the same way). */
  sliceBins: Record<string, NumericBins>;
};
type Options = Omit<EvaluationOptions, 'gates' | 'referenceEvaluationId'>;

/** Threads the slices may use (1: this thread only) and, for tests, the work a thread starts at; bins given per numeric slice column. */
export interface ExtrasThreads {
  threads: number;
  sliceThreadMinWork?: number;
  /** Tests: take a second thread for slices whatever the machine's load (slice-threads.ts). */
  sliceThreadOnBusyMachine?: boolean;
  sliceBins?: Record<string, NumericBins>;
}

/** Label issues are searched in at most this many rows (a seeded sample above it): the search keeps per-row lists. */
export const LABEL_ISSUE_MAX_ROWS = 1_000_000;
const SHOWN_ISSUES = 100;

export async function evaluateExtras(columns: PredictionColumns, base: BaseResult, core: CoreInputs, options: Options, threads: ExtrasThreads = { threads: 2 }): Promise<Extras> {
  const notes: EvaluationResult['warnings'] = [];
  const threshold = thresholdTool(core, options);
  // The sorted scores are not needed past the threshold tool: let them go before the heavier parts.
  if (core.binary) core.binary.ranking = null;
  const sliceBins: Record<string, NumericBins> = {};
  return {
    threshold,
    slices: await slicesOf(columns, core, options, notes, threads, sliceBins),
    labelIssues: options.labelIssues === false ? null : labelIssuesOf(columns, base, core, options, notes),
    membershipInference: membershipOf(columns, core, options, notes),
    notes,
    sliceBins,
  };
}

const micros = (x: number | null) => (x === null ? null : Math.round(x * 1e6));

function point(p: ThresholdPoint): NonNullable<EvaluationResult['threshold']>['atDefault'] {
  const flagged = p.truePositive + p.falsePositive;
  const actual = p.truePositive + p.falseNegative;
  return {
    threshold: p.threshold,
    truePositives: p.truePositive,
    falsePositives: p.falsePositive,
    trueNegatives: p.trueNegative,
    falseNegatives: p.falseNegative,
    precision: flagged > 0 ? p.truePositive / flagged : 0,
    recall: actual > 0 ? p.truePositive / actual : 0,
    costPer1000Micros: micros(p.costPer1000),
  };
}

function thresholdTool(core: CoreInputs, options: Options): EvaluationResult['threshold'] {
  const ranking = core.binary?.ranking ?? null;
  const t: ThresholdAnalysis | null = core.binary?.threshold ?? null;
  if (ranking === null || t === null) return null;
  const costs = t.costs;
  const c = t.curves;
  return {
    costs: options.costs ? { falsePositiveMicros: options.costs.falsePositiveMicros, falseNegativeMicros: options.costs.falseNegativeMicros } : null,
    curve: {
      thresholds: c.threshold,
      precision: c.precision,
      recall: c.recall,
      f1: c.f1,
      falsePositiveRate: c.fpr,
      flaggedShare: c.flaggedShare,
      costPer1000Micros: costs === null ? null : costPerThreshold(c, ranking.positiveTotal, ranking.negativeTotal, costs),
      points: c.points,
    },
    atDefault: point(t.atDefault),
    best: t.cheapest ? point(t.cheapest) : null,
    savingPer1000Micros: micros(t.savingPer1000),
    message: t.message,
  };
}

/** Expected cost per 1,000 predictions at each sampled threshold, from the curve's rates. */
function costPerThreshold(c: ThresholdAnalysis['curves'], P: number, N: number, costs: { falsePositive: number; falseNegative: number }): number[] {
  const W = P + N;
  return c.threshold.map((_, i) => (W === 0 ? 0 : Math.round((((c.fpr[i]! * N * costs.falsePositive + (1 - c.tpr[i]!) * P * costs.falseNegative) / W) * 1000) * 1e6)));
}

function sliceEvaluation(core: CoreInputs, options: Options): SliceEvaluation {
  const weights = core.weights;
  if (core.binary) {
    const b = core.binary;
    return {
      task: 'binary',
      input: { isPositive: b.isPositive, scores: b.scores, predictedPositive: b.predictedPositive, weights, positiveLabel: b.classes.positive, negativeLabel: b.classes.negative },
      options: { threshold: options.threshold ?? 0.5 },
    };
  }
  if (core.multiclass) return { task: 'multiclass', input: { ...core.multiclass, weights } };
  return { task: 'regression', input: { ...core.regression!, weights } };
}

async function slicesOf(columns: PredictionColumns, core: CoreInputs, options: Options, notes: Extras['notes'], threads: ExtrasThreads, bins: Record<string, NumericBins>): Promise<EvaluationResult['slices']> {
  if (columns.slices.length === 0) return [];
  const { columns: inputs, skipped } = sliceInputs(columns.slices, threads.sliceBins);
  for (const s of skipped) notes.push({ code: 'slice_skipped', message: s.reason });
  if (inputs.length === 0) return [];
  const samples = options.bootstrapSamples ?? 1000;
  const evaluation = sliceEvaluation(core, options);
  // The same plan, overall subset and seeds as evaluateSlices: the report is the same, only the
  // report's own evaluation of every row is reused and the slices may run on two threads.
  const plan = planSlices(evaluation, inputs as SliceColumn[], {
    ...(options.sliceMinRows !== undefined ? { minimumCount: options.sliceMinRows } : {}),
    bootstrap: { resamples: samples, ...(options.seed !== undefined ? { seed: options.seed } : {}) },
  });
  for (const c of plan.columns) if (c.bins !== null) bins[c.name] = c.bins;
  const overall = core.overall ?? evaluateSubset(evaluation, null, plan.overallBoot);
  const { results } = await evaluatePlannedSlices(evaluation, plan, {
    threads: threads.threads,
    ...(threads.sliceThreadMinWork !== undefined ? { minWork: threads.sliceThreadMinWork } : {}),
    ...(threads.sliceThreadOnBusyMachine ? { spareCore: true } : {}),
  });
  const report = judgeSlices(evaluation, plan, overall, results);
  return report.slices.map((s) => {
    const j = s.judgements[0]!;
    const ci: EvaluationResult['ci'] = {};
    for (const [k, v] of Object.entries(s.ci)) if (v && (samples > 0 || v.method === 'wilson')) ci[k] = { low: v.low, high: v.high, method: v.method };
    return { column: s.column, value: s.value, n: s.n, metrics: s.metrics, ci, tooSmall: s.tooSmall, worse: j.verdict === 'significantly-worse', verdict: j.verdict, judgedMetric: j.metric, pValue: j.adjustedPValue, note: s.message };
  });
}

/**
 * A seeded choice of `m` of the candidate rows, in row order (Knuth's selection sampling: one
 * pass, no set of chosen rows). `candidate(i)` says whether row i may be chosen.
 */
function sampleRows(n: number, available: number, m: number, candidate: (i: number) => boolean, seed: number): Uint32Array {
  let s = seed >>> 0 || 1;
  const rnd = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
  const out = new Uint32Array(m);
  let chosen = 0;
  let seen = 0;
  for (let i = 0; i < n && chosen < m; i++) {
    if (!candidate(i)) continue;
    if (rnd() * (available - seen) < m - chosen) out[chosen++] = i;
    seen++;
  }
  return out;
}

function labelIssuesOf(columns: PredictionColumns, base: BaseResult, core: CoreInputs, options: Options, notes: Extras['notes']): EvaluationResult['labelIssues'] {
  // Out-of-sample probabilities only: scores that are probabilities, or one column per class.
  const binary = core.binary && core.binary.scores && base.metrics.logLoss !== null && !columns.roles.rawScores ? core.binary : null;
  const multi = core.multiclass && core.multiclass.probabilities ? core.multiclass : null;
  if (!binary && !multi) return null;
  const n = binary ? binary.isPositive.length : multi!.yTrue.length;
  const classes: readonly string[] = binary ? [binary.classes.negative, binary.classes.positive] : multi!.classes;
  const k = classes.length;
  // Held-out rows only when the file marks training rows: the model has seen the others.
  const flag = columns.trainFlag;
  let available = n;
  if (flag) for (let i = 0; i < n; i++) available -= flag[i]!;
  if (available < 2) return null;
  const candidate = flag ? (i: number) => flag[i] === 0 : () => true;
  const m = Math.min(available, LABEL_ISSUE_MAX_ROWS);
  if (m < available) notes.push({ code: 'label_issues_sampled', count: m, message: `Label issues were searched in a seeded sample of ${m.toLocaleString('en-US')} of ${available.toLocaleString('en-US')} rows.` });
  const rows = m === n ? null : sampleRows(n, available, m, candidate, options.seed ?? 20211);
  const at = (r: number) => (rows ? rows[r]! : r);
  // Only the searched rows are copied (a 10M-row file never gets a second full-size matrix).
  const labels = new Int32Array(m);
  const probs = new Float64Array(m * k);
  for (let r = 0; r < m; r++) {
    const i = at(r);
    if (binary) {
      const p = binary.scores![i]!;
      labels[r] = binary.isPositive[i]!;
      probs[2 * r] = 1 - p;
      probs[2 * r + 1] = p;
    } else {
      labels[r] = multi!.yTrue[i]!;
      probs.set(multi!.probabilities!.subarray(i * k, i * k + k), r * k);
    }
  }
  const report = findLabelIssues({ classes, labels, probabilities: probs }, { maxIssues: SHOWN_ISSUES });
  return {
    method: report.method,
    rows: report.issues.map((x) => ({ row: at(x.row) + 1, given: x.givenLabel, likely: x.likelyLabel, givenProbability: x.selfConfidence, likelyProbability: x.likelyProbability })),
    total: report.issueCount,
    searchedRows: m,
    estimatedErrorRate: report.estimatedErrorRate,
    byClass: report.perClass.map((c) => ({ label: c.label, rows: c.rows, issues: c.issues, share: c.share })),
    message: report.message,
  };
}

function membershipOf(columns: PredictionColumns, core: CoreInputs, options: Options, notes: Extras['notes']): EvaluationResult['membershipInference'] {
  const flag = columns.trainFlag;
  if (flag === null) return null;
  let loss: Float64Array;
  let kind: 'log-loss' | 'squared-error' = 'log-loss';
  if (core.binary?.scores && !columns.roles.rawScores) loss = binaryTrueLabelLoss(core.binary.scores, core.binary.isPositive);
  else if (core.multiclass?.probabilities) loss = multiclassTrueLabelLoss(core.multiclass.probabilities, core.multiclass.classes.length, core.multiclass.yTrue);
  else if (core.regression) {
    const { yTrue, yPred } = core.regression;
    loss = yTrue.map((y, i) => (y - yPred[i]!) ** 2);
    kind = 'squared-error';
  } else {
    notes.push({ code: 'membership_needs_probabilities', message: 'Membership inference needs probabilities (or scores between 0 and 1): predicted labels alone carry no loss to attack.' });
    return null;
  }
  let training = 0;
  for (let i = 0; i < flag.length; i++) training += flag[i]!;
  if (training === 0 || training === flag.length) {
    notes.push({ code: 'membership_needs_both', message: `Membership inference needs both training and held-out rows; the column "${columns.roles.trainFlag}" marks ${training === 0 ? 'none' : 'every row'} as training.` });
    return null;
  }
  const risk = membershipInferenceRisk({ loss, isTraining: flag, weights: core.weights }, { bootstrap: { resamples: options.bootstrapSamples ?? 1000, ...(options.seed !== undefined ? { seed: options.seed } : {}) } });
  return {
    advantage: risk.advantage,
    ci: risk.interval ? { low: risk.interval.low, high: risk.interval.high, method: risk.interval.method } : null,
    pValue: risk.pValue,
    balancedAttackAccuracy: risk.balancedAttackAccuracy,
    trainRows: risk.trainingRows,
    heldOutRows: risk.heldOutRows,
    loss: kind,
    verdict: risk.verdict,
    message: risk.message,
  };
}
