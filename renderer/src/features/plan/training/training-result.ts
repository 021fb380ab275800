import { ageInDays, isValidAsOf } from '../../../../../shared/catalog/as-of-date';
import type { Assumptions, MemoryEstimate, OptimalEstimate } from '../../../../../shared/contract/estimate';
import type { z } from 'zod';
import { formatAmount, formatAmountRange, rangeIsOneAmount } from '../../../../../shared/domain/money-format';
import { countOf } from '../../../../../shared/domain/plain-words';
import { ageBadge } from '../../../stores/catalog/catalog.selectors';

/**
 * Plain-language readings of a training estimate, pure and tested: the result page only lays
 * them out.
 */

/**
 * Everyday comparison for CO2. US EPA, "Greenhouse Gas Emissions from a Typical Passenger
 * Vehicle" (EPA-420-F-23-014, 2023): about 400 g CO2 per mile, i.e. 400 / 1.609344 = 248.5 g/km.
 */
export const CAR_KG_CO2_PER_KM = 0.4 / 1.609344;
export const CAR_SOURCE = 'US EPA, Greenhouse Gas Emissions from a Typical Passenger Vehicle (EPA-420-F-23-014, 2023): about 400 g CO2 per mile';

export function carKmEquivalent(co2Kg: number): number {
  return co2Kg / CAR_KG_CO2_PER_KM;
}

export function co2Comparison(co2Kg: number): string {
  const km = carKmEquivalent(co2Kg);
  if (km < 1) return 'less than driving a car for one kilometre';
  return `about as much as driving a typical car ${roundNice(km).toLocaleString('en-US')} km`;
}

/** Two significant figures: a range already says the third digit is noise. */
export function roundNice(x: number): number {
  // toPrecision rounds in decimal, so 9.2 stays 9.2 (scaling by 0.1 would give 9.200000000000001).
  return x === 0 ? 0 : Number(x.toPrecision(2));
}

