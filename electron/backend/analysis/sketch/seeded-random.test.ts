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
});
