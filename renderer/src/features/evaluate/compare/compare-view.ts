/**
 * The comparison in words and chart points: every shared metric side by side with its interval
 * and the best marked, the metric-against-cost points (cost in millionths of a dollar) with the
 * models no other beats on both, and the models left off the chart with why. Pure.
 */
import type { Comparison } from '../../../../../shared/contract/evaluations';
import type { ScatterPoint } from '../../../charts/runs/CostScatterChart';
import { formatInterval, formatMetric, lowerIsBetter, metricWords } from '../metric-words';

export interface CompareRow {
  key: string;
  plain: string;
  meaning: string;
  cells: Array<{ id: string; value: string; interval: string | null; best: boolean }>;
}

export function compareRows(c: Comparison): CompareRow[] {
  return c.metrics.map((key) => {
    const values = c.points.map((p) => p.metrics[key] ?? null);
    const known = values.filter((v): v is number => v !== null);
    const best = known.length < 2 ? null : lowerIsBetter(key) ? Math.min(...known) : Math.max(...known);
    const w = metricWords(key);
    return {
      key,
      plain: w.plain,
      meaning: w.meaning,
      cells: c.points.map((p, i) => ({ id: p.id, value: formatMetric(key, values[i]), interval: formatInterval(key, p.ci[key]), best: best !== null && values[i] === best })),
    };
  });
}

export function scatterPoints(c: Comparison, colors: readonly string[]): ScatterPoint[] {
  return c.points.flatMap((p, i) =>
    p.value !== null && p.totalCostUsdMicros !== null ? [{ x: p.totalCostUsdMicros, y: p.value, id: p.id, name: p.name, onFront: p.paretoOptimal, color: colors[i % colors.length]! }] : [],
  );
}

/** Models the chart cannot place, and why (no run linked, no serving cost ...). */
export function offChart(c: Comparison): Array<{ name: string; why: string }> {
  return c.points.filter((p) => p.value === null || p.totalCostUsdMicros === null).map((p) => ({ name: p.name, why: p.value === null ? `no ${metricWords(c.metric).plain.toLowerCase()}` : (p.costNote ?? 'cost unknown') }));
}

/** How a model's cost is made up, in words: "training $12.00 + serving $0.40". */
export function costParts(p: Comparison['points'][number], money: (micros: number) => string): string {
  const parts: string[] = [];
  if (p.trainingCostUsdCents !== null) parts.push(`training ${money(p.trainingCostUsdCents * 10_000)}`);
  if (p.inferenceCostUsdMicros !== null) parts.push(`serving ${money(p.inferenceCostUsdMicros)}`);
  return parts.length ? parts.join(' + ') : 'cost unknown';
}
