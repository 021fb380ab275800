import type { MetricValue, RunRow } from '../../../../../shared/contract/runs';
import type { ParetoCandidate } from '../../../../../shared/budget/spend/pareto';

/** Params rows for the diff table: the ones that differ first, then the rest, each group by key. */
export function paramsDiffRows<T extends { key: string; differs: boolean }>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => Number(b.differs) - Number(a.differs) || a.key.localeCompare(b.key));
}

const LOWER_IS_BETTER = /(loss|error|err\b|mse|rmse|mae|mape|perplexity|ppl|wer|cer|latency|time|cost|brier|logloss|nll|distance|fid)/i;

/** Whether a higher value of a metric is better, guessed from its name (loss, error, RMSE ... are lower-is-better). */
export function metricDirection(key: string): 'higher' | 'lower' {
  return LOWER_IS_BETTER.test(key) ? 'lower' : 'higher';
}

function finite(v: MetricValue | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Pareto candidates: each run's latest value of the metric against its cost in project cents. */
export function paretoCandidates(runs: readonly RunRow[], metricKey: string): ParetoCandidate[] {
  return runs.map((r) => ({ id: r.id, name: r.name || r.id.slice(0, 8), metric: finite(r.metrics[metricKey]), costCents: r.costCents }));
}

/** The metrics worth a scatter: keys at least two of the runs have a finite latest value for. */
export function scatterMetricKeys(runs: readonly RunRow[]): string[] {
  const counts = new Map<string, number>();
  for (const r of runs) for (const [k, v] of Object.entries(r.metrics)) if (finite(v) != null) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].filter(([k, n]) => n >= 2 && !k.startsWith('system/')).map(([k]) => k).sort();
}
