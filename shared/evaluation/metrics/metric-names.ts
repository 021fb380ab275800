/** The metric keys of each report, in the order they are shown. */
import type { MetricValue } from './types';

export const BINARY_METRICS = ['accuracy', 'balancedAccuracy', 'precision', 'recall', 'f1', 'rocAuc', 'averagePrecision', 'logLoss', 'brier', 'ece'] as const;
export type BinaryMetricName = (typeof BINARY_METRICS)[number];
export type BinaryMetrics = Record<BinaryMetricName, MetricValue>;

export const MULTICLASS_METRICS = ['accuracy', 'balancedAccuracy', 'macroPrecision', 'macroRecall', 'macroF1', 'microPrecision', 'microRecall', 'microF1', 'weightedPrecision', 'weightedRecall', 'weightedF1', 'rocAuc', 'rocAucWeighted', 'logLoss', 'brier', 'ece'] as const;
export type MulticlassMetricName = (typeof MULTICLASS_METRICS)[number];
export type MulticlassMetrics = Record<MulticlassMetricName, MetricValue>;

export const REGRESSION_METRICS = ['mae', 'rmse', 'r2', 'mape', 'medianAe'] as const;
export type RegressionMetricName = (typeof REGRESSION_METRICS)[number];
export type RegressionMetrics = Record<RegressionMetricName, MetricValue>;
