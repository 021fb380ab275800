/**
 * Small hand-made evaluation results for the renderer's unit tests (the numbers are chosen, not
 * computed: the tests check what the screens say about them).
 */
import type { EvaluationResult, SliceResult } from '../../../../shared/contract/evaluation-result';

export function slice(over: Partial<SliceResult> & Pick<SliceResult, 'value' | 'verdict'>): SliceResult {
  return {
    column: 'region',
    n: 200,
    metrics: { f1: 0.9 },
    ci: { f1: { low: 0.85, high: 0.94, method: 'bootstrap' } },
    tooSmall: over.verdict === 'too-small',
    worse: over.verdict === 'significantly-worse',
    judgedMetric: 'f1',
    pValue: null,
    note: null,
    ...over,
  };
}

export function binaryResult(over: Partial<EvaluationResult> = {}): EvaluationResult {
  return {
    task: 'binary',
    taskReason: 'given',
    n: 800,
    weightTotal: 800,
    classes: ['0', '1'],
    positiveLabel: '1',
    positiveLabelReason: 'given',
    decisionThreshold: 0.5,
    metrics: { accuracy: 0.9, precision: 0.8, recall: 0.75, f1: 0.7742, rocAuc: 0.93, averagePrecision: 0.85, logLoss: 0.3, brier: 0.08, ece: 0.04, balancedAccuracy: 0.85 },
    baseline: { accuracy: 0.7, precision: 0, recall: 0, f1: 0, rocAuc: 0.5, averagePrecision: 0.3, logLoss: 0.61, brier: 0.21, ece: 0, balancedAccuracy: 0.5 },
    ci: {
      accuracy: { low: 0.88, high: 0.92, method: 'wilson' },
      recall: { low: 0.7, high: 0.8, method: 'wilson' },
      rocAuc: { low: 0.91, high: 0.95, method: 'bootstrap' },
    },
    reasons: {},
    warnings: [],
    confusionMatrix: { labels: ['0', '1'], matrix: [[540, 20], [60, 180]] },
    perClass: [],
    curves: { roc: null, pr: null, reliability: null },
    residuals: null,
    slices: [],
    threshold: null,
    labelIssues: null,
    membershipInference: null,
    gates: [],
    input: { file: '/data/preds.csv', format: 'csv', sizeBytes: 1000, rows: 800, renormalizedRows: 0, timeRange: null, probabilityColumns: [] },
    ...over,
  };
}
