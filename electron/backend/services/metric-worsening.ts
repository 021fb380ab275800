/** How much worse a metric got between two values, the same way for every monitor alert. Pure. */
import { METRIC_MEANINGS } from '../reports/metric-meanings';

/**
 * How much worse `now` is than `before`: the drop for a metric where higher is better, the rise
 * as a share of `before` for an error (lower is better). Negative when it got better.
 */
export function worsening(metric: string, before: number, now: number): { by: number; lower: boolean } {
  const lower = METRIC_MEANINGS[metric]?.lowerIsBetter === true;
  const by = lower ? now - before : before - now;
  return { by: lower ? by / Math.max(Math.abs(before), 1e-12) : by, lower };
}
