import type { Scenario } from '../../../../shared/contract/scenarios';
import { formatAmount } from '../../../../shared/domain/money-format';
import { waitText } from '../../../../shared/domain/plain-words';

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
/** An estimate's amount in `currency` (major units), to three significant figures. */
export function estimateMoney(x: number, currency: string): string {
  const digits = x >= 10 ? 0 : 2;
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x >= 10 ? sig3(x) : x);
  } catch {
    return `${(x >= 10 ? sig3(x) : x).toFixed(digits)} ${currency}`;
  }
}
const hours = (h: number) => (h >= 48 ? `${(h / 24).toFixed(1)} days` : `${h.toFixed(1)} hours`);

/**
 * The key figures of one scenario, in the order the comparison table lists them. Money is in the
 * project's currency as the backend converted it (`s.money`, from the plan's own dollars at the
 * project's rate); without a rate the amounts are left out and `notConverted` says why.
 */
export function keyFigures(s: Scenario): Record<string, string> {
  const out: Record<string, string> = { kind: KIND_WORDS[s.kind] };
  const m = s.money;
  const money = (cents: number) => estimateMoney(cents / 100, m.currency);
  if (m.totalCents) {
    out.cost = money(m.totalCents.p50);
    // A range whose ends read the same says nothing ("€28 to €28").
    if (money(m.totalCents.p10) !== money(m.totalCents.p90)) out.range = `${money(m.totalCents.p10)} to ${money(m.totalCents.p90)}`;
  }
  if (m.monthlyCents) out.monthly = money(m.monthlyCents.p50);
  if (m.summary && m.cap) out.summary = m.summary;
  if (m.rateNote && (m.totalCents || m.monthlyCents)) out.rate = m.rateNote;
  if (m.notConverted) out.notConverted = m.notConverted;
  if (s.kind === 'training' && s.result) {
    const r = s.result;
    out.time = hours(r.wallClockHours);
    out.hardware = `${s.input.gpus ?? 1} x ${r.hardware.name}${s.input.owned ? ' (your own)' : ''}`;
    out.energy = `${sig3(r.energyKwh).toLocaleString('en-US')} kWh`;
    out.co2 = `${sig3(r.co2Kg).toLocaleString('en-US')} kg`;
    const asOf = r.assumptions.pricePerGpuHourUsd?.asOf;
    if (asOf) out.priced = `catalog prices from ${asOf}`;
    const tariff = r.assumptions.electricityUsdPerKwh?.value;
    if (s.input.owned && typeof tariff === 'number') out.priced = `electricity at ${formatAmount(tariff)} per kWh`;
  }
  if (s.kind === 'pilot' && s.result) {
    const r = s.result;
    out.time = hours(r.wallClockHours);
    out.hardware = `${s.input.target?.devices ?? 1} x ${r.hardware.name}${s.input.owned ? ' (your own)' : ''}`;
    out.energy = `${sig3(r.energyKwh).toLocaleString('en-US')} kWh`;
    out.co2 = `${sig3(r.co2Kg).toLocaleString('en-US')} kg`;
    const asOf = r.assumptions.pricePerDeviceHourUsd?.asOf;
    if (asOf) out.priced = `catalog prices from ${asOf}`;
  }
  if (s.kind === 'deployment' && s.result) {
    const rec = s.result.options.find((o) => o.option === s.result?.recommendation.option);
    out.hardware = rec?.label ?? 'no option allowed';
    if (rec) {
      out.latency = waitText(rec.latencyMs.p50);
    }
    out.volume = `${Math.round(s.input.workload.requestsPerDay).toLocaleString('en-US')} requests a day for ${s.input.workload.months} months`;
    // A deployment's total is over the months it was planned for: say so next to the figure.
    if (out.cost) out.cost = `${out.cost} over ${s.input.workload.months} ${s.input.workload.months === 1 ? 'month' : 'months'}`;
    const asOf = s.result.assumptions.cloudUsdPerGpuHour?.asOf;
    if (asOf && rec?.option === 'cloud-gpu') out.priced = `catalog prices from ${asOf}`;
  }
  if (s.kind === 'memory' && s.result) out.memory = `${sig3(s.result.totalGb).toLocaleString('en-US')} GB ${s.input.mode === 'inference' ? 'to run it' : 'to train it'}`;
  if (s.kind === 'inference' && s.result) {
    out.hardware = `${s.result.gpus} x ${s.result.hardware.name}`;
    out.latency = waitText(s.result.latencyMs.total);
  }
  if (s.kind === 'optimal' && s.result) out.size = `${billions(s.result.params)} parameters on ${billions(s.result.tokens)} tokens`;
  return out;
}

/** 1.28e10 -> "12.8B": model and data sizes as model names write them. */
const billions = (x: number) => `${sig3(x / 1e9).toLocaleString('en-US')}B`;

export const FIGURE_ROWS: ReadonlyArray<{ key: string; label: string; meaning: string }> = [
  { key: 'kind', label: 'Question', meaning: 'Which wizard made it.' },
  { key: 'cost', label: 'Total cost (best guess)', meaning: 'The middle estimate (P50): as likely to come in under as over.' },
  { key: 'range', label: 'Likely range', meaning: '8 in 10 outcomes fall inside (P10 to P90).' },
  { key: 'priced', label: 'Priced at', meaning: 'The date of the catalog prices behind the cost (prices change, check old ones), or the electricity price of your own hardware.' },
  { key: 'monthly', label: 'Per month', meaning: 'Running cost of the recommended option.' },
  { key: 'summary', label: 'Against the budget', meaning: "The plan held against its monthly budget, else the project's cap or budget." },
  { key: 'rate', label: 'Converted', meaning: 'Plans are priced in US dollars; this is the rate and day behind the amounts shown.' },
  { key: 'notConverted', label: 'Not converted', meaning: 'Why an amount is missing.' },
  { key: 'hardware', label: 'Runs on', meaning: 'The hardware or service the figures assume.' },
  { key: 'time', label: 'Time to finish', meaning: 'Wall-clock time with all GPUs working.' },
  { key: 'latency', label: 'Answer time', meaning: 'How long one request takes, typically.' },
  { key: 'memory', label: 'Memory needed', meaning: 'On one device, for the model and its work.' },
  { key: 'size', label: 'Model size', meaning: 'The compute-optimal parameters and training data for the budget.' },
  { key: 'volume', label: 'Use', meaning: 'The volume it was planned for.' },
  { key: 'energy', label: 'Energy', meaning: 'Electricity used, including cooling.' },
  { key: 'co2', label: 'CO2', meaning: 'Emissions from that electricity.' },
];

/** Rows of the side-by-side table: only rows at least one scenario has a figure for. */
export function comparisonRows(list: readonly Scenario[]): Array<FigureRow & { values: string[] }> {
  const figs = list.map(keyFigures);
  return FIGURE_ROWS.filter((r) => figs.some((f) => f[r.key] !== undefined)).map((r) => ({ label: r.label, meaning: r.meaning, value: '', values: figs.map((f) => f[r.key] ?? '–') }));
}
