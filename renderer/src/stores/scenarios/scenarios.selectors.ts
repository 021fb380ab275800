import type { Scenario } from '../../../../shared/contract/scenarios';

/** Pure views over saved scenarios; tested without React. */

export const MAX_COMPARE = 3;

/** Adds or removes an id; a fourth pick replaces the oldest so the table stays readable. */
export function toggleCompare(ids: readonly string[], id: string): string[] {
  if (ids.includes(id)) return ids.filter((x) => x !== id);
  return [...ids, id].slice(-MAX_COMPARE);
}

export const KIND_WORDS: Record<Scenario['kind'], string> = {
  training: 'Training cost',
  pilot: 'Training cost (from a trial run)',
  deployment: 'Cloud or own hardware',
  inference: 'Serving speed and cost',
  memory: 'Memory',
  optimal: 'Compute-optimal size',
};

export interface FigureRow {
  label: string;
  /** One line: what the figure means. */
  meaning: string;
  value: string;
}

/** Three significant figures: the estimates are ranges, more digits would be false precision. */
const sig3 = (x: number) => (x === 0 ? 0 : Number(x.toPrecision(3)));
const money = (x: number) => (x >= 1000 ? `$${sig3(x).toLocaleString('en-US')}` : x >= 10 ? `$${sig3(x)}` : `$${x.toFixed(2)}`);
const range = (lo: number, hi: number) => `${money(lo)} to ${money(hi)}`;
const hours = (h: number) => (h >= 48 ? `${(h / 24).toFixed(1)} days` : `${h.toFixed(1)} hours`);

/** The key figures of one scenario, in the order the comparison table lists them. */
export function keyFigures(s: Scenario): Record<string, string> {
  const out: Record<string, string> = { kind: KIND_WORDS[s.kind] };
  if (s.p50CostCents !== null) out.cost = money(s.p50CostCents / 100);
  if (s.kind === 'training' && s.result) {
    const r = s.result;
    out.range = range(r.range.p10.costUsd, r.range.p90.costUsd);
    out.time = hours(r.wallClockHours);
    out.hardware = `${s.input.gpus ?? 1} x ${r.hardware.name}`;
    out.energy = `${sig3(r.energyKwh).toLocaleString('en-US')} kWh`;
    out.co2 = `${sig3(r.co2Kg).toLocaleString('en-US')} kg`;
    const asOf = r.assumptions.pricePerGpuHourUsd?.asOf;
    if (asOf) out.priced = `catalog prices from ${asOf}`;
  }
  if (s.kind === 'pilot' && s.result) {
    const r = s.result;
    if (r.range.p10.costUsd !== null && r.range.p90.costUsd !== null) out.range = range(r.range.p10.costUsd, r.range.p90.costUsd);
    out.time = hours(r.wallClockHours);
    out.hardware = `${s.input.target?.devices ?? 1} x ${r.hardware.name}`;
    out.energy = `${sig3(r.energyKwh).toLocaleString('en-US')} kWh`;
    out.co2 = `${sig3(r.co2Kg).toLocaleString('en-US')} kg`;
    const asOf = r.assumptions.pricePerDeviceHourUsd?.asOf;
    if (asOf) out.priced = `catalog prices from ${asOf}`;
  }
  if (s.kind === 'deployment' && s.result) {
    const rec = s.result.options.find((o) => o.option === s.result?.recommendation.option);
    out.hardware = rec?.label ?? 'no option allowed';
    if (rec) {
      out.monthly = money(rec.monthlyCostUsd.p50);
      out.range = range(rec.totalCostUsd.p10, rec.totalCostUsd.p90);
      out.latency = `${Math.round(rec.latencyMs.p50).toLocaleString('en-US')} ms`;
    }
    out.volume = `${Math.round(s.input.workload.requestsPerDay).toLocaleString('en-US')} requests a day for ${s.input.workload.months} months`;
    const asOf = s.result.assumptions.cloudUsdPerGpuHour?.asOf;
    if (asOf && rec?.option === 'cloud-gpu') out.priced = `catalog prices from ${asOf}`;
  }
  return out;
}

export const FIGURE_ROWS: ReadonlyArray<{ key: string; label: string; meaning: string }> = [
  { key: 'kind', label: 'Question', meaning: 'Which wizard made it.' },
  { key: 'cost', label: 'Total cost (best guess)', meaning: 'The middle estimate (P50): as likely to come in under as over.' },
  { key: 'range', label: 'Likely range', meaning: '8 in 10 outcomes fall inside (P10 to P90).' },
  { key: 'priced', label: 'Priced at', meaning: 'The date of the catalog prices behind the cost; prices change, check old ones.' },
  { key: 'monthly', label: 'Per month', meaning: 'Running cost of the recommended option.' },
  { key: 'hardware', label: 'Runs on', meaning: 'The hardware or service the figures assume.' },
  { key: 'time', label: 'Time to finish', meaning: 'Wall-clock time with all GPUs working.' },
  { key: 'latency', label: 'Answer time', meaning: 'How long one request takes, typically.' },
  { key: 'volume', label: 'Use', meaning: 'The volume it was planned for.' },
  { key: 'energy', label: 'Energy', meaning: 'Electricity used, including cooling.' },
  { key: 'co2', label: 'CO2', meaning: 'Emissions from that electricity.' },
];

/** Rows of the side-by-side table: only rows at least one scenario has a figure for. */
export function comparisonRows(list: readonly Scenario[]): Array<FigureRow & { values: string[] }> {
  const figs = list.map(keyFigures);
  return FIGURE_ROWS.filter((r) => figs.some((f) => f[r.key] !== undefined)).map((r) => ({ label: r.label, meaning: r.meaning, value: '', values: figs.map((f) => f[r.key] ?? '–') }));
}
