/**
 * Money and shares in the sentences this folder writes. Amounts are integer cents in the
 * project's currency; Intl does the symbol, grouping and the currency's own decimals. Sentences
 * read better without cents once an amount is large ("€1,000", not "€1,000.00"), so amounts of
 * 100 units or more, and whole amounts, drop them; smaller amounts keep them ("$17.50").
 * The locale defaults to en-US so a sentence is the same on every machine.
 */
export const DEFAULT_LOCALE = 'en-US';

export function formatCents(cents: number, currency: string, locale = DEFAULT_LOCALE): string {
  const whole = Math.abs(cents) >= 10_000 || cents % 100 === 0;
  try {
    const digits = whole ? { minimumFractionDigits: 0, maximumFractionDigits: 0 } : {};
    return new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(whole ? 0 : 2)} ${currency}`;
  }
}

/** "€12–€17", or just "€17" when both ends read the same (no "$17–$17"). */
export function formatCentsRange(low: number, high: number, currency: string, locale = DEFAULT_LOCALE): string {
  const a = formatCents(Math.min(low, high), currency, locale);
  const b = formatCents(Math.max(low, high), currency, locale);
  return a === b ? a : `${a}–${b}`;
}

/**
 * A share as a whole percent, rounded down so a sentence never claims a threshold that was not
 * reached (79.6% reads "79%", not "80%"). Below 1% it keeps one decimal ("0.4%").
 */
export function formatShare(share: number): string {
  const pct = share * 100;
  if (Math.abs(pct) < 1 && pct !== 0) return `${(Math.trunc(pct * 10) / 10).toString()}%`;
  return `${Math.floor(pct + 1e-9)}%`;
}
