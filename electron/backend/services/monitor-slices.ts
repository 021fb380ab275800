/**
 * A monitor's slices: each slice of a batch next to the same slice of the reference (its share of
 * the rows, its metrics and their intervals), the alerts a slice raises, and the slice that fell
 * furthest behind, for the summary. A slice falls behind when its headline metric is worse than
 * the reference slice's
 *  - by more than the monitor's metric threshold,
 *  - by that much more than the whole batch got worse (the group fell behind the rest; a model
 *    worse everywhere is the whole's own alert),
 *  - and significantly: a one-sided z-test on the two bootstrap intervals, Holm-corrected over the
 *    batch's slices, p < 0.05. Without it a group of a few hundred rows moves by more than 0.05
 *    from one sample to the next by chance alone (300 rows, 90 of them positive: recall near 0.7
 *    has a standard error of about 0.05, the difference of two such samples about 0.07).
 * Slices under the judging minimum (30 rows) are never flagged. Pure.
 */
import type { MetricMap, SliceResult } from '../../../shared/contract/evaluation-result';
import type { MonitorBatch, MonitorSlice } from '../../../shared/contract/monitors';
import { holmAdjust, LOWER_IS_BETTER, MISSING_LABEL, type NumericBins, SLICE_ALPHA, twoIntervalWorsePValue } from '../../../shared/evaluation/slices';
import { formatValue, metricName } from '../reports/metric-meanings';
import { worsening } from './metric-worsening';

/** Bootstrap resamples for the slices of a monitored batch and of its reference: enough for the z-test's standard errors. */
export const MONITOR_SLICE_RESAMPLES = 200;
/** Slice alerts listed one by one; more are counted in one sentence. */
const LISTED = 3;

/** The reference's slices, as the batches are compared with them. */
export interface ReferenceSlices {
  rows: number;
  slices: ReadonlyArray<Pick<SliceResult, 'column' | 'value' | 'n' | 'metrics' | 'ci'>>;
}

/** "age 60+", "region = north", "rows missing region". */
export function sliceLabel(column: string, value: string, numeric: boolean): string {
  if (value === MISSING_LABEL) return `rows missing ${column}`;
  return numeric ? `${column} ${value}` : `${column} = ${value}`;
}

/** Where a slice goes in its column: numeric bins low to high, values in alphabetical order, missing last. */
function rank(value: string, bins: NumericBins | undefined): [number, string] {
  if (value === MISSING_LABEL) return [Number.MAX_SAFE_INTEGER, ''];
  if (bins === undefined) return [0, value];
  const k = bins.labels.indexOf(value);
  return [k < 0 ? bins.labels.length : k, value];
}

/**
 * The batch's slices (its evaluation's, cut at the reference's bins for numeric columns: `bins`)
 * with the reference's beside them, columns in `order`. A reference slice the batch has no row of
 * is listed too, with 0 rows (a group that disappeared is a shift worth seeing).
 */
export function monitorSlices(
  batch: { rows: number; slices: ReadonlyArray<Pick<SliceResult, 'column' | 'value' | 'n' | 'metrics' | 'ci' | 'tooSmall'>> },
  reference: ReferenceSlices | null,
  order: readonly string[],
  bins: Readonly<Record<string, NumericBins>>,
): MonitorSlice[] {
  const key = (column: string, value: string) => `${column}\u0000${value}`;
  const before = new Map((reference?.slices ?? []).map((s) => [key(s.column, s.value), s]));
  const binsOf = (column: string) => (Object.hasOwn(bins, column) ? bins[column] : undefined);
  const place = (s: { column: string; value: string }) => rank(s.value, binsOf(s.column));
  const seen = new Set(batch.slices.map((s) => key(s.column, s.value)));
  const gone = (reference?.slices ?? [])
    .filter((r) => order.includes(r.column) && !seen.has(key(r.column, r.value)))
    .map((r) => ({ column: r.column, value: r.value, n: 0, metrics: {}, ci: {}, tooSmall: true }));
  return [...batch.slices, ...gone]
    .sort((a, b) => {
      const [ka, va] = place(a);
      const [kb, vb] = place(b);
      return order.indexOf(a.column) - order.indexOf(b.column) || ka - kb || va.localeCompare(vb);
    })
    .map((s) => {
      const r = before.get(key(s.column, s.value));
      return {
        column: s.column,
        value: s.value,
        label: sliceLabel(s.column, s.value, binsOf(s.column) !== undefined),
        n: s.n,
        share: batch.rows > 0 ? s.n / batch.rows : 0,
        metrics: s.metrics,
        ci: s.ci,
        tooSmall: s.tooSmall,
        fellBehind: false,
        reference: r && reference ? { n: r.n, share: reference.rows > 0 ? r.n / reference.rows : 0, metrics: r.metrics, ci: r.ci } : null,
      };
    });
}

