import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { radixSortFloat64 } from './radix-sort';

describe('radixSortFloat64', () => {
  it('orders like the built-in typed-array sort, including -0, infinities and subnormals', () => {
    const special = [0, -0, Infinity, -Infinity, 5e-324, -5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 1, -1];
    const values = new Float64Array(20_000);
    let x = 12345;
    for (let i = 0; i < values.length; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      values[i] = i < special.length ? (special[i] as number) : (x / 2147483648 - 0.3) * 10 ** ((x % 40) - 20);
    }
    const expected = Float64Array.from(values).sort();
    const actual = Float64Array.from(values);
    radixSortFloat64(actual);
    expect(Array.from(actual).map((v) => Object.is(v, -0) ? '-0' : v)).toEqual(Array.from(expected).map((v) => Object.is(v, -0) ? '-0' : v));
  });

  it('carries a payload along with each key, small and large', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true }), { minLength: 0, maxLength: 6000 }), (xs) => {
        const keys = Float64Array.from(xs);
        const payload = Float64Array.from(xs, (v) => v * 2);
        radixSortFloat64(keys, payload);
        for (let i = 1; i < keys.length; i++) expect(keys[i - 1]! <= keys[i]!).toBe(true);
        for (let i = 0; i < keys.length; i++) expect(Object.is(payload[i], keys[i]! * 2)).toBe(true);
      }),
      { numRuns: 30, seed: 7 },
    );
  });

  it('orders like the built-in sort when keys share their high words: ties, near-ties, -0 and +0, long runs', () => {
    // The keys-only sort orders by high words first, then each run of equal high words by its low
    // words: runs of repeated values, of values a few ulps apart, and of values apart only in the
    // low word (beyond the insertion length), mixed with -0, +0, NaN-free specials and plain scores.
    let x = 99;
    const next = () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x / 2147483648;
    };
    const shapes: Record<string, () => number> = {
      ties: () => [0, -0, 1, 0.5, 0.25, 1e-300][Math.floor(next() * 6)]!,
      'ulps apart': () => 0.3 + Math.floor(next() * 64) * 2 ** -54,
      'low word only': () => 1 + Math.floor(next() * 2 ** 20) * 2 ** -52,
      'high word only': () => 0.75 + Math.floor(next() * 2 ** 19) * 2 ** -21,
      'short runs': () => 0.5 + Math.floor(next() * 1000) / 4096 + Math.floor(next() * 8) * 2 ** -50,
      scores: () => next(),
      mixed: () => (next() < 0.5 ? next() : [0, -0, 1, 1 + Math.floor(next() * 100) * 2 ** -52, -next(), Infinity, -Infinity, 5e-324][Math.floor(next() * 8)]!),
    };
    const shown = (a: Float64Array) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : v));
    for (const [name, draw] of Object.entries(shapes)) {
      for (const n of [4096, 5000, 60_000]) {
        const values = Float64Array.from({ length: n }, draw);
        const expected = Float64Array.from(values).sort();
        radixSortFloat64(values);
        expect(shown(values), `${name}, ${n}`).toEqual(shown(expected));
      }
    }
  });
});
