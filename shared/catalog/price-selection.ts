import { asOfDayNumber } from './as-of-date';
import type { CloudGpuPriceRow, PricingModel } from './catalog-types';

/**
 * Which catalog prices make a device's default price range, and how much each counts. Prices
 * age fast and providers cut them, so the rule is written down (and in the estimator README):
 *
 * 1. Only rows of the device and pricing model (on-demand by default); with a provider named,
 *    only that provider's rows.
 * 2. A row dated before a published price cut for its provider and device (PRICE_EVENTS) is
 *    superseded and left out, unless every row is: then they are used and the result says the
 *    real price is likely lower.
 * 3. Each remaining row counts 0.5^(months older than the newest remaining row / 12): a price a
 *    year older than the newest counts half, so a fresh row you add outweighs stale ones.
 * 4. P10 is the lowest, P90 the highest remaining price (the spread across providers); P50 the
 *    weighted median (weighted percentile at 0.5, interpolated between the weight midpoints;
 *    with equal weights it is the ordinary median).
 */
export interface PriceEvent {
  id: string;
  provider: string;
  hardwareIds: readonly string[];
  /** When the new prices applied, `yyyy-mm` or `yyyy-mm-dd`. */
  date: string;
  change: string;
  source: string;
}

export const PRICE_EVENTS: readonly PriceEvent[] = [
  {
    id: 'aws-2025-06-p4-p5',
    provider: 'AWS',
    hardwareIds: ['h100-sxm', 'h200', 'a100-40gb', 'a100-80gb'],
    date: '2025-06',
    change: 'on-demand prices of P4d, P4de, P5 and P5en instances cut by up to 45%',
    source: 'AWS price reduction announcement, June 2025 (estimator-reference.md §5.1, secondary)',
  },
];

export const PRICE_RULE = 'rows superseded by a published price cut left out; each row weighted 0.5^(months older than the newest / 12); P50 = weighted median, P10/P90 = lowest/highest';

export interface WeightedPriceRow {
  row: CloudGpuPriceRow;
  weight: number;
}

export interface PriceSelection {
  p10: number;
  p50: number;
  p90: number;
  /** The rows the range was taken from, with their weights. */
  used: WeightedPriceRow[];
  /** Rows left out, and why. */
  dropped: { row: CloudGpuPriceRow; reason: string }[];
  /** The oldest as-of date among the rows used: the figure is at least this old. */
  oldestAsOf: string;
  newestAsOf: string;
  /** Set when every row predates a cut and was used anyway. */
  note?: string;
}

export interface PriceSelectionOptions {
  pricingModel?: PricingModel;
  /** Only this provider's rows (case-insensitive). */
  provider?: string;
  events?: readonly PriceEvent[];
}

const sameProvider = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

function supersededBy(row: CloudGpuPriceRow, events: readonly PriceEvent[]): PriceEvent | undefined {
  const at = asOfDayNumber(row.asOf);
  return events.find((e) => {
    const cut = asOfDayNumber(e.date);
    return at !== null && cut !== null && sameProvider(e.provider, row.provider) && e.hardwareIds.includes(row.hardwareId) && at < cut;
  });
}

/** Providers that price a device (for "unknown provider" messages). */
export function providersFor(prices: readonly CloudGpuPriceRow[], hardwareId: string, pricingModel: PricingModel = 'on-demand'): string[] {
  return [...new Set(prices.filter((p) => p.hardwareId === hardwareId && p.pricingModel === pricingModel).map((p) => p.provider))].sort();
}

/** Weighted percentile at q, interpolated between the cumulative-weight midpoints of sorted values. */
export function weightedPercentile(items: readonly { value: number; weight: number }[], q: number): number {
  const sorted = [...items].sort((a, b) => a.value - b.value);
  const total = sorted.reduce((s, x) => s + x.weight, 0);
  let cum = 0;
  const points = sorted.map((x) => {
    const mid = (cum + x.weight / 2) / total;
    cum += x.weight;
    return { at: mid, value: x.value };
  });
  const first = points[0] as { at: number; value: number };
  const last = points[points.length - 1] as { at: number; value: number };
  if (q <= first.at) return first.value;
  if (q >= last.at) return last.value;
  for (let i = 1; i < points.length; i += 1) {
    const a = points[i - 1] as { at: number; value: number };
    const b = points[i] as { at: number; value: number };
    if (q <= b.at) return a.value + ((b.value - a.value) * (q - a.at)) / (b.at - a.at);
  }
  return last.value;
}

export function selectPrices(prices: readonly CloudGpuPriceRow[], hardwareId: string, options: PriceSelectionOptions = {}): PriceSelection | null {
  const model = options.pricingModel ?? 'on-demand';
  const events = options.events ?? PRICE_EVENTS;
  let rows = prices.filter((p) => p.hardwareId === hardwareId && p.pricingModel === model);
  if (options.provider !== undefined) rows = rows.filter((p) => sameProvider(p.provider, options.provider as string));
  if (rows.length === 0) return null;
  const dropped: PriceSelection['dropped'] = [];
  let kept = rows.filter((r) => {
    const e = supersededBy(r, events);
    if (e) dropped.push({ row: r, reason: `dated ${r.asOf}, before ${e.provider}'s ${e.date} cut (${e.change})` });
    return !e;
  });
  let note: string | undefined;
  if (kept.length === 0) {
    kept = rows;
    note = `every ${hardwareId} price here predates a published cut (${dropped.map((d) => d.reason).join('; ')}): the real price is likely lower`;
    dropped.length = 0;
  }
  const days = kept.map((r) => asOfDayNumber(r.asOf) ?? 0);
  const newest = Math.max(...days);
  const used = kept.map((row, i) => ({ row, weight: Math.pow(0.5, (newest - (days[i] as number)) / 365.25) }));
  const values = used.map((u) => ({ value: u.row.usdPerGpuHour, weight: u.weight }));
  const byDate = [...kept].sort((a, b) => (asOfDayNumber(a.asOf) ?? 0) - (asOfDayNumber(b.asOf) ?? 0));
  const out: PriceSelection = {
    p10: Math.min(...values.map((v) => v.value)),
    p50: weightedPercentile(values, 0.5),
    p90: Math.max(...values.map((v) => v.value)),
    used,
    dropped,
    oldestAsOf: (byDate[0] as CloudGpuPriceRow).asOf,
    newestAsOf: (byDate[byDate.length - 1] as CloudGpuPriceRow).asOf,
  };
  if (note) out.note = note;
  return out;
}
