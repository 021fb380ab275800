/**
 * From typed columns to the metrics: the binary, multiclass or regression report of
 * shared/evaluation (equal to scikit-learn), shaped as the contract's EvaluationResult. The parts
 * that need more than one pass (slices, the threshold tool, label issues, membership inference)
 * are added by evaluate-extras.ts on top of what this returns.
 */
import type { EvaluationResult, MetricMap } from '../../../../shared/contract/evaluation-result';
import { wilsonInterval } from '../../../../shared/evaluation/intervals';
import { weightTally, type SubsetResult } from '../../../../shared/evaluation/slices';
import { confusionFromMatrix, constantPredictionConfusion, evaluateMulticlass, evaluateRegression, labelMetrics, mostFrequentClass, prepareBinary, rankingFromSortedParts, type BinaryReport, type LabelMetrics, type MulticlassReport, type RegressionReport, type ScoreRanking } from '../../../../shared/evaluation/metrics';
import type { ThresholdAnalysis, ThresholdCosts } from '../../../../shared/evaluation/threshold';
import { binaryClasses, canonicalClasses, type BinaryClasses, type ClassLabels } from './class-labels';
import { lazyField } from './lazy-field';
import type { PredictionColumns } from './prediction-readers';

export interface EvaluateOptions {
  positiveLabel?: string;
  threshold?: number;
  /** Bootstrap draws for the intervals (0: Wilson intervals only; default 1,000). */
  bootstrapSamples?: number;
  seed?: number;
  /** What a false positive and a false negative cost, in micro-units (the threshold tool's cheapest threshold). */
  costs?: { falsePositiveMicros: number; falseNegativeMicros: number };
}

/** What the extras reuse: the inputs the core saw, in its terms, the sorted scores and the threshold tool (walked with the report). */
export interface CoreInputs {
  binary: { isPositive: Uint8Array; scores: Float64Array | null; predictedPositive: Uint8Array | null; classes: BinaryClasses; ranking: ScoreRanking | null; threshold: ThresholdAnalysis | null } | null;
  multiclass: { classes: string[]; yTrue: Int32Array; yPred: Int32Array | null; probabilities: Float64Array | null } | null;
  regression: { yTrue: Float64Array; yPred: Float64Array } | null;
  weights: Float64Array | null;
  /**
   * The report on every row as the slices' overall subset: the same metrics and intervals (same
   * bootstrap seed and resamples) evaluateSubset would compute again. Null without intervals.
   */
  overall: SubsetResult | null;
}

export type BaseResult = Omit<EvaluationResult, 'slices' | 'threshold' | 'labelIssues' | 'membershipInference' | 'gates' | 'input' | 'taskReason'>;

function metricMap(m: object): MetricMap {
  return Object.fromEntries(Object.entries(m as Record<string, number | null>));
}

/** The report's intervals without the metrics that have none. */
function intervalMap(m: Record<string, EvaluationResult['ci'][string] | null> | null): EvaluationResult['ci'] {
  const out: EvaluationResult['ci'] = {};
  for (const [k, v] of Object.entries(m ?? {})) if (v) out[k] = { low: v.low, high: v.high, method: v.method };
  return out;
}

/** The core's interval options: resamples 0 keeps the Wilson intervals and drops the bootstrap ones. */
function intervalOptions(o: EvaluateOptions): { resamples: number; seed?: number } {
  return { resamples: o.bootstrapSamples ?? 1000, ...(o.seed !== undefined ? { seed: o.seed } : {}) };
}

/** Only Wilson intervals when bootstrapping is off (the bootstrap ones are then empty draws). */
function keepIntervals(ci: EvaluationResult['ci'], o: EvaluateOptions): EvaluationResult['ci'] {
  if ((o.bootstrapSamples ?? 1000) > 0) return ci;
  return Object.fromEntries(Object.entries(ci).filter(([, v]) => v.method === 'wilson'));
}

/**
 * Without bootstrap and without weights, the Wilson intervals come straight from the counts (the
 * same intervals the core computes after grouping every score, for a fraction of the work).
 */
