/**
 * A monitor's slices: each slice of a batch next to the same slice of the reference (its share of
 * the rows and its metrics), the alerts a slice raises, and the slice that dropped most, for the
 * summary. A slice is alerted on when its headline metric is worse than the reference slice's by
 * more than the monitor's metric threshold and by that much more than the whole batch got worse
 * (the group fell behind the rest), and both hold at least SLICE_ALERT_MIN_ROWS rows:
 * below that a group's result moves by more than 0.05 from one sample to the next by chance alone
 * (100 rows of which 30 positive: recall near 0.8 has a standard error of about 0.07). Pure.
 */
import type { MetricMap, SliceResult } from '../../../shared/contract/evaluation-result';
import type { MonitorBatch, MonitorSlice } from '../../../shared/contract/monitors';
import { MISSING_LABEL, type NumericBins } from '../../../shared/evaluation/slices';
import { formatValue, metricName } from '../reports/metric-meanings';
import { worsening } from './metric-worsening';

export const SLICE_ALERT_MIN_ROWS = 100;
/** Slice alerts listed one by one; more are counted in one sentence. */
const LISTED = 3;

/** The reference's slices, as the batches are compared with them. */
export interface ReferenceSlices {
  rows: number;
  slices: ReadonlyArray<Pick<SliceResult, 'column' | 'value' | 'n' | 'metrics'>>;
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
 * with the reference's beside them, columns in `order`.
 */
export function monitorSlices(
  batch: { rows: number; slices: ReadonlyArray<Pick<SliceResult, 'column' | 'value' | 'n' | 'metrics' | 'tooSmall'>> },
  reference: ReferenceSlices | null,
  order: readonly string[],
  bins: Readonly<Record<string, NumericBins>>,
): MonitorSlice[] {
  const key = (column: string, value: string) => `${column}\u0000${value}`;
  const before = new Map((reference?.slices ?? []).map((s) => [key(s.column, s.value), s]));
  const binsOf = (column: string) => (Object.hasOwn(bins, column) ? bins[column] : undefined);
  const place = (s: { column: string; value: string }) => rank(s.value, binsOf(s.column));
  return [...batch.slices]
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
        tooSmall: s.tooSmall,
        fellBehind: false,
        reference: r && reference ? { n: r.n, share: reference.rows > 0 ? r.n / reference.rows : 0, metrics: r.metrics } : null,
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
}

/**
 * Slices whose `metric` got worse than the reference slice's by more than `threshold`, and by that
 * much more than the whole did (`whole`: the batch's and the reference's metrics), worst first.
 */
export function sliceDrops(slices: readonly MonitorSlice[], metric: string | null, threshold: number, whole: { now: MetricMap | null; reference: MetricMap | null }): SliceDrop[] {
  if (metric === null) return [];
  const wholeBefore = whole.reference === null ? null : value(whole.reference, metric);
  const wholeNow = whole.now === null ? null : value(whole.now, metric);
  const wholeBy = wholeBefore !== null && wholeNow !== null ? worsening(metric, wholeBefore, wholeNow).by : 0;
  const drops: SliceDrop[] = [];
  for (const s of slices) {
    const r = s.reference;
    if (r === null || s.tooSmall || s.n < SLICE_ALERT_MIN_ROWS || r.n < SLICE_ALERT_MIN_ROWS) continue;
    const before = value(r.metrics, metric);
    const now = value(s.metrics, metric);
    if (before === null || now === null) continue;
    const w = worsening(metric, before, now);
    if (w.by > threshold && w.by - wholeBy > threshold) drops.push({ label: s.label, metric, before, now, by: w.by, lower: w.lower });
  }
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
