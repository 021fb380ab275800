import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseMoneyText, parseRateText } from './money-text';

const budget = { field: 'The monthly budget' };
const cents = (text: string, opts: Parameters<typeof parseMoneyText>[1] = budget) => {
  const r = parseMoneyText(text, opts);
  return r.ok ? { cents: r.cents, currency: r.currency } : r.message;
};

describe('parseMoneyText', () => {
  it('reads the ways an owner writes an amount, with the currency where it is written', () => {
    expect(cents('300 EUR')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('€300')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('300 €')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('300€')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('EUR 300')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('300 eur')).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('£1,200.50')).toEqual({ cents: 120050, currency: 'GBP' });
    expect(cents('1.200,50 €')).toEqual({ cents: 120050, currency: 'EUR' });
    expect(cents('CHF 1\'200')).toEqual({ cents: 120000, currency: 'CHF' });
    expect(cents('300')).toEqual({ cents: 30000, currency: null });
    expect(cents('1 200,5')).toEqual({ cents: 120050, currency: null });
    // Intl's own French output: a narrow no-break space before the sign and as the group mark.
    expect(cents('1\u202f200,50\u00a0€')).toEqual({ cents: 120050, currency: 'EUR' });
    expect(cents('US$16.25')).toEqual({ cents: 1625, currency: 'USD' });
  });

  it('takes a separator followed by three digits as grouping, one or two digits as the decimal mark', () => {
    expect(cents('1,200')).toMatchObject({ cents: 120000 });
    expect(cents('1.200')).toMatchObject({ cents: 120000 });
    expect(cents('1,200,000')).toMatchObject({ cents: 120000000 });
    expect(cents('300,5')).toMatchObject({ cents: 30050 });
    expect(cents('300.05')).toMatchObject({ cents: 30005 });
    expect(cents('.5')).toMatchObject({ cents: 50 });
    expect(cents('0.125')).toBe('The monthly budget has more than two decimals ("0.125"); amounts are kept in whole cents');
    expect(cents('₹12,34,567')).toMatchObject({ cents: 123456700, currency: 'INR' });
    expect(cents('12,3,567')).toBe('The monthly budget must be an amount like 300, $300 or 300 EUR (got "12,3,567")');
  });

  it('reads a bare dollar or yen sign as the project currency that uses it', () => {
    expect(cents('$300', { field: 'x', currency: 'CAD' })).toEqual({ cents: 30000, currency: 'CAD' });
    expect(cents('¥5000', { field: 'x', currency: 'CNY' })).toEqual({ cents: 500000, currency: 'CNY' });
    expect(cents('¥5000')).toEqual({ cents: 500000, currency: 'JPY' });
  });

  it('fills in the project currency and refuses another one, naming the field and both currencies', () => {
    const eur = { field: 'The monthly budget', currency: 'EUR' };
    expect(cents('300', eur)).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('€300', eur)).toEqual({ cents: 30000, currency: 'EUR' });
    expect(cents('$300', eur)).toBe('The monthly budget is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR');
    expect(cents('300 USD €')).toBe('The monthly budget names two currencies (EUR and USD)');
  });

  it('refuses what is not an amount with a message naming the field', () => {
    expect(cents('abc', { field: '--budget' })).toBe('--budget must be an amount like 300, $300 or 300 EUR (got "abc")');
    expect(cents('€', budget)).toBe('The monthly budget must be an amount like 300, $300 or 300 EUR (got "€")');
    expect(cents('3 hundred')).toMatch(/^The monthly budget must be an amount/);
    expect(cents('abc')).toBe('The monthly budget must be an amount like 300, $300 or 300 EUR (got "abc")');
    expect(cents('300 ABC')).toBe('The monthly budget names "ABC", which is not a currency code; use one such as EUR, USD or GBP');
    expect(cents('-20')).toBe('The monthly budget cannot be negative');
    expect(cents('0', { ...budget, positive: true })).toBe('The monthly budget must be more than zero');
    expect(cents('99999999999999999')).toBe('The monthly budget is too large');
  });

  it('keeps refunds negative where they are allowed', () => {
    const ledger = { field: 'The amount', allowNegative: true };
    expect(cents('-€20', ledger)).toEqual({ cents: -2000, currency: 'EUR' });
    expect(cents('€-20', ledger)).toEqual({ cents: -2000, currency: 'EUR' });
    expect(cents('−20.5 EUR', ledger)).toEqual({ cents: -2050, currency: 'EUR' });
    expect(cents('-0', ledger)).toEqual({ cents: 0, currency: null });
  });

  it('leaves an empty field to the caller', () => {
    expect(cents('  ')).toEqual({ cents: null, currency: null });
    expect(cents('', { field: 'x', currency: 'GBP' })).toEqual({ cents: null, currency: 'GBP' });
  });

  it('reads back every amount it formats, exactly (property)', () => {
    // Each locale with the currencies it writes with a sign this parser knows (fr-FR writes "£GB").
    const pairs = [['en-US', 'USD'], ['en-US', 'EUR'], ['en-US', 'GBP'], ['en-GB', 'GBP'], ['en-IE', 'EUR'], ['de-DE', 'EUR'], ['fr-FR', 'EUR'], ['de-CH', 'CHF'], ['en-IN', 'INR']] as const;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.constantFrom(...pairs), (c, [locale, currency]) => {
        const text = new Intl.NumberFormat(locale, { style: 'currency', currency }).format(c / 100);
        const r = parseMoneyText(text, { field: 'x', currency });
        expect(r).toEqual({ ok: true, cents: c, currency });
      }),
      { seed: 20261201, numRuns: 400 },
    );
  });
});

describe('parseRateText', () => {
  it('reads a rate with a point or a comma, and names the field when it cannot', () => {
    expect(parseRateText('0.92', 'The rate')).toEqual({ ok: true, rate: 0.92 });
    expect(parseRateText('0,92', 'The rate')).toEqual({ ok: true, rate: 0.92 });
    expect(parseRateText('', 'The rate')).toEqual({ ok: true, rate: null });
    expect(parseRateText('0', 'The rate')).toEqual({ ok: false, message: 'The rate must be more than zero' });
    expect(parseRateText('-1', 'The rate')).toEqual({ ok: false, message: 'The rate must be a number like 0.92 (got "-1")' });
  });
});