function countsOnly(o: EvaluateOptions, weights: Float64Array | null): boolean {
  return (o.bootstrapSamples ?? 1000) === 0 && weights === null;
}

function wilsonMap(pairs: Record<string, [number, number]>): EvaluationResult['ci'] {
  const out: EvaluationResult['ci'] = {};
  for (const [k, [success, total]] of Object.entries(pairs)) {
    const w = wilsonInterval(success, total);
    if (w) out[k] = { low: w.low, high: w.high, method: w.method };
  }
  return out;
}

/** The slices' overall subset from a report computed with intervals (null without). */
function overallOf(report: { metrics: object; intervals: SubsetResult['ci'] | null; reasons: Record<string, string> }, weights: Float64Array | null, n: number): SubsetResult | null {
  if (report.intervals === null) return null;
  const { weight, present } = weightTally(weights, n);
  return { metrics: report.metrics as SubsetResult['metrics'], ci: report.intervals, reasons: report.reasons, rows: present, weight };
}

/** The threshold tool's costs in the report's terms (plain money units per mistake). */
function thresholdCosts(o: EvaluateOptions): ThresholdCosts | null {
  return o.costs ? { falsePositive: o.costs.falsePositiveMicros / 1e6, falseNegative: o.costs.falseNegativeMicros / 1e6, unit: 'plain' } : null;
}

function curvesOf(report: BinaryReport | MulticlassReport): EvaluationResult['curves'] {
  if (report.task === 'multiclass') return { roc: null, pr: null, reliability: report.reliability };
  return { roc: report.rocCurve, pr: report.prCurve, reliability: report.reliability };
}

export function evaluateColumns(file: string, columns: PredictionColumns, options: EvaluateOptions = {}): { result: BaseResult; core: CoreInputs } {
  const weights = columns.weights;
  if (columns.roles.task === 'regression') {
    const input = { yTrue: columns.labelNumbers!, yPred: columns.predictionNumbers!, weights };
    const report = evaluateRegression(input, countsOnly(options, weights) ? {} : { intervals: intervalOptions(options) });
    return { result: { ...fromRegression(report), ci: keepIntervals(intervalMap(report.intervals), options) }, core: { binary: null, multiclass: null, regression: input, weights, overall: overallOf(report, weights, columns.n) } };
  }
  const classes = canonicalClasses(columns);
  if (columns.roles.task === 'multiclass') {
    const k = columns.roles.probabilityColumns.length;
    const input = { classes: classes.values, yTrue: classes.labelCodes, yPred: classes.predictionCodes, probabilities: k > 0 ? columns.probabilities : null, weights };
    const light = countsOnly(options, weights);
    const report = evaluateMulticlass(input, light ? {} : { intervals: intervalOptions(options) });
    const diagonal = report.confusionMatrix.matrix.reduce((a, row, i) => a + row[i]!, 0);
    const ci = light ? wilsonMap({ accuracy: [diagonal, report.n] }) : keepIntervals(intervalMap(report.intervals), options);
    return { result: { ...fromMulticlass(report), ci }, core: { binary: null, multiclass: input, regression: null, weights, overall: overallOf(report, weights, columns.n) } };
  }
  const chosen = binaryClasses(file, columns, classes, options.positiveLabel);
  const n = columns.n;
  const pc = chosen.positiveCode;
  const light = countsOnly(options, weights);
  // Scores the range threads sorted: the report reads the ranking alone, and the rows' labels and
  // scores are built only when the extras read them (core.binary's getters).
  if (columns.ranked !== null && weights === null) {
    const ranking = sortedByThreads(columns, classes, pc)!;
    const binary = { predictedPositive: null, classes: chosen, ranking: null as ScoreRanking | null, threshold: null as ThresholdAnalysis | null } as NonNullable<CoreInputs['binary']>;
    lazyField(binary, 'isPositive', () => positiveRows(classes.labelCodes, pc));
    lazyField(binary, 'scores', () => columns.score);
    const prepared = prepareBinary(
      { get isPositive() { return binary.isPositive; }, get scores() { return binary.scores; }, ranking, weights: null, positiveLabel: chosen.positive, negativeLabel: chosen.negative },
      { threshold: options.threshold ?? 0.5, thresholdTool: { costs: thresholdCosts(options) }, ...(light ? {} : { intervals: intervalOptions(options) }) },
    );
    binary.ranking = prepared.ranking;
    binary.threshold = prepared.report.thresholdAnalysis;
    return binaryResult(prepared.report, chosen, binary, weights, n, options, light);
  }
  const isPositive = positiveRows(classes.labelCodes, pc);
  let scores = columns.score;
  const probs = columns.roles.probabilityColumns;
  if (scores === null && probs.length === 2 && columns.probabilities) {
    const col = probs.findIndex((p) => p.label === chosen.positive || String(Number(p.label)) === chosen.positive);
    scores = new Float64Array(n);
    const all = columns.probabilities;
    for (let i = 0; i < n; i++) scores[i] = all[i * 2 + col]!;
  }
  let predictedPositive: Uint8Array | null = null;
  if (scores === null && classes.predictionCodes) {
    predictedPositive = new Uint8Array(n);
    const p = classes.predictionCodes;
    for (let i = 0; i < n; i++) predictedPositive[i] = p[i] === pc ? 1 : 0;
  }
  const ranking = scores === columns.score ? sortedByThreads(columns, classes, pc) : undefined;
  const prepared = prepareBinary(
    { isPositive, scores, predictedPositive, weights, positiveLabel: chosen.positive, negativeLabel: chosen.negative, ...(ranking ? { ranking } : {}) },
    { threshold: options.threshold ?? 0.5, thresholdTool: { costs: thresholdCosts(options) }, ...(light ? {} : { intervals: intervalOptions(options) }) },
  );
  const report = prepared.report;
  return binaryResult(report, chosen, { isPositive, scores, predictedPositive, classes: chosen, ranking: prepared.ranking, threshold: report.thresholdAnalysis }, weights, n, options, light);
}

