import { amountExamples, readAmountParts, type MoneyTextOptions } from './money-text';

/**
 * A unit price as people type it: "€0.30/kWh", "0,30 € per kWh", "0.2845", "$2.50/h", "EUR 2.495
 * per GPU-hour". The currency rules are money-text.ts's (the field's currency is filled in, another
 * one is refused naming both); what differs is what a price per unit needs:
 *
 * - up to six decimals: tariffs and hourly prices are quoted below the cent ("0.2845 €/kWh");
 * - one lone ',' or '.' is the decimal mark ("0.285" and "2,495" are never thousands);
 * - the unit may follow after "/" or "per" ("/kWh", "per kWh"), and must be the field's own.
 *
 * The amount comes back in major units (euros, dollars), read exactly from the digits typed.
 */
export interface PriceTextOptions extends MoneyTextOptions {
  /** The unit the price is per, as it may be written after "/" or "per" ("kWh"; "hour", "h"); the first names it in messages. */
  per: readonly [string, ...string[]];
  /** A typical price for the examples in messages; default "0.30". */
  sample?: string;
}

export type PriceTextResult = { ok: true; amount: number | null; currency: string | null } | { ok: false; message: string };

/** The most decimals a unit price keeps. */
export const PRICE_DECIMALS = 6;

/** "0.30, €0.30 or 0.30 EUR per kWh": how to write a price in `currency`, for messages. */
export function priceExamples(currency: string | undefined, unit: string, sample = '0.30'): string {
  return amountExamples(currency, sample, ` per ${unit}`);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Parses a price per unit the owner typed; see the file comment for what is accepted. */
export function parsePriceText(text: string, opts: PriceTextOptions): PriceTextResult {
  const unit = opts.per[0];
  const examples = priceExamples(opts.currency, unit, opts.sample);
  const shown = text.trim();
  const fail = (why: string): PriceTextResult => ({ ok: false, message: `${opts.field} ${why}` });
  const units = opts.per.map(escapeRegExp).join('|');
  const withoutUnit = shown.replace(new RegExp(`\\s*(?:/|\\bper\\b)\\s*(?:${units})\\.?$`, 'i'), '');
  // Any other "/..." or "per ..." is a price per something else (per MWh, per month).
  if (/\/|\bper\b/i.test(withoutUnit)) return fail(`must be a price per ${unit}, like ${examples} (got "${shown.slice(0, 40)}")`);
  const parts = readAmountParts(withoutUnit, { ...opts, examples, singleMarkIsDecimal: true });
  if (!parts.ok) return parts;
  if (parts.empty) return { ok: true, amount: null, currency: parts.currency };
  if (parts.fraction.length > PRICE_DECIMALS) return fail(`has more than ${PRICE_DECIMALS} decimals ("${shown.slice(0, 40)}")`);
  const amount = Number(`${parts.whole}.${parts.fraction || '0'}`);
  if (!Number.isFinite(amount) || amount > 1e9) return fail('is too large');
  if (parts.negative && amount !== 0 && !opts.allowNegative) return fail('cannot be negative');
  if (opts.positive && amount === 0) return fail('must be more than zero');
  return { ok: true, amount: parts.negative && amount !== 0 ? -amount : amount, currency: parts.currency };
}
