/**
 * One interface over the three tasks for slicing: evaluate a subset of rows (with intervals) and
 * count the weighted successes of a proportion metric, so the slice code does not care which task
 * it slices.
 */
import type { BootstrapOptions } from '../intervals/bootstrap';
import type { ConfidenceInterval } from '../intervals/wilson';
import { type BinaryEvaluationInput, type BinaryEvaluationOptions, evaluateBinary } from '../metrics/binary-report';
import { type MulticlassEvaluationInput, type MulticlassEvaluationOptions, evaluateMulticlass } from '../metrics/multiclass-report';
import { type RegressionEvaluationInput, evaluateRegression } from '../metrics/regression-report';
import type { MetricValue } from '../metrics/types';
import type { WeightedProportion } from './significance';

export type SliceEvaluation =
  | { task: 'binary'; input: BinaryEvaluationInput; options?: BinaryEvaluationOptions }
  | { task: 'multiclass'; input: MulticlassEvaluationInput; options?: MulticlassEvaluationOptions }
  | { task: 'regression'; input: RegressionEvaluationInput };

export interface SubsetResult {
  metrics: Record<string, MetricValue>;
  ci: Record<string, ConfidenceInterval | null>;
  reasons: Record<string, string>;
  /** Rows with a weight above 0. */
  rows: number;
  weight: number;
}

export const PROPORTION_METRICS: Record<SliceEvaluation['task'], string[]> = { binary: ['accuracy', 'precision', 'recall'], multiclass: ['accuracy'], regression: [] };
export const DEFAULT_JUDGED: Record<SliceEvaluation['task'], string> = { binary: 'f1', multiclass: 'macroF1', regression: 'mae' };

function pick<T extends Float64Array | Uint8Array | Int32Array>(a: T, rows: Uint32Array | null, make: (n: number) => T): T {
  if (rows === null) return a;
  const out = make(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = a[rows[k] as number] as number;
  return out;
}
const f64 = (n: number) => new Float64Array(n);
const u8 = (n: number) => new Uint8Array(n);
const i32 = (n: number) => new Int32Array(n);

export function rowCount(e: SliceEvaluation): number {
  return e.task === 'binary' ? e.input.isPositive.length : e.task === 'multiclass' ? e.input.yTrue.length : e.input.yTrue.length;
}

function weightsOf(e: SliceEvaluation): Float64Array | null {
  return e.input.weights ?? null;
}

/** Summed weight and rows with a weight above 0, in row order (every weight 1 when null). */
export function weightTally(weights: Float64Array | null, n: number): { weight: number; present: number } {
  let weight = 0, present = 0;
  for (let k = 0; k < n; k++) {
    const wi = weights === null ? 1 : (weights[k] as number);
    weight += wi;
    if (wi > 0) present++;
  }
  return { weight, present };
}

export function evaluateSubset(e: SliceEvaluation, rows: Uint32Array | null, boot: BootstrapOptions): SubsetResult {
  const w = weightsOf(e);
  const wsub = w === null ? null : pick(w, rows, f64);
  const { weight, present } = weightTally(wsub, rows === null ? rowCount(e) : rows.length);
  if (e.task === 'binary') {
    const { isPositive, scores, predictedPositive } = e.input;
    const r = evaluateBinary(
      { ...e.input, isPositive: pick(isPositive, rows, u8), scores: scores ? pick(scores, rows, f64) : null, predictedPositive: predictedPositive ? pick(predictedPositive, rows, u8) : null, weights: wsub },
      { ...e.options, intervals: boot, maxCurvePoints: 2, thresholdTool: false },
    );
    return { metrics: r.metrics, ci: r.intervals ?? {}, reasons: r.reasons, rows: present, weight };
  }
  if (e.task === 'multiclass') {
    const { yTrue, yPred, probabilities, classes } = e.input;
    let probs: Float64Array | null = null;
    if (probabilities) {
      const K = classes.length;
      probs = rows === null ? probabilities : new Float64Array(rows.length * K);
      if (rows !== null) rows.forEach((i, k) => probs?.set(probabilities.subarray(i * K, i * K + K), k * K));
    }
    const r = evaluateMulticlass({ classes, yTrue: pick(yTrue, rows, i32), yPred: yPred ? pick(yPred, rows, i32) : null, probabilities: probs, weights: wsub }, { ...e.options, intervals: boot });
    return { metrics: r.metrics, ci: r.intervals ?? {}, reasons: r.reasons, rows: present, weight };
  }
  const r = evaluateRegression({ yTrue: pick(e.input.yTrue, rows, f64), yPred: pick(e.input.yPred, rows, f64), weights: wsub }, { intervals: boot });
  return { metrics: r.metrics, ci: r.intervals ?? {}, reasons: r.reasons, rows: present, weight };
}

/** Weighted successes and denominator of a proportion metric over `rows` (all rows when null). */
export function proportionCounts(e: SliceEvaluation, metric: string, rows: Uint32Array | null, value: MetricValue): WeightedProportion | null {
  if (!PROPORTION_METRICS[e.task].includes(metric) || value === null) return null;
  const w = weightsOf(e);
  const n = rows === null ? rowCount(e) : rows.length;
  let total = 0, squares = 0;
  for (let k = 0; k < n; k++) {
    const i = rows === null ? k : (rows[k] as number);
    if (e.task === 'binary' && metric !== 'accuracy') {
      const pos = e.input.isPositive[i] === 1;
      const scores = e.input.scores;
      const threshold = e.options?.threshold ?? 0.5;
      const flagged = scores ? (scores[i] as number) >= threshold : (e.input.predictedPositive as Uint8Array)[i] === 1;
      if (metric === 'recall' ? !pos : !flagged) continue;
    }
    const wi = w === null ? 1 : (w[i] as number);
    total += wi;
    squares += wi * wi;
  }
  return { success: value * total, total, squares };
}