/** Hours as a person says them: "45 minutes", "16 hours", "3.5 days", "11 weeks". */
export function humanDuration(hours: number): string {
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} minutes`;
  if (hours < 48) return `${roundNice(hours)} hours`;
  const days = hours / 24;
  if (days < 21) return `${roundNice(days)} days`;
  if (days < 120) return `${roundNice(days / 7)} weeks`;
  return `${roundNice(days / 30.44)} months`;
}

/** An estimated amount in Tally's one money format (two significant digits from $1,000 on). */
export function usd(x: number): string {
  return formatAmount(x, { approx: true });
}

/** "likely $12 to $17", or null when both ends read the same: no "$17 to $17". */
export function likelyRange(low: number, high: number): string | null {
  return rangeIsOneAmount(low, high, { approx: true }) ? null : formatAmountRange(low, high, { approx: true, joiner: ' to ' });
}

/** How an estimate's dollars are written: as dollars, or in the project's currency (parts/plan-currency.ts). */
export interface MoneyWriter {
  approx(usd: number): string;
  unitPrice(usd: number): string;
}

const DOLLARS: MoneyWriter = { approx: usd, unitPrice: (x) => formatAmount(x, { perUnit: true }) };

/**
 * What the cost of a run on GPUs you own is made of, in one sentence: the electricity, and the
 * share of the purchase the run uses up (or that the purchase is not counted).
 */
export function ownedCostText(split: { electricityUsd: number; writeOffUsd: number }, assumptions: Readonly<Record<string, { value: number | string; unit?: string | undefined }>>, money: MoneyWriter = DOLLARS): string {
  const tariff = assumptions.electricityUsdPerKwh;
  const at = typeof tariff?.value === 'number' ? ` at ${money.unitPrice(tariff.value)} per kWh` : '';
  if (split.writeOffUsd <= 0) return `Electricity ${money.approx(split.electricityUsd)}${at}; the GPUs are already paid for, so nothing else is counted.`;
  const months = assumptions.writeOffMonths?.value;
  const over = typeof months === 'number' ? `, their price spread over ${countOf(months, 'month')}` : '';
  return `Electricity ${money.approx(split.electricityUsd)}${at}, plus ${money.approx(split.writeOffUsd)}: this run’s share of what the GPUs cost${over}.`;
}

export function kwh(x: number): string {
  if (x >= 1e6) return `${roundNice(x / 1e6)} GWh`;
  if (x >= 1e3) return `${roundNice(x / 1e3)} MWh`;
  return `${roundNice(x)} kWh`;
}

export function co2(x: number): string {
  return x >= 1000 ? `${roundNice(x / 1000)} t CO2` : `${roundNice(x)} kg CO2`;
}

/**
 * Compute-optimal note: Hoffmann et al. (2022) found that for a fixed compute budget loss is
 * lowest at about 20 tokens per parameter. Far off (beyond 2x either way) we say so, and why it
 * can still be right (a smaller model trained longer is cheaper to serve).
 */
export function computeOptimalNote(tokens: number, optimal: OptimalEstimate): string | null {
  const ratio = tokens / optimal.tokens;
  const perParam = Math.round(optimal.tokensPerParam);
  if (ratio > 2) {
    return `You train on ${roundNice(ratio)}x the compute-optimal amount of data for this model size (about ${perParam} tokens per parameter; ${optimal.source}). That is common when the model will answer many requests: a smaller model trained longer is cheaper to run. For the lowest training loss per dollar, a larger model on less data would do.`;
  }
  if (ratio < 0.5) {
    return `You train on only ${roundNice(ratio * 100)}% of the compute-optimal amount of data for this model size (about ${perParam} tokens per parameter; ${optimal.source}). The same money would give a better model if it were smaller and saw more data.`;
  }
  return null;
}

export interface MemoryFit {
  fits: boolean;
  text: string;
}

/** Whether the model's training state fits on the chosen devices, and what would. */
export function memoryFit(mem: MemoryEstimate, hardwareId: string, hardwareName: string, gpus: number, hardwareMemoryGb: number | null): MemoryFit {
  const need = mem.totalGb;
  const perDevice = hardwareMemoryGb;
  const fits = perDevice !== null && need <= perDevice;
  const onChosen = mem.fits.find((f) => f.hardware === hardwareId);
  const needText = `Each GPU needs about ${roundNice(need)} GB for the model, its gradients and optimizer state when ${gpus === 1 ? 'one GPU holds' : `the ${gpus} GPUs share`} it`;
  // Activations depend on batch and sequence shapes the wizard does not ask for; say so.
  if (fits) return { fits, text: `${needText}; the ${hardwareName} has ${perDevice} GB, so it fits, with ${roundNice((perDevice as number) - need)} GB left for activations (these depend on batch size).` };
  const alt = onChosen ? ` It would fit on ${onChosen.count} of them.` : '';
  return { fits, text: `${needText}; the ${hardwareName} has ${perDevice ?? 'an unknown amount of'} GB, so it does not fit.${alt}` };
}

export interface Alternative {
  hardwareId: string;
  name: string;
  costUsd: { p10: number; p50: number; p90: number };
  wallClockHours: number;
  /** As-of date of the catalog prices the cost was figured at. */
  priceAsOf?: string;
}

/** Cheaper devices than the chosen one (by best-guess cost), cheapest first, at most three. */
export function cheaperAlternatives(chosenCostP50: number, candidates: readonly Alternative[]): Alternative[] {
  return candidates.filter((c) => c.costUsd.p50 < chosenCostP50 * 0.95).sort((a, b) => a.costUsd.p50 - b.costUsd.p50).slice(0, 3);
}

/**
 * The devices the result sets beside the chosen one. Rented GPUs: up to three that do the run
 * for clearly less. GPUs you own: renting the same model first (when a cloud rents it), then the
 * three cheapest other rentals, whatever they cost, so owning and renting can be weighed on one
 * page.
 */
export function alternativesToShow(owned: boolean, chosenCostP50: number, candidates: readonly Alternative[], chosenId?: string): Alternative[] {
  if (!owned) return cheaperAlternatives(chosenCostP50, candidates);
  const same = candidates.filter((c) => c.hardwareId === chosenId);
  const others = candidates.filter((c) => c.hardwareId !== chosenId).sort((a, b) => a.costUsd.p50 - b.costUsd.p50);
  return [...same, ...others.slice(0, 3)];
}

type Assumption = z.infer<typeof Assumptions>[string];

/**
 * How old the price behind a cost is, said next to the cost: "at catalog prices from 2025-02-28
 * (21 months old; check the current price)". Null when the price was typed in (it has no date).
 */
export function priceAgeText(a: Assumption | undefined, today: string): string | null {
  if (!a?.asOf || !isValidAsOf(a.asOf)) return null;
  const badge = ageBadge(ageInDays(a.asOf, today), a.asOf);
  return `at catalog prices from ${a.asOf} (${badge.text}${badge.stale ? '; check the current price' : ''})`;
}

/**
 * The estimate's warnings and notes that the page does not already say: when it shows its own
 * memory banner, the estimator's memory sentences (which start "Does not fit in memory" or
 * "Weights, gradients and Adam states") would repeat it.
 */
export function otherFindings(warnings: readonly string[], notes: readonly string[], memoryShown: boolean): { warnings: string[]; notes: string[] } {
  const aboutMemory = (t: string) => /^(Does not fit in memory|Weights, gradients and Adam states)/.test(t);
  return { warnings: warnings.filter((w) => !(memoryShown && aboutMemory(w))), notes: notes.filter((n) => !(memoryShown && aboutMemory(n))) };
}
