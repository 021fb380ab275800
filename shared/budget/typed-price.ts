import { DEFAULT_ELECTRICITY } from './owned-hardware';
import { formatCents } from './spend/spend-format';
import { projectAmountToUsd, roundCents, usdRateOf, usdToProjectAmount, type ProjectMoney } from '../domain/currency';
import { formatAmount } from '../domain/money-format';
import { MAX_CENTS, readAmountParts } from '../domain/money-text';
import { parsePriceText } from '../domain/price-text';

/**
 * Prices the owner types into a planner (what a GPU cost, the electricity tariff, an hourly
 * price) are written in the project's currency and read by the one money parser; the estimator
 * works in US dollars, so each is converted with the project's rate on the way in, unrounded
 * (shared/domain/currency.ts). The answers keep which currency and rate their prices are typed
 * in (`currency`, `usdRate`): the page sets them from the project, and a plan moved to a project
 * in another currency carries its typed prices over as the same money.
 */
export interface TypedPriceValues {
  /** The project's currency (USD without a project). */
  currency: string;
  /** Units of `currency` one US dollar buys; '' when the project has no rate (prices are then typed in USD). */
  usdRate: string;
}

/**
 * A whole amount (a purchase price, in cents), a price per unit (up to six decimals), or a budget.
 * Amounts and budgets may be said in thousands or millions ("€1.8k", "€100k", "1.5M €").
 */
export type PriceKind = { kind: 'amount' } | { kind: 'budget' } | { kind: 'unit'; per: readonly [string, ...string[]]; sample: string };

export const PER_KWH: PriceKind = { kind: 'unit', per: ['kWh'], sample: '0.30' };
export const PER_HOUR: PriceKind = { kind: 'unit', per: ['hour', 'h', 'GPU-hour', 'GPU-h', 'device-hour'], sample: '2.50' };
export const AMOUNT: PriceKind = { kind: 'amount' };
export const BUDGET: PriceKind = { kind: 'budget' };

const USD: ProjectMoney = { currency: 'USD', usdRate: 1, usdRateAsOf: null };

/** A number followed by k (thousand) or M (million), with the currency before or after: "€100k", "1,5M €", "250k EUR". */
const SCALED = /^(.*?\d)\s*([kKM])(?![A-Za-z])\s*(.*)$/;

/**
 * "1,800k" and "1.500M": one mark and three digits before the letter, which groups thousands in a
 * plain amount and is the decimal mark before a letter; no reading is safe, so the owner is asked.
 */