/** 1 for rows of the positive class. +(a === b), not a ternary: labels in random order made that branch a coin toss per row. */
function positiveRows(codes: Int32Array, positiveCode: number): Uint8Array {
  const isPositive = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) isPositive[i] = +(codes[i] === positiveCode);
  return isPositive;
}

function binaryResult(report: BinaryReport, chosen: BinaryClasses, binary: NonNullable<CoreInputs['binary']>, weights: Float64Array | null, n: number, options: EvaluateOptions, light: boolean): { result: BaseResult; core: CoreInputs } {
  const asTwo = binaryLabelMetrics(report, binary, weights);
  const c = report.counts;
  const ci = light
    ? wilsonMap({ accuracy: [c.truePositive + c.trueNegative, n], precision: [c.truePositive, c.truePositive + c.falsePositive], recall: [c.truePositive, c.truePositive + c.falseNegative] })
    : keepIntervals(intervalMap(report.intervals), options);
  const result = { ...fromBinary(report, asTwo, chosen), ci };
  return { result, core: { binary, multiclass: null, regression: null, weights, overall: overallOf(report, weights, n) } };
}

/**
 * The ranking from the scores the range threads sorted per label, when they did (ranked-parts.ts).
 * The parts are joined here and dropped from the columns: nothing else reads them.
 */
function sortedByThreads(columns: PredictionColumns, classes: ClassLabels, positiveCode: number): ScoreRanking | undefined {
  const parts = columns.ranked;
  if (parts === null) return undefined;
  columns.ranked = null;
  const positive = parts.filter((p) => classes.classOf[p.code] === positiveCode);
  const negative = parts.filter((p) => classes.classOf[p.code] !== positiveCode);
  return rankingFromSortedParts(positive, negative);
}

/**
 * Per-class rows and the macro / micro / weighted averages of a binary report, from its confusion
 * matrix (no second pass over the rows): the core's label metrics on the 2 x 2 matrix, and on the
 * most-frequent-class baseline's matrix.
 */
