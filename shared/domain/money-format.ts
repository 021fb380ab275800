/**
 * The one way Tally writes an amount of money in a sentence, a table cell or a CLI report, for
 * amounts in major units (dollars, euros) as estimates and prices give them. Ledger values in
 * integer cents go through the same rule (`formatCents` in shared/budget/spend/spend-format.ts
 * divides by 100 and calls this).
 *
 * - 100 units and more: whole units with grouping ("$1,234"); cents would be noise.
 * - below 100: two decimals ("$17.50"), or none when the amount is whole ("$17").
 * - below one cent (a price per request or per token): two significant digits ("$0.00042"),
 *   so a small price never reads as "$0.00".
 * - `approx`: an estimate (it comes with a range), so no cents from $10 on ("$63", not "$63.32")
 *   and two significant digits from 1,000 on ("$12,000", not "$12,345"): the range already says
 *   those digits are noise.
 *
 * - `perUnit`: a price per kWh or per hour below one unit keeps three significant digits and at
 *   least two decimals ("$0.326", "€0.30"): a tariff's third decimal is what the owner typed.
 *
 * Intl writes the symbol and the grouping; the locale defaults to en-US so a sentence reads the
 * same on every machine. An unknown currency code falls back to "17.50 XYZ".
 */
export const MONEY_LOCALE = 'en-US';

export interface AmountOptions {
  /** ISO 4217 code; default USD (catalog prices and estimates are in US dollars). */
  currency?: string;
  locale?: string;
  /** The amount is an estimate: whole units from 10 on, two significant digits from 1,000 on. */
  approx?: boolean;
  /** A price per unit (per kWh, per hour): below 1, three significant digits, at least two decimals. */
  perUnit?: boolean;
}

function roundSignificant(x: number, digits: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(digits));
}

export function formatAmount(amount: number, options: AmountOptions = {}): string {
  const currency = options.currency ?? 'USD';
  const locale = options.locale ?? MONEY_LOCALE;
  if (!Number.isFinite(amount)) return `${String(amount)} ${currency}`;
  const a = Math.abs(amount);
  const value = options.approx && a >= 1000 ? roundSignificant(amount, 2) : amount;
  const whole = a >= 100 || (options.approx === true && a >= 10) || Math.abs(Math.round(value * 100) - Math.round(value) * 100) === 0;
  if (options.perUnit && a > 0 && a < 1) {
    const price = roundSignificant(amount, 3);
    try {
      return new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 6 }).format(price);
    } catch {
      return `${String(price)} ${currency}`;
    }
  }
  const tiny = a > 0 && a < 0.01;
  // Otherwise the currency's own decimals: two for USD and EUR, none for JPY.
  const digits: Intl.NumberFormatOptions = tiny ? { maximumSignificantDigits: 2 } : whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits }).format(value);
  } catch {
    const text = tiny ? String(roundSignificant(value, 2)) : value.toFixed(whole ? 0 : 2);
    return `${text} ${currency}`;
  }
}

/**
 * A likely range: "$12–$17", or one amount when both ends read the same ("$17", never "$17–$17").
 * `joiner` lets a sentence say "$12 to $17".
 */
export function formatAmountRange(low: number, high: number, options: AmountOptions & { joiner?: string } = {}): string {
  const a = formatAmount(Math.min(low, high), options);
  const b = formatAmount(Math.max(low, high), options);
  return a === b ? a : `${a}${options.joiner ?? '–'}${b}`;
}

/** True when a range would print as one amount: the caller can then drop "likely ...". */
export function rangeIsOneAmount(low: number, high: number, options: AmountOptions = {}): boolean {
  return formatAmount(low, options) === formatAmount(high, options);
}
