import { describe, expect, it } from 'vitest';
import { addQueued, addToPart, mergeNumericParts, newNumericPart, NUMERIC_SAMPLE_CAP, putSample, sampleValues } from '../profile/numeric-part';
import { ColumnAccumulator } from '../profile/column-accumulator';
import { mergeSamples, ReservoirSlots } from './reservoir';

/** Pearson's statistic of observed counts against equal expected counts. */
function chiSquare(observed: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < observed.length; i++) total += observed[i]!;
  const expected = total / observed.length;
  let x = 0;
  for (let i = 0; i < observed.length; i++) x += (observed[i]! - expected) ** 2 / expected;
  return x;
}

// Upper 0.1% points of the chi-square distribution (scipy.stats.chi2.ppf(0.999, df)): a uniform
// sampler exceeds them in one test run in a thousand; with fixed seeds the outcome is fixed.
const CHI2_999 = { 19: 43.82, 39: 72.05, 1999: 2200.1 };

describe('ReservoirSlots (Li\'s Algorithm L)', () => {
  it('includes every item of a stream equally often over 2,000 seeded runs (chi-square, per item and per stretch of the stream)', () => {
    const n = 2000;
    const k = 100;
    const runs = 2000;
    const perItem = new Float64Array(n);
    for (let seed = 1; seed <= runs; seed++) {
      const r = new ReservoirSlots(k, seed);
      const sample = new Int32Array(k);
      for (let i = 0; i < n; i++) {
        const slot = r.offer();
        if (slot >= 0) sample[slot] = i;
      }
      expect(new Set(sample).size).toBe(k); // k distinct items, every slot filled
      for (const i of sample) perItem[i]++;
    }
    expect(chiSquare(perItem)).toBeLessThan(CHI2_999[1999]);
    // Stretches of 100 items: a lean towards the start or the end of a file shows here first.
    const perStretch = new Float64Array(20);
    perItem.forEach((c, i) => (perStretch[Math.floor(i / 100)]! += c));
    expect(chiSquare(perStretch)).toBeLessThan(CHI2_999[19]);
    // And the statistic is not implausibly small either (a sampler that cycled would be too even).
    expect(chiSquare(perStretch)).toBeGreaterThan(5.4);
  });

  it('takes the slots in order, then replaces about k ln(n / k) times', () => {
    const k = 1000;
    const n = 1_000_000;
    const r = new ReservoirSlots(k, 7);
    let replacements = 0;
    for (let i = 0; i < n; i++) {
      const slot = r.offer();
      if (i < k) expect(slot).toBe(i);
      else if (slot >= 0) replacements++;
    }
    const expected = k * Math.log(n / k);
    // The count is a sum of independent Bernoulli(k / i) draws: sd about sqrt(expected).
    expect(Math.abs(replacements - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });
});

describe('merging samples of two parts of a file (the range threads)', () => {
  it('numeric samples: every value of both parts equally likely to be kept (chi-square over 60 seeded runs)', () => {
    // Two parts of unequal size, each above the cap, so both reservoirs sample and the merge draws.
    const nA = 60_000;
    const nB = 20_000;
    const stretches = new Float64Array(40);
    for (let seed = 1; seed <= 60; seed++) {
      const a = newNumericPart(seed);
      const b = newNumericPart(seed + 1000);
      for (let i = 0; i < nA + nB; i++) {
        const part = i < nA ? a : b;
        const slot = part.slots.offer();
        if (slot >= 0) putSample(part, slot, i);
      }
      const merged = sampleValues(mergeNumericParts(a, b, seed));
      expect(merged.length).toBe(NUMERIC_SAMPLE_CAP);
      for (const v of merged) stretches[Math.floor(v / 2000)]++;
    }
    expect(chiSquare(stretches)).toBeLessThan(CHI2_999[39]);
  });

  it('row samples: the same for the joint row sample', () => {
    const nA = 3000;
    const nB = 1000;
    const k = 500;
    const stretches = new Float64Array(40);
    for (let seed = 1; seed <= 400; seed++) {
      const sampleOf = (from: number, to: number, s: number): number[] => {
        const r = new ReservoirSlots(k, s);
        const out: number[] = [];
        for (let i = from; i < to; i++) {
          const slot = r.offer();
          if (slot >= 0) out[slot] = i;
        }
        return out;
      };
      const merged = mergeSamples(sampleOf(0, nA, seed), nA, sampleOf(nA, nA + nB, seed + 5000), nB, k, seed);
      expect(merged.length).toBe(k);
      for (const v of merged) stretches[Math.floor(v / 100)]++;
    }
    expect(chiSquare(stretches)).toBeLessThan(CHI2_999[39]);
  });
});

describe('queued numeric values (addQueued)', () => {
  it('give the part, and a merge with a part cloned from a thread with values still queued, what adding one by one gives', () => {
    const one = new Float64Array(1);
    const fill = (queued: boolean, seed: number, from: number, to: number) => {
      const part = newNumericPart(seed);
      for (let i = from; i < to; i++) {
        one[0] = Math.sin(i) * 1000;
        if (queued) addQueued(part, one);
        else addToPart(part, one, 0);
      }
      return part;
    };
    const n = NUMERIC_SAMPLE_CAP * 3 + 77; // ends part-way through a queue
    const byValue = fill(false, 3, 0, n);
    const queued = fill(true, 3, 0, n);
    expect(queued.queued).toBeGreaterThan(0);
    expect(Array.from(sampleValues(queued))).toEqual(Array.from(sampleValues(byValue)));
    expect(Array.from(queued.moments)).toEqual(Array.from(byValue.moments));
    // A range thread's column, sent with values queued, revived and merged on the main thread.
    const col = new ColumnAccumulator('x', 5);
    const ref = new ColumnAccumulator('x', 5);
    const later = new ColumnAccumulator('x', 5);
    const enc = new TextEncoder();
    for (let i = 0; i < n; i++) {
      const b = enc.encode(String(Math.round(Math.sin(i) * 1e6) / 1000));
      col.addBytes(b, 0, b.length);
      ref.addBytes(b, 0, b.length);
      later.addBytes(b, 0, b.length);
    }
    expect(later.num.queued).toBeGreaterThan(0);
    col.merge(ColumnAccumulator.revive(structuredClone(later)));
    ref.merge(later);
    expect(Array.from(sampleValues(col.num))).toEqual(Array.from(sampleValues(ref.num)));
    expect(Array.from(col.num.moments)).toEqual(Array.from(ref.num.moments));
  });
});
