/**
 * What a monitor says about its batches, in plain words: the alerts one batch raises against the
 * thresholds (per-feature PSI, the share of drifted columns, the model output's PSI, a drop of the
 * headline metric below the reference, and per slice: monitor-slices.ts), and the monitor's
 * summary across the timeline. Pure.
 */
import type { MetricMap } from '../../../shared/contract/evaluation-result';
import type { MonitorBatch } from '../../../shared/contract/monitors';
import { formatValue, metricName } from '../reports/metric-meanings';
import { worsening } from './metric-worsening';
import { sliceAlerts, sliceDrops } from './monitor-slices';

export const DEFAULT_MONITOR_THRESHOLDS = { psi: 0.25, driftShare: 0.5, metricDrop: 0.05 };
export type Thresholds = typeof DEFAULT_MONITOR_THRESHOLDS;

/** The metric a monitor follows for each task. */
export const HEADLINE_METRIC = { binary: 'f1', multiclass: 'macroF1', regression: 'mae' } as const;

const BAND_WORDS = { stable: 'a small change', moderate: 'a moderate change', major: 'a major change' } as const;

/** `headline`: the metric the alerts follow (null: the batch's own, see headlineOf). */
export function batchAlerts(batch: Pick<MonitorBatch, 'drift' | 'predictionDrift' | 'metrics' | 'referenceMetrics' | 'slices'>, t: Thresholds, headline: string | null): string[] {
  const alerts: string[] = [];
  const outputs = new Set(batch.predictionDrift.map((c) => c.column));
  for (const c of batch.drift.columns) {
    if (outputs.has(c.column) || c.psi < t.psi) continue;
    alerts.push(`${c.column} shifted: PSI ${formatValue(c.psi)}, ${BAND_WORDS[c.psiBand]} from the reference.`);
  }
  const tested = batch.drift.columns.length;
  if (tested > 0 && batch.drift.share >= t.driftShare) {
    alerts.push(`${batch.drift.driftedColumns} of ${tested} columns drifted (${Math.round(batch.drift.share * 100)}%), at or above the ${Math.round(t.driftShare * 100)}% alert share.`);
  }
  for (const c of batch.predictionDrift) {
    if (c.psi >= t.psi) alerts.push(`The model's output ${c.column} shifted: PSI ${formatValue(c.psi)}, ${BAND_WORDS[c.psiBand]}; the model sees different data or behaves differently.`);
  }
  const m = headline ?? headlineOf(batch.metrics);
  const before = m && batch.referenceMetrics ? (batch.referenceMetrics[m] ?? null) : null;
  const now = m && batch.metrics ? (batch.metrics[m] ?? null) : null;
  if (m && before !== null && now !== null) {
    const worse = worsening(m, before, now);
    if (worse.by > t.metricDrop) alerts.push(`${metricName(m)} ${worse.lower ? 'rose' : 'dropped'} from ${formatValue(before)} to ${formatValue(now)}${worse.lower ? ` (${Math.round(worse.by * 100)}% worse)` : ''}.`);
  }
  // The slices: against the same slices of the reference file (a dataset reference too).
  alerts.push(...sliceAlerts(batch, m, t.metricDrop));
  return alerts;
}

/** The headline metric a batch's metrics hold (for a reference without an evaluation). */
export function headlineOf(metrics: MetricMap | null): string | null {
  const m = metrics ?? {};
  return 'f1' in m ? 'f1' : 'macroF1' in m ? 'macroF1' : 'mae' in m ? 'mae' : null;
}

function when(b: MonitorBatch): string {
  return (b.periodStart ?? b.createdAt).slice(0, 10);
}

export function monitorSummary(batches: readonly MonitorBatch[], headline: string | null, referenceMetrics: MetricMap | null, metricDrop: number = DEFAULT_MONITOR_THRESHOLDS.metricDrop): string {
  if (batches.length === 0) return 'No batches yet: add a file of new data to compare it with the reference.';
  const first = batches[0]!;
  const last = batches[batches.length - 1]!;
  const alerted = batches.filter((b) => b.alerts.length > 0).length;
  const span = batches.length === 1 ? `In the one batch so far (${last.fileName}, ${when(last)})` : `Since ${when(first)}, over ${batches.length} batches`;
  const parts: string[] = [];
  const drifted = last.drift.columns.filter((c) => (c.drifted && !c.negligible) || c.psiBand === 'major').sort((a, b) => b.psi - a.psi);
  if (drifted.length > 0) {
    const names = drifted.slice(0, 3).map((c) => `${c.column} (PSI ${formatValue(c.psi)})`);
    parts.push(`the latest batch differs from the reference in ${names.join(', ')}${drifted.length > 3 ? ` and ${drifted.length - 3} more columns` : ''}`);
  } else parts.push('the latest batch looks like the reference');
  if (headline) {
    const before = referenceMetrics?.[headline] ?? null;
    const series = batches.map((b) => b.metrics?.[headline] ?? null).filter((x): x is number => x !== null);
    const now = last.metrics?.[headline] ?? null;
    if (now !== null && before !== null) parts.push(`${metricName(headline)} is ${formatValue(now)} against ${formatValue(before)} in the reference`);
    else if (now !== null && series.length > 1) parts.push(`${metricName(headline)} went from ${formatValue(series[0]!)} to ${formatValue(now)}`);
    // The group that fell furthest behind its reference result, when one fell beyond the threshold.
    const worst = sliceDrops(last.slices, headline, metricDrop, { now: last.metrics, reference: last.referenceMetrics })[0];
    if (worst) parts.push(`${metricName(headline)} on ${worst.label} went from ${formatValue(worst.before)} in the reference to ${formatValue(worst.now)}`);
  }
  const alerts = alerted === 0 ? 'no batch crossed a threshold' : `${alerted} of ${batches.length} batches raised alerts`;
  return `${span}, ${alerts}: ${parts.join('; ')}.`;
}
