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
});