export interface SliceDrop {
  label: string;
  metric: string;
  before: number;
  now: number;
  /** How much worse (see worsening()). */
  by: number;
  lower: boolean;
  /** Holm-adjusted one-sided p-value of the drop. */
  pValue: number;
}

/** The one-sided p-value that a slice is worse than its reference slice on `metric`; null when either lacks an interval. */
function dropPValue(s: MonitorSlice, metric: string): number | null {
  const r = s.reference;
  if (r === null || s.tooSmall) return null;
  const now = value(s.metrics, metric);
  const before = value(r.metrics, metric);
  const a = s.ci[metric];
  const b = r.ci[metric];
  if (now === null || before === null || !a || !b) return null;
  return twoIntervalWorsePValue({ value: now, low: a.low, high: a.high }, { value: before, low: b.low, high: b.high }, LOWER_IS_BETTER.has(metric));
}

/**
 * Slices that fell behind on `metric` (see the top of this file; `whole`: the batch's and the
 * reference's metrics), worst first.
 */
export function sliceDrops(slices: readonly MonitorSlice[], metric: string | null, threshold: number, whole: { now: MetricMap | null; reference: MetricMap | null }): SliceDrop[] {
  if (metric === null) return [];
  const wholeBefore = whole.reference === null ? null : value(whole.reference, metric);
  const wholeNow = whole.now === null ? null : value(whole.now, metric);
  const wholeBy = wholeBefore !== null && wholeNow !== null ? worsening(metric, wholeBefore, wholeNow).by : 0;
  const adjusted = holmAdjust(slices.map((s) => dropPValue(s, metric)));
  const drops: SliceDrop[] = [];
  slices.forEach((s, k) => {
    const p = adjusted[k] ?? null;
    if (p === null || p >= SLICE_ALPHA) return;
    const before = value(s.reference!.metrics, metric)!;
    const now = value(s.metrics, metric)!;
    const w = worsening(metric, before, now);
    if (w.by > threshold && w.by - wholeBy > threshold) drops.push({ label: s.label, metric, before, now, by: w.by, lower: w.lower, pValue: p });
  });
  return drops.sort((a, b) => b.by - a.by);
}

function value(m: MetricMap, key: string): number | null {
  const v = m[key];
  return v === undefined || v === null || !Number.isFinite(v) ? null : v;
}

/** The batch's slices with the ones that fell behind marked (the ones its alerts name or count). */
export function markFellBehind(batch: Pick<MonitorBatch, 'slices' | 'metrics' | 'referenceMetrics'>, metric: string | null, threshold: number): MonitorSlice[] {
  const behind = new Set(sliceDrops(batch.slices, metric, threshold, { now: batch.metrics, reference: batch.referenceMetrics }).map((d) => d.label));
  return batch.slices.map((s) => ({ ...s, fellBehind: behind.has(s.label) }));
}

/** "F1 on age 60+ dropped from 0.81 to 0.64." */
export function dropSentence(d: SliceDrop): string {
  return `${metricName(d.metric)} on ${d.label} ${d.lower ? 'rose' : 'dropped'} from ${formatValue(d.before)} to ${formatValue(d.now)}${d.lower ? ` (${Math.round(d.by * 100)}% worse)` : ''}.`;
}

/** The alerts of a batch's slices: the worst few by name, the rest counted. */
export function sliceAlerts(batch: Pick<MonitorBatch, 'slices' | 'metrics' | 'referenceMetrics'>, metric: string | null, threshold: number): string[] {
  const drops = sliceDrops(batch.slices, metric, threshold, { now: batch.metrics, reference: batch.referenceMetrics });
  const out = drops.slice(0, LISTED).map(dropSentence);
  const more = drops.length - LISTED;
  if (more > 0) out.push(`${metricName(metric!)} also ${drops[0]!.lower ? 'rose' : 'dropped'} beyond the threshold on ${more} more ${more === 1 ? 'group' : 'groups'}.`);
  return out;
}
