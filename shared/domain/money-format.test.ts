import { describe, expect, it } from 'vitest';
import { formatAmount, formatAmountRange, rangeIsOneAmount } from './money-format';

describe('the one money format', () => {
  it('whole units from 100 on, cents below unless whole, two significant digits under a cent', () => {
    expect(formatAmount(1234.56)).toBe('$1,235');
    expect(formatAmount(100)).toBe('$100');
    expect(formatAmount(99.5)).toBe('$99.50');
    expect(formatAmount(17.5)).toBe('$17.50');
    expect(formatAmount(17)).toBe('$17');
    expect(formatAmount(17.004)).toBe('$17');
    expect(formatAmount(0.05)).toBe('$0.05');
    expect(formatAmount(0.01)).toBe('$0.01');
    expect(formatAmount(0.000195)).toBe('$0.0002');
    expect(formatAmount(0.00027)).toBe('$0.00027');
    expect(formatAmount(0)).toBe('$0');
    expect(formatAmount(-42.1)).toBe('-$42.10');
  });

  it('estimates drop cents from $10 on and keep two significant digits from 1,000 on', () => {
    expect(formatAmount(12_345, { approx: true })).toBe('$12,000');
    expect(formatAmount(1_549_000, { approx: true })).toBe('$1,500,000');
    expect(formatAmount(999, { approx: true })).toBe('$999');
    expect(formatAmount(63.32, { approx: true })).toBe('$63');
    expect(formatAmount(9.5, { approx: true })).toBe('$9.50');
  });

  it('other currencies by code, their own decimals, and a plain fallback for an unknown code', () => {
    expect(formatAmount(300, { currency: 'EUR' })).toBe('€300');
    expect(formatAmount(16.2, { currency: 'EUR' })).toBe('€16.20');
    expect(formatAmount(17.5, { currency: 'JPY' })).toBe('¥18');
    expect(formatAmount(1234.5, { currency: 'CHF' })).toBe('CHF\u00a01,235');
    expect(formatAmount(17.5, { currency: 'U$' })).toBe('17.50 U$');
    expect(formatAmount(Number.NaN)).toBe('NaN USD');
  });

  it('a price per unit below one keeps three significant digits and at least two decimals', () => {
    expect(formatAmount(0.32608695652173914, { perUnit: true })).toBe('$0.326');
    expect(formatAmount(0.30000000000000004, { currency: 'EUR', perUnit: true })).toBe('€0.30');
    expect(formatAmount(0.17, { perUnit: true })).toBe('$0.17');
    expect(formatAmount(0.0004567, { perUnit: true })).toBe('$0.000457');
    expect(formatAmount(2.495, { currency: 'EUR', perUnit: true })).toBe('€2.50');
  });

  it('a range that does not vary is one amount, never "$17–$17"', () => {
    expect(formatAmountRange(17, 17)).toBe('$17');
    expect(formatAmountRange(16.996, 17.004)).toBe('$17');
    expect(formatAmountRange(12, 17)).toBe('$12–$17');
    expect(formatAmountRange(17, 12)).toBe('$12–$17');
    expect(formatAmountRange(12, 17, { joiner: ' to ' })).toBe('$12 to $17');
    expect(formatAmountRange(12_100, 12_400, { approx: true })).toBe('$12,000');
    expect(rangeIsOneAmount(12_100, 12_400, { approx: true })).toBe(true);
    expect(rangeIsOneAmount(12, 17)).toBe(false);
  });
});