const TWO_READINGS = /(?:^|[^\d.,'’_\s])\s*([1-9]\d{0,2})[.,](\d{3})$/;

/**
 * An amount as typed, in major units: "€100,000", "100000 EUR", or said in thousands or millions
 * ("€100k", "1.8k", "1.5M"; before the letter one mark is the decimal mark, so "1,5M" is 1.5
 * million). Read by the money parser's own rules (readAmountParts: currency, separators, a refused
 * second currency); a plain amount keeps at most two decimals, as every money field does.
 */
function scaledAmount(text: string, opts: { field: string; currency: string; allowNegative: boolean; examples?: string }): { amount: number | undefined } | { error: string } {
  const m = SCALED.exec(text.trim());
  const factor = !m ? 1 : m[2] === 'M' ? 1e6 : 1e3;
  const twoWays = m ? TWO_READINGS.exec(m[1] ?? '') : null;
  if (m && twoWays) {
    const [, whole, three] = twoWays as unknown as [string, string, string];
    const decimal = three.replace(/0+$/, '');
    return { error: `${opts.field} "${text.trim().slice(0, 40)}" can be read two ways; write ${whole}${three}${m[2]} or ${whole}${decimal ? `.${decimal}` : ''}${m[2]}` };
  }
  const digits = m ? `${m[1] ?? ''} ${m[3] ?? ''}`.trim() : text;
  const parts = readAmountParts(digits, { ...opts, singleMarkIsDecimal: m !== null });
  if (!parts.ok) return { error: parts.message };
  if (parts.empty) return { amount: undefined };
  if (!m && parts.fraction.length > 2) return { error: `${opts.field} has more than two decimals ("${text.trim().slice(0, 40)}"); amounts are kept in whole cents` };
  const cents = roundCents(Number(`${parts.whole}.${parts.fraction || '0'}`) * factor * 100);
  if (cents > MAX_CENTS) return { error: `${opts.field} is too large` };
  return { amount: parts.negative ? -cents / 100 : cents / 100 };
}

/** The currency and rate typed prices are in. */
export function typedMoneyOf(v: TypedPriceValues): ProjectMoney {
  const rate = Number(v.usdRate);
  return v.usdRate !== '' && Number.isFinite(rate) && rate > 0 ? { currency: v.currency, usdRate: v.currency === 'USD' ? 1 : rate, usdRateAsOf: null } : USD;
}

/** What the page keeps the answers in step with: the project's currency and rate. */
export function typedPriceTarget(project: { currency: string; usdRate?: number | null } | null): TypedPriceValues {
  if (!project) return { currency: 'USD', usdRate: '1' };
  const rate = usdRateOf({ currency: project.currency, usdRate: project.usdRate ?? null, usdRateAsOf: null });
  return { currency: project.currency, usdRate: rate === null ? '' : String(rate) };
}

/** The amount typed, in major units of `m`'s currency; undefined when empty. Negative amounts pass: the contract's schema says why they are refused. */
function typedAmount(text: string, field: string, kind: PriceKind, m: ProjectMoney): { amount: number | undefined } | { error: string } {
  const opts = { field, currency: m.currency, allowNegative: true };
  if (kind.kind === 'budget') return scaledAmount(text, { ...opts, examples: `100k, ${formatAmount(100_000, { currency: m.currency })} or 100000 ${m.currency}` });
  if (kind.kind === 'amount') return scaledAmount(text, opts);
  const r = parsePriceText(text, { ...opts, per: kind.per, sample: kind.sample });
  return r.ok ? { amount: r.amount ?? undefined } : { error: r.message };
}

/**
 * The currency and rate a saved plan's prices were typed in: the ones kept with the plan when its
 * estimate was saved, so the prices reopen exactly as typed after the project's rate changed (the
 * page then brings them to today's rate: in the same currency the text stays, only its dollars
 * move). A plan saved before the rate was kept reopens at the project's current rate.
 */
export function savedPriceTarget(saved: { currency: string; usdRate: number | null } | null, project: { currency: string; usdRate?: number | null } | null): TypedPriceValues {
  return typedPriceTarget(saved ?? project);
}

/** A typed price in the estimator's dollars: undefined for an empty field, or the message for the field. */
export function readPriceUsd(text: string, field: string, kind: PriceKind, m: ProjectMoney): { usd: number | undefined } | { error: string } {
  const r = typedAmount(text, field, kind, m);
  if ('error' in r) return r;
  return { usd: r.amount === undefined ? undefined : (projectAmountToUsd(r.amount, m) as number) };
}

/** Dollars as a price field shows them in `m`'s currency: "1200", "1200.50", "0.30", "0.2845". */
export function priceText(usd: number, kind: PriceKind, m: ProjectMoney): string {
  const amount = usdToProjectAmount(usd, m) as number;
  if (kind.kind !== 'unit') {
    const cents = roundCents(amount * 100);
    return cents % 100 === 0 ? String(cents / 100) : (cents / 100).toFixed(2);
  }
  // Four decimals (a tariff's own precision), at least two; no float noise.
  const fixed = amount.toFixed(4).replace(/0{1,2}$/, '');
  return fixed;
}

/**
 * The answers in step with the project's currency and rate. In the same currency typed prices
 * stay as typed (a new rate changes only their dollars); in another one each is carried over
 * through dollars, so it stays the same money. Text that does not read as a price stays as typed.
 */
export function repriceTexts<V extends TypedPriceValues & Record<string, string>>(values: V, fields: ReadonlyArray<readonly [keyof V & string, PriceKind]>, next: TypedPriceValues): V {
  const from = typedMoneyOf(values);
  const to = typedMoneyOf(next);
  const out: V = { ...values, currency: next.currency, usdRate: next.usdRate };
  if (from.currency === to.currency) return out;
  for (const [field, kind] of fields) {
    const r = readPriceUsd(values[field], field, kind, from);
    if ('usd' in r && r.usd !== undefined) out[field] = priceText(r.usd, kind, to) as V[typeof field];
  }
  return out;
}

/**
 * Each typed price beside its dollars, for the line that says which rate the estimate used:
 * ["€1,200 is $1,304", "€0.30 per kWh is $0.326 per kWh"]. Empty in US dollars, and for a field
 * that is empty or does not read as a price (its own message says why).
 */
export function convertedPrices(entries: ReadonlyArray<{ text: string; kind: PriceKind }>, m: ProjectMoney): string[] {
  if (m.currency === 'USD') return [];
  return entries.flatMap(({ text, kind }) => {
    const r = typedAmount(text, 'price', kind, m);
    if ('error' in r || r.amount === undefined) return [];
    const usd = projectAmountToUsd(r.amount, m) as number;
    if (kind.kind !== 'unit') return [`${formatCents(Math.round(r.amount * 100), m.currency)} is ${formatAmount(usd)}`];
    const per = ` per ${kind.per[0]}`;
    return [`${formatAmount(r.amount, { currency: m.currency, perUnit: true })}${per} is ${formatAmount(usd, { perUnit: true })}${per}`];
  });
}

/** The tariff the estimate uses when the field is left empty, in the currency prices are typed in ("€0.156"). */
export function defaultTariffText(m: ProjectMoney): string {
  return formatAmount(usdToProjectAmount(DEFAULT_ELECTRICITY.value.p50, m) as number, { currency: m.currency, perUnit: true });
}

/** The electricity field's hint: an example in the typed currency and what an empty field means. */
export function electricityHint(m: ProjectMoney): string {
  const example = formatAmount(0.3, { currency: m.currency, perUnit: true });
  const us = formatAmount(DEFAULT_ELECTRICITY.value.p50, { perUnit: true });
  return m.currency === 'USD' ? `From your power bill, e.g. ${example}. Empty: the US average, ${us}.` : `From your power bill, e.g. ${example} per kWh. Empty: the US average, ${us} (${defaultTariffText(m)}).`;
}