function binaryLabelMetrics(r: BinaryReport, rows: Pick<NonNullable<CoreInputs['binary']>, 'isPositive' | 'scores' | 'predictedPositive'>, weights: Float64Array | null): { model: LabelMetrics; baseline: LabelMetrics } {
  const labels = r.confusionMatrix.labels;
  const P = labels.indexOf(r.positiveLabel);
  const n = r.n;
  // Row counts: the confusion counts themselves without weights, else one pass.
  let positives = r.counts.truePositive + r.counts.falseNegative;
  let predicted = r.counts.truePositive + r.counts.falsePositive;
  if (weights !== null) {
    const { isPositive, scores, predictedPositive } = rows;
    positives = 0;
    predicted = 0;
    const t = r.threshold;
    for (let i = 0; i < n; i++) {
      positives += isPositive[i]!;
      predicted += scores !== null ? (scores[i]! >= t ? 1 : 0) : predictedPositive![i]!;
    }
  }
  const pair = (pos: number, neg: number) => {
    const a = new Float64Array(2);
    a[P] = pos;
    a[1 - P] = neg;
    return a;
  };
  const trueRows = pair(positives, n - positives);
  const confusion = confusionFromMatrix(Float64Array.from(r.confusionMatrix.matrix.flat()), 2, trueRows, pair(predicted, n - predicted));
  const c = r.counts;
  const totals = { weight: pair(c.truePositive + c.falseNegative, c.falsePositive + c.trueNegative), rows: trueRows };
  const cls = mostFrequentClass(totals);
  const model = labelMetrics(confusion, labels);
  const baseline = cls < 0 ? model : labelMetrics(constantPredictionConfusion(totals, cls), labels);
  return { model, baseline };
}

function fromBinary(r: BinaryReport, asTwo: { model: LabelMetrics; baseline: LabelMetrics }, chosen: BinaryClasses): BaseResult {
  const averages = (l: LabelMetrics) => ({ macroF1: l.macro.f1, microF1: l.micro.f1, weightedF1: l.weighted.f1 });
  const metrics = { ...metricMap(r.metrics), ...averages(asTwo.model) };
  const baseline = { ...metricMap(r.baseline), ...averages(asTwo.baseline) };
  return {
    task: 'binary',
    n: r.n,
    weightTotal: r.weightTotal,
    classes: r.confusionMatrix.labels,
    positiveLabel: r.positiveLabel,
    positiveLabelReason: chosen.reason,
    decisionThreshold: r.rocCurve === null ? null : r.threshold,
    metrics,
    baseline,
    ci: {},
    reasons: r.reasons,
    warnings: r.warnings,
    confusionMatrix: r.confusionMatrix,
    // One score ranks both classes: each class's one-vs-rest ROC AUC is the binary one.
    perClass: asTwo.model.perClass.map((c) => ({ label: c.label, precision: c.precision, recall: c.recall, f1: c.f1, support: c.support, rocAuc: r.metrics.rocAuc })),
    curves: curvesOf(r),
    residuals: null,
  };
}

function fromMulticlass(r: MulticlassReport): BaseResult {
  return {
    task: 'multiclass',
    n: r.n,
    weightTotal: r.weightTotal,
    classes: r.classes,
    positiveLabel: null,
    positiveLabelReason: null,
    decisionThreshold: null,
    metrics: metricMap(r.metrics),
    baseline: metricMap(r.baseline),
    ci: {},
    reasons: r.reasons,
    warnings: r.warnings,
    confusionMatrix: r.confusionMatrix,
    perClass: r.perClass,
    curves: curvesOf(r),
    residuals: null,
  };
}

function fromRegression(r: RegressionReport): BaseResult {
  const warnings = [...r.warnings];
  return {
    task: 'regression',
    n: r.n,
    weightTotal: r.weightTotal,
    classes: [],
    positiveLabel: null,
    positiveLabelReason: null,
    decisionThreshold: null,
    metrics: metricMap(r.metrics),
    baseline: metricMap(r.baseline),
    ci: {},
    reasons: r.reasons,
    warnings,
    confusionMatrix: null,
    perClass: [],
    curves: { roc: null, pr: null, reliability: null },
    residuals: r.residuals,
  };
}
