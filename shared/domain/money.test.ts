import { describe, expect, it } from 'vitest';
import { formatMoney, fromCents, toCents } from './money';

describe('money', () => {
  it('rounds to integer cents half away from zero', () => {
    expect(toCents(12.345)).toBe(1235);
    expect(toCents(-12.345)).toBe(-1235);
    expect(toCents(0.1 + 0.2)).toBe(30);
    expect(fromCents(1999)).toBe(19.99);
  });
  it('refuses non-finite amounts', () => {
    expect(() => toCents(Number.NaN)).toThrow(/finite/);
    expect(() => toCents(Infinity)).toThrow(/finite/);
  });
  it('formats with the currency, falling back when the code is malformed', () => {
    expect(formatMoney(123456, 'USD', 'en-US')).toBe('$1,234.56');
    expect(formatMoney(100, 'U$', 'en-US')).toBe('1.00 U$');
  });
});
