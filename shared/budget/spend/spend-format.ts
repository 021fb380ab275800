import { formatAmount, formatAmountRange, MONEY_LOCALE } from '../../domain/money-format';

/**
 * Money and shares in the sentences this folder writes. Amounts are integer cents in the
 * project's currency, written by Tally's one money format (shared/domain/money-format.ts):
 * whole units from 100 on or when whole ("€1,000", "$17"), cents below ("$17.50").
 * The locale defaults to en-US so a sentence is the same on every machine.
 */
export const DEFAULT_LOCALE = MONEY_LOCALE;

export function formatCents(cents: number, currency: string, locale = DEFAULT_LOCALE): string {
  return formatAmount(cents / 100, { currency, locale });
}

/** "€12–€17", or just "€17" when both ends read the same (no "$17–$17"). */
export function formatCentsRange(low: number, high: number, currency: string, locale = DEFAULT_LOCALE): string {
  return formatAmountRange(low / 100, high / 100, { currency, locale });
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
