import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseQuantity } from './quantity';

const value = (raw: string, opts = {}) => {
  const r = parseQuantity(raw, '--params', opts);
  if (!r.ok) throw new Error(r.message);
  return r.value;
};
const message = (raw: string | undefined, opts = {}) => {
  const r = parseQuantity(raw, '--params', opts);
  return r.ok ? `accepted as ${r.value}` : r.message;
};

describe('parseQuantity', () => {
  it('reads the spellings the issue lists, each as the same decimal value', () => {
    expect(value('7e9')).toBe(7_000_000_000);
    expect(value('7000000000')).toBe(7_000_000_000);
    expect(value('7B')).toBe(7_000_000_000);
    expect(value('7_000_000_000')).toBe(7_000_000_000);
    expect(value('7,000,000,000')).toBe(7_000_000_000);
    expect(value('1.4T')).toBe(1_400_000_000_000);
    expect(value('350M')).toBe(350_000_000);
    expect(value('12k')).toBe(12_000);
    expect(value('12K')).toBe(12_000);
    expect(value('2.5G')).toBe(2_500_000_000);
    expect(value('5.76e23')).toBe(5.76e23);
    expect(value(' 0.45 ')).toBe(0.45);
    expect(value('+8')).toBe(8);
    expect(value('.5')).toBe(0.5);
  });

  it('refuses bad values with a message naming the flag and the text', () => {
    expect(message('-7B')).toBe('--params must not be negative (got "-7B")');
    expect(message('NaN')).toBe('--params must be a finite number (got "NaN")');
    expect(message('Infinity')).toBe('--params must be a finite number (got "Infinity")');
    expect(message('-inf')).toBe('--params must be a finite number (got "-inf")');
    expect(message('')).toBe('--params needs a value, e.g. 7e9, 7B or 1.4T');
    expect(message(undefined)).toBe('--params needs a value, e.g. 7e9, 7B or 1.4T');
    expect(message('seven')).toBe('--params must be a number like 7e9, 7000000000, 7B or 1.4T (got "seven")');
    expect(message('1,5')).toMatch(/^--params must be a number like/);
    expect(message('7 B')).toMatch(/^--params must be a number like/);
    expect(message('0x10')).toMatch(/^--params must be a number like/);
    expect(message('350m')).toBe('--params uses "m": write M for million (1e6) (got "350m")');
    expect(message('1e3k')).toBe('--params uses both an exponent and a suffix; write one of them (got "1e3k")');
    expect(message('1e999')).toBe('--params is too large (got "1e999")');
    expect(message('0')).toBe('--params must be greater than 0 (got "0")');
    expect(message('1.5', { integer: true })).toBe('--params must be a whole number (got "1.5")');
  });

  it('accepts zero only when asked to', () => {
    expect(value('0', { allowZero: true })).toBe(0);
  });

  it('property: any positive safe integer round-trips, plain, underscored, comma-grouped', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), (n) => {
        const plain = String(n);
        const grouped = plain.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        expect(value(plain, { integer: true })).toBe(n);
        expect(value(grouped)).toBe(n);
        expect(value(grouped.replace(/,/g, '_'))).toBe(n);
      }),
      { seed: 20260301, numRuns: 300 },
    );
  });

  it('property: a suffix multiplies by its power of ten, exactly as the e-notation does', () => {
    const suffixes = [['k', 3], ['M', 6], ['B', 9], ['T', 12]] as const;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 3 }), fc.constantFrom(...suffixes), (digits, decimals, [s, e]) => {
        const text = decimals === 0 ? String(digits) : (digits / 10 ** decimals).toFixed(decimals);
        expect(value(`${text}${s}`)).toBe(Number(`${text}e${e}`));
      }),
      { seed: 20260302, numRuns: 300 },
    );
  });

  it('property: never returns NaN, Infinity or a negative number, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (s) => {
        const r = parseQuantity(s, '--x', { allowZero: true });
        if (r.ok) {
          expect(Number.isFinite(r.value)).toBe(true);
          expect(r.value).toBeGreaterThanOrEqual(0);
        } else expect(r.message.startsWith('--x ')).toBe(true);
      }),
      { seed: 20260303, numRuns: 1000 },
    );
  });

  it('property: a leading minus is always refused as negative', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e15, noNaN: true }), (x) => {
        expect(message(`-${x}`)).toMatch(/must not be negative/);
      }),
      { seed: 20260304, numRuns: 200 },
    );
  });
});
