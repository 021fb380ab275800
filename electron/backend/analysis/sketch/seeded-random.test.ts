import { describe, expect, it } from 'vitest';
import { ReservoirSlots } from './reservoir';
import { SeededRandom } from './seeded-random';

describe('SeededRandom', () => {
  it('matches the xoshiro128** reference stream for a known state', () => {
    // Reference: Vigna's xoshiro128starstar.c, compiled here with gcc, with s = {1, 2, 3, 4} prints 11520, 0, 5927040, 70819200.
    const r = new SeededRandom(0);
    (r as unknown as { s0: number; s1: number; s2: number; s3: number }).s0 = 1;
    (r as unknown as { s1: number }).s1 = 2;
    (r as unknown as { s2: number }).s2 = 3;
    (r as unknown as { s3: number }).s3 = 4;
    const out = Array.from({ length: 4 }, () => Math.round(r.next() * 4294967296));
    expect(out).toEqual([11520, 0, 5927040, 70819200]);
  });

  it('does not repeat within a long stream and is uniform', () => {
    const r = new SeededRandom(42);
    const seen = new Set<number>();
    const bins = new Array<number>(10).fill(0);
    for (let i = 0; i < 200_000; i++) {
      const u = r.next();
      seen.add(u);
      bins[Math.floor(u * 10)]!++;
    }
    expect(seen.size).toBeGreaterThan(199_990);
    for (const b of bins) expect(Math.abs(b - 20_000)).toBeLessThan(800); // > 5 sigma margin
  });

  it('lets a reservoir sample a sorted file uniformly, not just its first rows', () => {
    const n = 200_000;
    const cap = 4_000;
    const slots = new ReservoirSlots(cap, 7);
    const sample = new Float64Array(cap);
    for (let i = 0; i < n; i++) {
      const s = slots.offer();
      if (s >= 0) sample[s] = i;
    }
    const sorted = Array.from(sample).sort((a, b) => a - b);
    expect(Math.abs(sorted[cap / 2]! - n / 2)).toBeLessThan(n * 0.03);
    expect(Math.abs(sorted[cap / 10]! - n / 10)).toBeLessThan(n * 0.02);
  });

  it('draws the same stream through nextInto as through next and nextOpen', () => {
    const a = new SeededRandom(99);
    const b = new SeededRandom(99);
    const out = new Float64Array(2);
    for (let i = 0; i < 10_000; i++) {
      const open = i % 3 === 0;
      b.nextInto(out, 1, open);
      expect(out[1]).toBe(open ? a.nextOpen() : a.next());
    }
  });

  it('keeps the reservoir decisions the boxed draws made (values from the implementation before nextInto)', () => {
    const r = new SeededRandom(20261205);
    expect([r.next(), r.nextOpen(), r.next()]).toEqual([0.9364418231416494, 0.8646685723215342, 0.5709996330551803]);
    const slots = new ReservoirSlots(100, 7);
    const taken: Array<[number, number]> = [];
    for (let i = 0; i < 100_000; i++) {
      const s = slots.offer();
      if (s >= 0 && i >= 100) taken.push([i, s]);
    }
    expect(taken.length).toBe(634);
    expect(taken.slice(0, 6)).toEqual([[100, 44], [101, 47], [102, 84], [103, 32], [104, 25], [105, 52]]);
    expect(taken.slice(-3)).toEqual([[98257, 28], [99399, 97], [99838, 60]]);
  });
});
