/**
 * Money is stored and carried as integer cents. Floats appear only inside estimates (which are
 * ranges anyway) and are rounded to cents at the edge where they become a ledger value.
 */
export type Cents = number & { readonly __brand: 'Cents' };

export function cents(n: number): Cents {
  if (!Number.isSafeInteger(n)) throw new RangeError(`cents must be a safe integer, got ${n}`);
  return n as Cents;
}

/** Dollars (or any major unit) to integer cents, rounding half away from zero. */
export function toCents(amount: number): Cents {
  if (!Number.isFinite(amount)) throw new RangeError(`amount must be finite, got ${amount}`);
  return cents(Math.sign(amount) * Math.round(Math.abs(amount) * 100));
}

export function fromCents(c: number): number {
  return c / 100;
}

/** ISO 4217 codes offered in the UI; any 3-letter upper-case code is accepted by the contract. */
export const COMMON_CURRENCIES = ['USD', 'EUR', 'GBP', 'CHF', 'JPY', 'CAD', 'AUD', 'INR', 'CNY', 'SEK'] as const;

export function formatMoney(c: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(fromCents(c));
  } catch {
    return `${fromCents(c).toFixed(2)} ${currency}`;
  }
}
