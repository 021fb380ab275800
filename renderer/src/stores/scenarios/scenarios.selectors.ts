import type { Scenario } from '../../../../shared/contract/scenarios';
import { dollarsToProjectCents, rateNote, usdToProjectAmount, type ProjectMoney } from '../../../../shared/domain/currency';
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

/** What keyFigures needs beyond the scenario: its project's money and the catalog's device names. */
export interface FigureContext {
  /** The plan's project: figures the backend leaves in dollars (a serving cost, a model-size budget) are converted with its rate. */
  project?: ProjectMoney | null;
  /** A catalog device's name by id, for a device a plan names by id only. */
  deviceName?: (id: string) => string | undefined;
}

const USD: ProjectMoney = { currency: 'USD', usdRate: 1, usdRateAsOf: null };

/**
 * The key figures of one scenario, in the order the comparison table lists them. Money is in the
 * project's currency as the backend converted it (`s.money`, from the plan's own dollars at the
 * project's rate); without a rate the amounts are left out and `notConverted` says why. The quick
 * answers' figures the backend does not convert (a serving cost per 1,000 requests, a model-size
 * budget) are converted here with the project's rate, once; a plan with no cost says so
 * (`noCost`) instead of leaving a gap.
 */
export function keyFigures(s: Scenario, ctx: FigureContext = {}): Record<string, string> {
  const out: Record<string, string> = { kind: KIND_WORDS[s.kind] };
  const m = s.money;
  const money = (cents: number) => estimateMoney(cents / 100, m.currency);
  const project = ctx.project ?? USD;
  const rate = rateNote(project);
  const noRate = `Priced in US dollars; set how many ${project.currency} one US dollar buys on the project's Budget page to see it in ${project.currency}.`;
  const name = (id: string) => ctx.deviceName?.(id) ?? id;
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
    const local = typeof tariff === 'number' ? usdToProjectAmount(tariff, project) : null;
    if (s.input.owned && typeof tariff === 'number') out.priced = `electricity at ${local === null ? formatAmount(tariff, { perUnit: true }) : formatAmount(local, { currency: project.currency, perUnit: true })} per kWh`;
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
    if (!rec) out.noCost = 'No cost: no option is allowed for the data';
    if (rec) {
      out.latency = waitText(rec.latencyMs.p50);
    }
    out.volume = `${Math.round(s.input.workload.requestsPerDay).toLocaleString('en-US')} requests a day for ${s.input.workload.months} months`;
    // A deployment's total is over the months it was planned for: say so next to the figure.
    if (out.cost) out.cost = `${out.cost} over ${s.input.workload.months} ${s.input.workload.months === 1 ? 'month' : 'months'}`;
    const asOf = s.result.assumptions.cloudUsdPerGpuHour?.asOf;
    if (asOf && rec?.option === 'cloud-gpu') out.priced = `catalog prices from ${asOf}`;
  }
  if (s.kind === 'memory' && s.result) {
    out.noCost = 'No cost: a memory estimate';
    out.memory = `${sig3(s.result.totalGb).toLocaleString('en-US')} GB ${s.input.mode === 'inference' ? 'to run it' : 'to train it'}`;
    out.hardware = memoryRunsOn(s.input.hardware, s.result, name);
  }
  if (s.kind === 'inference' && s.result) {
    out.hardware = `${s.result.gpus} x ${s.result.hardware.name}`;
    out.latency = waitText(s.result.latencyMs.total);
    const per1k = s.result.costPer1kRequestsUsd;
    const local = per1k === null ? null : usdToProjectAmount(per1k, project);
    if (per1k === null) out.noCost = `No cost: no rental price for the ${s.result.hardware.name}`;
    else if (local === null) out.notConverted = noRate;
    else {
      out.unitCost = `${formatAmount(local, { currency: project.currency })} per 1,000 requests`;
      if (rate) out.rate = rate;
    }
  }
  if (s.kind === 'optimal' && s.result) {
    out.size = `${billions(s.result.params)} parameters on ${billions(s.result.tokens)} tokens`;
    const budget = s.input.budgetUsd;
    if (budget === undefined) {
      out.noCost = 'No cost: a model size for the computing given';
      out.hardware = 'any GPUs (the computing was given)';
    } else {
      const cents = dollarsToProjectCents(budget, project);
      if (cents === null) out.notConverted = noRate;
      else {
        out.cost = `${estimateMoney(cents / 100, project.currency)} budget`;
        if (rate) out.rate = rate;
      }
      out.hardware = `${s.input.gpus ?? 8} x ${s.input.hardware ? name(s.input.hardware) : 'GPUs'}`;
    }
  }
  return out;
}

/**
 * What a memory plan runs on: the device asked about, as many of it as hold the model (or that it
 * is too small), else any device with the memory it needs.
 */
function memoryRunsOn(hardware: string | undefined, result: { totalGb: number; fits: ReadonlyArray<{ hardware: string; name: string; count: number }> }, name: (id: string) => string): string {
  const need = `${sig3(result.totalGb).toLocaleString('en-US')} GB`;
  if (!hardware) return `any device with ${need} or more`;
  const fit = result.fits.find((f) => f.hardware === hardware);
  if (!fit) return `${name(hardware)}: too small (needs ${need})`;
  return fit.count === 1 ? fit.name : `${fit.count} x ${fit.name}`;
}

/** 1.28e10 -> "12.8B": model and data sizes as model names write them. */
const billions = (x: number) => `${sig3(x / 1e9).toLocaleString('en-US')}B`;

export const FIGURE_ROWS: ReadonlyArray<{ key: string; label: string; meaning: string }> = [
  { key: 'kind', label: 'Question', meaning: 'Which wizard made it.' },
  { key: 'cost', label: 'Total cost (best guess)', meaning: 'The middle estimate (P50): as likely to come in under as over.' },
  { key: 'range', label: 'Likely range', meaning: '8 in 10 outcomes fall inside (P10 to P90).' },
  { key: 'unitCost', label: 'Cost per 1,000 requests', meaning: 'Renting the device while it answers them, kept busy.' },
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

/**
 * Rows of the side-by-side table: only rows at least one scenario has a figure for; a plan with
 * no cost says so in the cost row.
 */
export function comparisonRows(list: readonly Scenario[], ctxOf: (s: Scenario) => FigureContext = () => ({})): Array<FigureRow & { values: string[] }> {
  const figs = list.map((s) => keyFigures(s, ctxOf(s)));
  const value = (f: Record<string, string>, key: string) => f[key] ?? (key === 'cost' ? f.noCost : undefined) ?? '–';
  return FIGURE_ROWS.filter((r) => figs.some((f) => f[r.key] !== undefined)).map((r) => ({ label: r.label, meaning: r.meaning, value: '', values: figs.map((f) => value(f, r.key)) }));
}
