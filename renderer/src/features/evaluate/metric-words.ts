/**
 * Metrics in plain words for owners who are not data scientists: a short name, one line of what
 * the number means, and the technical name kept for the glossary (never the main text). Also how
 * a value, an interval and the "no model" baseline are written. Pure.
 */
import type { EvaluationTask, Interval } from '../../../../shared/contract/evaluation-result';

export interface MetricWords {
  /** What the card says ("How well it ranks"). */
  plain: string;
  /** One line: what the number means. */
  meaning: string;
  /** The data scientist's name, for the glossary line. */
  technical: string;
  lowerIsBetter?: boolean;
  /** A share between 0 and 1 (written with two decimals). */
  unit?: boolean;
}

const WORDS: Record<string, MetricWords> = {
  accuracy: { plain: 'Right answers', meaning: 'Share of rows the model got right.', technical: 'accuracy', unit: true },
  balancedAccuracy: { plain: 'Right answers, every class counted equally', meaning: 'Like right answers, but a rare class weighs as much as a common one.', technical: 'balanced accuracy', unit: true },
  precision: { plain: 'Flags that were right', meaning: 'Of the rows it flagged, the share that truly were positive.', technical: 'precision', unit: true },
  recall: { plain: 'Cases found', meaning: 'Of the truly positive rows, the share it flagged.', technical: 'recall', unit: true },
  f1: { plain: 'Balance of flags and finds', meaning: 'One number balancing flags that were right and cases found (1 is perfect).', technical: 'F1 score', unit: true },
  macroF1: { plain: 'Balance across classes', meaning: 'Flags and finds balanced per class, every class counted equally.', technical: 'macro F1', unit: true },
  microF1: { plain: 'Balance over all rows', meaning: 'Flags and finds over all rows pooled.', technical: 'micro F1', unit: true },
  weightedF1: { plain: 'Balance, common classes weigh more', meaning: 'Flags and finds per class, weighted by how common each class is.', technical: 'weighted F1', unit: true },
  macroPrecision: { plain: 'Flags that were right, per class', meaning: 'Flags that were right, averaged over classes.', technical: 'macro precision', unit: true },
  macroRecall: { plain: 'Cases found, per class', meaning: 'Cases found, averaged over classes.', technical: 'macro recall', unit: true },
  rocAuc: { plain: 'How well it ranks', meaning: 'Chance a random positive row scores above a random negative one (0.50 is guessing, 1 is perfect).', technical: 'ROC AUC', unit: true },
  rocAucWeighted: { plain: 'How well it ranks, weighted by class', meaning: 'How well it ranks each class against the rest, weighted by how common each is.', technical: 'weighted one-vs-rest ROC AUC', unit: true },
  averagePrecision: { plain: 'How well it ranks the positives', meaning: 'How clean the top of its ranking is; guessing gets the share of positives.', technical: 'average precision (area under the precision-recall curve)', unit: true },
  logLoss: { plain: 'Penalty for confident mistakes', meaning: 'Grows when it is sure and wrong; lower is better.', technical: 'log loss', lowerIsBetter: true },
  brier: { plain: 'Error of its probabilities', meaning: 'Average squared gap between stated probability and what happened; lower is better.', technical: 'Brier score', lowerIsBetter: true, unit: true },
  ece: { plain: 'How honest its confidence is', meaning: 'Gap between the confidence it states and how often it is right; 0 is perfectly honest.', technical: 'expected calibration error (ECE, 10 bins)', lowerIsBetter: true, unit: true },
  mae: { plain: 'Typical miss', meaning: 'Average size of an error, in the units of what it predicts; lower is better.', technical: 'mean absolute error (MAE)', lowerIsBetter: true },
  rmse: { plain: 'Typical miss, big misses weigh more', meaning: 'Like the typical miss, but large errors count extra; lower is better.', technical: 'root mean squared error (RMSE)', lowerIsBetter: true },
  r2: { plain: 'Share of the variation explained', meaning: '1 is perfect, 0 is no better than always predicting the average.', technical: 'R² (coefficient of determination)' },
  mape: { plain: 'Typical miss as a share', meaning: 'Average error as a share of the true value (rows where it is 0 left out); lower is better.', technical: 'mean absolute percentage error (MAPE)', lowerIsBetter: true },
  medianAe: { plain: 'Half the misses are smaller than', meaning: 'The error size half of the rows stay under; lower is better.', technical: 'median absolute error', lowerIsBetter: true },
  membershipAdvantage: { plain: 'Training-row leak', meaning: 'How much better than a coin flip an attacker tells training rows from others.', technical: 'membership-inference advantage', lowerIsBetter: true, unit: true },
};

