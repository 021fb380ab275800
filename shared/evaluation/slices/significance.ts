/**
 * Is a slice significantly worse than the whole? Decided per metric, then corrected across the
 * slices of one column:
 *  - proportions (accuracy, precision, recall): a one-sided two-proportion z-test of the slice
 *    against the rest of the rows (two independent groups; with weights, each group's effective
 *    sample size);
 *  - every other metric: a one-sided z-test of the slice's value against the overall value, with
 *    the slice's bootstrap standard error (the 95% interval's width / (2 x 1.96));
 *  - Holm's step-down correction over the slices tested in one column (family-wise error 5%).
 * Why Holm and not Benjamini-Hochberg: a column has a handful to a few dozen slices, and a false
 * "significantly worse" sends a team after a problem that is not there; Holm keeps the chance of
 * even one such false alarm at 5%, while Benjamini-Hochberg bounds the share of false alarms and
 * suits hundreds of tests.
 */
import { normalSurvival } from '../stats/normal';
import { Z95, effectiveSampleSize } from '../intervals/wilson';

/** Metrics where a lower value is better; every other metric is better when higher. */
export const LOWER_IS_BETTER = new Set(['logLoss', 'brier', 'ece', 'mae', 'rmse', 'mape', 'medianAe']);

export interface WeightedProportion {
  success: number;
  total: number;
  /** Sum of squared weights of the denominator's rows (= rows when unweighted). */
  squares: number;
}

/** One-sided p-value that the slice's proportion is below the rest's. */
export function proportionWorsePValue(slice: WeightedProportion, rest: WeightedProportion): number | null {
  if (!(slice.total > 0 && rest.total > 0)) return null;
  const n1 = effectiveSampleSize(slice.total, slice.squares);
  const n2 = effectiveSampleSize(rest.total, rest.squares);
  const p1 = slice.success / slice.total;
  const p2 = rest.success / rest.total;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (se === 0) return p1 < p2 ? 0 : 1;
  return normalSurvival((p2 - p1) / se);
}

/** One-sided p-value that the slice is worse than the overall value, from its bootstrap interval. */
export function intervalWorsePValue(value: number, overall: number, low: number, high: number, lowerIsBetter: boolean): number | null {
  const se = (high - low) / (2 * Z95);
  const gap = lowerIsBetter ? value - overall : overall - value;
  if (se === 0) return gap > 0 ? 0 : 1;
  return normalSurvival(gap / se);
}

/**
 * One-sided p-value that `now` is worse than `before`, two independent estimates each with its
 * bootstrap interval (normal approximation: the standard errors add in quadrature).
 */
export function twoIntervalWorsePValue(now: { value: number; low: number; high: number }, before: { value: number; low: number; high: number }, lowerIsBetter: boolean): number {
  const se = Math.hypot((now.high - now.low) / (2 * Z95), (before.high - before.low) / (2 * Z95));
  const gap = lowerIsBetter ? now.value - before.value : before.value - now.value;
  if (se === 0) return gap > 0 ? 0 : 1;
  return normalSurvival(gap / se);
}

/** Holm-adjusted p-values (null entries are not tested and not counted). */
export function holmAdjust(pValues: (number | null)[]): (number | null)[] {
  const tested = pValues.map((p, i) => ({ p, i })).filter((x): x is { p: number; i: number } => x.p !== null).sort((a, b) => a.p - b.p);
  const m = tested.length;
  const out: (number | null)[] = pValues.map(() => null);
  let running = 0;
  tested.forEach(({ p, i }, rank) => {
    running = Math.max(running, Math.min(1, (m - rank) * p));
    out[i] = running;
  });
  return out;
}
