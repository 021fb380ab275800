/** Plain sentences for slices: what a metric is on a slice, against the whole, and what that means. */
import type { ConfidenceInterval } from '../intervals/wilson';

const LABELS: Record<string, string> = {
  accuracy: 'Accuracy', balancedAccuracy: 'Balanced accuracy', precision: 'Precision', recall: 'Recall', f1: 'F1',
  rocAuc: 'ROC AUC', rocAucWeighted: 'Weighted ROC AUC', averagePrecision: 'Average precision', logLoss: 'Log loss', brier: 'Brier score', ece: 'Calibration error (ECE)',
  macroPrecision: 'Macro precision', macroRecall: 'Macro recall', macroF1: 'Macro F1', microPrecision: 'Micro precision', microRecall: 'Micro recall', microF1: 'Micro F1',
  weightedPrecision: 'Weighted precision', weightedRecall: 'Weighted recall', weightedF1: 'Weighted F1',
  mae: 'Mean absolute error', rmse: 'RMSE', r2: 'R2', mape: 'MAPE', medianAe: 'Median absolute error',
};

export function metricLabel(metric: string): string {
  return LABELS[metric] ?? metric;
}

const small = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const large = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

export function formatMetric(x: number): string {
  return Math.abs(x) < 10 ? small.format(x) : large.format(x);
}

/** Decimals enough to tell the interval's ends apart (2 to 4) when the values are below 10. */
function decimalsFor(ci: ConfidenceInterval | null): number {
  if (ci === null || Math.abs(ci.high) >= 10) return 2;
  for (let d = 2; d < 4; d++) if (ci.low.toFixed(d) !== ci.high.toFixed(d)) return d;
  return 4;
}

function formatWith(x: number, d: number): string {
  return Math.abs(x) < 10 ? new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d }).format(x) : large.format(x);
}

export function formatInterval(ci: ConfidenceInterval | null, d = decimalsFor(ci)): string {
  return ci === null ? '' : ` (${formatWith(ci.low, d)}–${formatWith(ci.high, d)})`;
}

export type Verdict = 'significantly-worse' | 'worse-not-significant' | 'not-worse' | 'too-small' | 'undefined';

export function judgementSentence(p: { metric: string; where: string; value: number | null; overall: number | null; ci: ConfidenceInterval | null; verdict: Verdict; rows: number; minimumCount: number; reason?: string }): string {
  const label = metricLabel(p.metric);
  if (p.verdict === 'too-small') return `Only ${p.rows.toLocaleString('en-US')} row${p.rows === 1 ? '' : 's'} in ${p.where}: too small to judge (fewer than ${p.minimumCount}).`;
  if (p.value === null || p.overall === null) return `${label} on ${p.where} cannot be judged${p.reason ? `: ${p.reason}` : '.'}`;
  const d = decimalsFor(p.ci);
  const head = `${label} on ${p.where} is ${formatWith(p.value, d)}${formatInterval(p.ci, d)}, against ${formatWith(p.overall, d)} overall`;
  if (p.verdict === 'significantly-worse') return `${head}: significantly worse.`;
  if (p.verdict === 'worse-not-significant') return `${head}: worse, but not by more than chance explains.`;
  if (p.verdict === 'undefined') return `${head}; it has no interval, so it is not judged.`;
  return `${head}: not worse.`;
}
