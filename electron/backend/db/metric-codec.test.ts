import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeColumn, encodeColumn } from './metric-codec';

const roundTrip = (xs: number[]) => {
  const a = Float64Array.from(xs);
  const out = new Float64Array(a.length + 2);
  decodeColumn(encodeColumn(a), a.length, out, 1);
  return out.subarray(1, 1 + a.length);
};
/** Bit for bit: -0 stays -0 and NaN stays NaN. */
const same = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('metric column layouts', () => {
  it('packs regular steps and close timestamps and gives back exactly what it got', () => {
    const steps = Array.from({ length: 1000 }, (_, i) => 10 + 5 * i);
    expect(encodeColumn(Float64Array.from(steps)).length).toBe(17);
    const ts = Array.from({ length: 1000 }, (_, i) => 1_767_225_600_000 + i * 1000 + (i % 3));
    expect(encodeColumn(Float64Array.from(ts)).length).toBe(9 + 4 * 999);
    expect(same(roundTrip(steps), steps)).toBe(true);
    expect(same(roundTrip(ts), ts)).toBe(true);
    const values = [0.5, Number.NaN, Infinity, -Infinity, -0, 0, 1e308, 5e-324];
    expect(encodeColumn(Float64Array.from(values)).length).toBe(1 + 8 * values.length);
    expect(same(roundTrip(values), values)).toBe(true);
    expect(same(roundTrip([0, -0, 0]), [0, -0, 0])).toBe(true);
    expect(same(roundTrip([2 ** 53 - 1, 0, -(2 ** 53) + 1]), [2 ** 53 - 1, 0, -(2 ** 53) + 1])).toBe(true);
    expect(same(roundTrip([0, 3e9, 6e9]), [0, 3e9, 6e9])).toBe(true);
    expect(same(roundTrip([0, 3e9, 5e9]), [0, 3e9, 5e9])).toBe(true);
  });

  it('reads the bare float64 blobs of the first Track schema as they are', () => {
    for (const xs of [[1], [1, 2], [0.5, Number.NaN, -0], Array.from({ length: 100 }, (_, i) => i * 3)]) {
      const legacy = new Uint8Array(Float64Array.from(xs).buffer);
      const out = new Float64Array(xs.length);
      decodeColumn(legacy, xs.length, out, 0);
      expect(same(out, xs)).toBe(true);
    }
  });

  it('round-trips any float64 column and any integer column (property)', () => {
    fc.assert(fc.property(fc.array(fc.double()), (xs) => same(roundTrip(xs), xs)));
    fc.assert(fc.property(fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 })), (xs) => same(roundTrip(xs), xs)));
    fc.assert(fc.property(fc.array(fc.maxSafeInteger()), (xs) => same(roundTrip(xs), xs)));
  });
});
