import { Z90 } from '../uncertain-value';

/**
 * How much wider a re-forecast's range gets when it rests on few finished runs.
 *
 * The spread between runs is measured on the log of each run's cost (or GPU-hours) per unit of
 * work; the uncertainty of their mean is t · s / √n (Student's t at 0.9 with n - 1 degrees of
 * freedom, the P10-P90 convention of the estimator). Few runs can agree by luck, so the
 * half-width is never below ln(1.5) / √n: ±50% on one run, ±22% on four, ±10% on 25 (Tally
 * judgement). On one run there is no spread to measure and ln(1.5) is all there is.
 */
const T90 = [3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.383, 1.3722, 1.3634, 1.3562, 1.3502, 1.345, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253, 1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.315, 1.3137, 1.3125, 1.3114, 1.3104];

/** Student's t quantile at 0.9 (scipy.stats.t.ppf(0.9, df), 4 decimals); the normal's beyond 30. */
export function t90(df: number): number {
  return df >= 1 && df <= 30 ? (T90[Math.floor(df) - 1] as number) : Z90;
}

export const ONE_RUN_LOG_HALF_WIDTH = Math.log(1.5);

/** Log half-width (P50 to P10 or P90) that few runs add; `perUnit` are the runs' per-unit figures. */
export function smallSampleHalfWidth(perUnit: readonly number[]): number {
  const n = perUnit.length;
  if (n === 0) return 0;
  const floor = ONE_RUN_LOG_HALF_WIDTH / Math.sqrt(n);
  const logs = perUnit.filter((x) => x > 0).map(Math.log);
  if (logs.length < 2) return floor;
  const mean = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((s, x) => s + (x - mean) ** 2, 0) / (logs.length - 1));
  return Math.max(floor, (t90(logs.length - 1) * sd) / Math.sqrt(logs.length));
}

/**
 * Widen a P10/P50/P90 range by a log half-width w, adding it in quadrature to each side's own
 * log half-width (independent errors add that way).
 */
export function widen(range: { p10: number; p50: number; p90: number }, w: number): { p10: number; p50: number; p90: number } {
  const { p10, p50, p90 } = range;
  if (p50 <= 0 || p10 <= 0) return { p10: Math.min(p10, p50), p50, p90: Math.max(p90, p50) };
  const low = Math.log(p50 / p10);
  const high = Math.log(Math.max(p90, p50) / p50);
  return { p10: p50 * Math.exp(-Math.hypot(Math.max(low, 0), w)), p50, p90: p50 * Math.exp(Math.hypot(high, w)) };
}
