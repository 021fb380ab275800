/**
 * A monitor's timeline in words: one row per batch (how many columns shifted, the headline
 * result, its alerts), the ticks of the timeline charts, and which metrics get a chart. Pure.
 */
import type { MonitorBatch, MonitorDetail } from '../../../../../shared/contract/monitors';
import { batchLabel } from '../../../charts/evaluate/eval-series';
import { formatMetric, metricWords } from '../metric-words';

export interface BatchRow {
  id: string;
  number: number;
  label: string;
  rows: string;
  shifted: string;
  result: string;
  alerts: string[];
}

export function batchRows(d: Pick<MonitorDetail, 'batches' | 'headlineMetric'>): BatchRow[] {
  return d.batches.map((b, i) => {
    const tested = b.drift.columns.length;
    const key = d.headlineMetric;
    const value = key && b.metrics ? (b.metrics[key] ?? null) : null;
    return {
      id: b.id,
      number: i + 1,
      label: batchLabel(b),
      rows: b.rows.toLocaleString('en-US'),
      shifted: tested === 0 ? 'no shared columns' : `${b.drift.driftedColumns} of ${tested} columns`,
      result: key === null ? '' : value !== null ? `${metricWords(key).plain.toLowerCase()} ${formatMetric(key, value)}` : (b.metricsReason ?? 'no true answers in this batch'),
      alerts: b.alerts,
    };
  });
}

/** At most `max` labelled ticks ("#1" ...), evenly spread, so batch labels never overlap. */
export function batchTicks(batches: readonly unknown[], max = 8): Array<{ value: number; label: string }> {
  const n = batches.length;
  const step = Math.max(1, Math.ceil(n / max));
  const ticks: Array<{ value: number; label: string }> = [];
  for (let i = 1; i <= n; i += step) ticks.push({ value: i, label: `#${i}` });
  const last = ticks[ticks.length - 1];
  // The last batch is always labelled; a tick too close before it gives way.
  if (last && last.value !== n) {
    if (n - last.value < step / 2 + 1 && ticks.length > 1) ticks.pop();
    ticks.push({ value: n, label: `#${n}` });
  }
  return ticks;
}

const FOLLOWED: Record<string, string[]> = {
  f1: ['f1', 'recall', 'precision', 'rocAuc'],
  macroF1: ['macroF1', 'accuracy', 'logLoss'],
  mae: ['mae', 'rmse', 'r2'],
  r2: ['r2', 'mae', 'rmse'],
};

/** The metrics charted over time: the one the alerts follow first, then the ones that explain it. */
export function timelineMetrics(d: Pick<MonitorDetail, 'batches' | 'headlineMetric'>): string[] {
  const present = new Set(d.batches.flatMap((b) => Object.entries(b.metrics ?? {}).filter(([, v]) => v !== null).map(([k]) => k)));
  const wanted = d.headlineMetric ? (FOLLOWED[d.headlineMetric] ?? [d.headlineMetric]) : [];
  return wanted.filter((k) => present.has(k));
}

/** A metric chart's value range: the batches and the reference line both in view, with some room. */
export function metricDomain(values: readonly number[], reference: number | null): [number, number] {
  const all = reference === null ? [...values] : [...values, reference];
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = hi === lo ? Math.max(Math.abs(hi) * 0.05, 0.01) : (hi - lo) * 0.15;
  return [lo - pad, hi + pad];
}

/**
 * The shift bands drawn on a column's chart: moderate from 0.1, major from 0.25. On a chart
 * stretched by a very large shift the two lines sit close, so only "major" is named.
 */
export function psiBands(maxPsi: number): Array<{ axis: 'y'; value: number; legend: string; tone: 'warn' | 'danger' }> {
  const crowded = maxPsi > 1;
  return [
    { axis: 'y', value: 0.1, legend: crowded ? '' : 'moderate', tone: 'warn' },
    { axis: 'y', value: 0.25, legend: 'major', tone: 'danger' },
  ];
}

/** Batch numbers (from 1) whose batch raised an alert: drawn as marks on every timeline chart. */
export function alertedBatches(batches: readonly Pick<MonitorBatch, 'alerts'>[]): number[] {
  return batches.flatMap((b, i) => (b.alerts.length > 0 ? [i + 1] : []));
}