export function metricWords(key: string): MetricWords {
  return WORDS[key] ?? { plain: key, meaning: '', technical: key };
}

export function lowerIsBetter(key: string): boolean {
  return WORDS[key]?.lowerIsBetter === true;
}

/** The metrics shown first on an evaluation page, most telling first. */
export const HEADLINE_METRICS: Record<EvaluationTask, string[]> = {
  binary: ['recall', 'precision', 'f1', 'rocAuc', 'accuracy', 'ece'],
  multiclass: ['accuracy', 'macroF1', 'balancedAccuracy', 'rocAuc', 'logLoss', 'ece'],
  regression: ['mae', 'rmse', 'r2', 'medianAe', 'mape'],
};

/** The one metric a list shows per task. */
export const LIST_METRIC: Record<EvaluationTask, string> = { binary: 'f1', multiclass: 'macroF1', regression: 'mae' };

/** A metric value as the screens write it: two decimals for shares, three significant figures otherwise. */
export function formatMetric(key: string, value: number | null | undefined): string {
  if (value === null || value === undefined) return 'n/a';
  if (!Number.isFinite(value)) return String(value);
  if (WORDS[key]?.unit || key === 'r2') return value.toFixed(2);
  const a = Math.abs(value);
  if (a !== 0 && (a >= 1e9 || a < 1e-3)) return value.toExponential(2);
  return Number(value.toPrecision(3)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

/** "0.94–0.97": the 95% interval as the screens write it. */
export function formatInterval(key: string, ci: Interval | undefined): string | null {
  if (!ci) return null;
  return `${formatMetric(key, ci.low)}–${formatMetric(key, ci.high)}`;
}

/**
 * What a model without skill would get, in words: random guessing for the ranking metrics, the
 * most common answer for the rest of classification, the average for regression.
 */
export function baselineText(key: string, baseline: number | null | undefined, task: EvaluationTask): string | null {
  if (baseline === null || baseline === undefined || !Number.isFinite(baseline)) return null;
  const v = formatMetric(key, baseline);
  if (task === 'regression') return `Always predicting the average would get ${v}`;
  if (key === 'rocAuc' || key === 'rocAucWeighted') return `Random guessing would get ${v}`;
  if (key === 'averagePrecision') return `Random guessing would get ${v} (the share of positives)`;
  // A model that always states the overall rate is perfectly honest and useless: no baseline for honesty.
  if (key === 'ece') return null;
  if (key === 'logLoss' || key === 'brier') return `Always stating the overall rate would get ${v}`;
  return `Always giving the most common answer would get ${v}`;
}

/** Whether the value is better than the baseline by more than its interval allows chance for. */
export function beatsBaseline(key: string, value: number | null | undefined, baseline: number | null | undefined, ci?: Interval): 'better' | 'not-clearly' | 'worse' | null {
  if (value == null || baseline == null || key === 'ece') return null;
  const lower = lowerIsBetter(key);
  const better = lower ? value < baseline : value > baseline;
  if (!better) return value === baseline ? 'not-clearly' : 'worse';
  if (!ci) return 'better';
  const clear = lower ? ci.high < baseline : ci.low > baseline;
  return clear ? 'better' : 'not-clearly';
}

/** The glossary line: plain name = technical name, for the metrics on a page. */
export function glossary(keys: readonly string[]): Array<{ plain: string; technical: string }> {
  return keys.filter((k) => WORDS[k]).map((k) => ({ plain: WORDS[k]!.plain, technical: WORDS[k]!.technical }));
}

export const TASK_WORDS: Record<EvaluationTask, string> = {
  binary: 'Yes / no',
  multiclass: 'Several classes',
  regression: 'A number',
};
