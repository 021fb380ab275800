import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COUNTING_MIN, DECIMAL_BUCKETS, decimalCounts, decimalCountsByClass, decimalKey, sortScores, writeCounted } from './decimal-counts';

const bits = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

/** Seeded scores written with `digits` decimals, as a file would hold them, parsed back. */
function decimals(n: number, digits: number, seed = 11): Float64Array {
  let s = seed;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = Number((s / 2 ** 32).toFixed(digits));
  }
  return out;
}

describe('decimalKey', () => {
  it('gives k for every decimal m / 10^f (f <= 6) in [0, 1], whatever the digits it was written with', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 1_000_000 }), (f, raw) => {
        const m = raw % (10 ** f + 1);
        // What a reader parses "0.2373" into (an exact mantissa over an exact power of ten) ...
        const parsed = m / 10 ** f;
        const k = m * 10 ** (6 - f);
        // ... is the same double as k / 1e6, and the key finds k.
        expect(parsed).toBe(k / 1e6);
        expect(decimalKey(parsed)).toBe(k);
        expect(decimalKey(Number(parsed.toFixed(f)))).toBe(k);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('refuses values with more decimals, outside [0, 1], -0 and NaN', () => {
    for (const v of [0.1234567, 1 / 3, Math.PI / 4, 1.000001, -0.5, -0, NaN, Infinity, 5e-324]) expect(decimalKey(v)).toBe(-1);
    expect(decimalKey(0)).toBe(0);
    expect(decimalKey(1)).toBe(1_000_000);
  });
});

describe('sortScores', () => {
  it('sorts six-decimal scores by counting, exactly as the built-in sort does', () => {
    const values = decimals(COUNTING_MIN + 5000, 6);
    values[0] = 0;
    values[1] = 1;
    values[2] = 0.5;
    values[3] = 0.5;
    const expected = Float64Array.from(values).sort();
    expect(decimalCounts(values)).not.toBeNull();
    sortScores(values);
    expect(bits(values)).toEqual(bits(expected));
  });

  it('falls back to the radix sort on one value with more decimals, or on -0, with the same order', () => {
    for (const odd of [0.1234567, -0, 1.5]) {
      const values = decimals(COUNTING_MIN + 100, 4, 5);
      values[777] = odd;
      values[778] = 0;
      expect(decimalCounts(values)).toBeNull();
      const expected = Float64Array.from(values).sort();
      sortScores(values);
      expect(bits(values)).toEqual(bits(expected));
    }
  });
});

describe('decimalCountsByClass', () => {
  it('counts each class apart, and writing the counts back gives each class sorted', () => {
    const values = decimals(50_000, 3, 17);
    const codes = Int32Array.from(values, (_, i) => (i * 7919) % 3 === 0 ? 1 : 0);
    const counts = decimalCountsByClass(values, codes, 2)!;
    for (const code of [0, 1]) {
      const mine = Float64Array.from(values.filter((_, i) => codes[i] === code)).sort();
      const out = new Float64Array(mine.length);
      writeCounted(counts.subarray(code * DECIMAL_BUCKETS, (code + 1) * DECIMAL_BUCKETS), out);
      expect(bits(out)).toEqual(bits(mine));
    }
    const withOdd = Float64Array.from(values);
    withOdd[49_999] = 0.0000001;
    expect(decimalCountsByClass(withOdd, codes, 2)).toBeNull();
  });

  it('writeCounted refuses counts that do not fill the array exactly', () => {
    const counts = decimalCounts(Float64Array.from([0.5, 0.25]))!;
    expect(() => writeCounted(counts, new Float64Array(3))).toThrow(RangeError);
    expect(() => writeCounted(counts, new Float64Array(1))).toThrow(RangeError);
  });
});
