/**
 * One plain line per metric, for the text and HTML reports: what the number means to someone who
 * is not a data scientist, and whether higher is better.
 */

export const METRIC_MEANINGS: Record<string, { name: string; meaning: string; lowerIsBetter?: boolean }> = {
  accuracy: { name: 'accuracy', meaning: 'share of rows the model got right' },
  balancedAccuracy: { name: 'balanced accuracy', meaning: 'accuracy with every class counted equally (rare classes matter as much)' },
  precision: { name: 'precision', meaning: 'of the rows flagged positive, the share that truly are' },
  recall: { name: 'recall', meaning: 'of the truly positive rows, the share the model found' },
  f1: { name: 'F1', meaning: 'balance of precision and recall (harmonic mean)' },
  macroF1: { name: 'macro F1', meaning: 'F1 averaged over classes, each class counted equally' },
  microF1: { name: 'micro F1', meaning: 'F1 over all rows pooled (equals accuracy for single-label data)' },
  weightedF1: { name: 'weighted F1', meaning: 'F1 averaged over classes, weighted by how common each is' },
  macroPrecision: { name: 'macro precision', meaning: 'precision averaged over classes' },
  macroRecall: { name: 'macro recall', meaning: 'recall averaged over classes' },
  microPrecision: { name: 'micro precision', meaning: 'precision over all rows pooled' },
  microRecall: { name: 'micro recall', meaning: 'recall over all rows pooled' },
  weightedPrecision: { name: 'weighted precision', meaning: 'precision averaged over classes, weighted by frequency' },
  weightedRecall: { name: 'weighted recall', meaning: 'recall averaged over classes, weighted by frequency' },
  rocAuc: { name: 'ROC AUC', meaning: 'chance a random positive row scores above a random negative one (0.5 = guessing)' },
  rocAucWeighted: { name: 'ROC AUC (weighted)', meaning: 'one-vs-rest ROC AUC weighted by class frequency' },
  averagePrecision: { name: 'average precision', meaning: 'area under the precision-recall curve (the positive share = guessing)' },
  logLoss: { name: 'log loss', meaning: 'penalty for confident wrong probabilities (lower is better)', lowerIsBetter: true },
  brier: { name: 'Brier score', meaning: 'mean squared error of the probabilities (lower is better)', lowerIsBetter: true },
  ece: { name: 'calibration error (ECE)', meaning: 'how far stated probabilities are from observed rates (lower is better)', lowerIsBetter: true },
  mae: { name: 'MAE', meaning: 'average size of an error, in the target\'s units', lowerIsBetter: true },
  rmse: { name: 'RMSE', meaning: 'typical error size, large misses weigh more', lowerIsBetter: true },
  r2: { name: 'R²', meaning: 'share of the variation the model explains (1 = perfect, 0 = predicting the mean)' },
  mape: { name: 'MAPE', meaning: 'average error as a share of the true value (rows with target 0 left out)', lowerIsBetter: true },
  medianAe: { name: 'median absolute error', meaning: 'the error half of the rows stay under', lowerIsBetter: true },
};

export function metricName(key: string): string {
  return METRIC_MEANINGS[key]?.name ?? key;
}

/** A metric value as the reports print it: four significant decimals, or "n/a". */
export function formatValue(x: number | null | undefined): string {
  if (x === null || x === undefined) return 'n/a';
  if (!Number.isFinite(x)) return String(x);
  const a = Math.abs(x);
  if (a !== 0 && (a >= 1e6 || a < 1e-4)) return x.toExponential(3);
  return x.toFixed(4).replace(/\.?0+$/, '') || '0';
}

/** Micro-units of money as a currency amount ("$1,234.56" style without a symbol). */
export function formatMicros(micros: number | null): string {
  if (micros === null) return 'n/a';
  return (micros / 1e6).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}
