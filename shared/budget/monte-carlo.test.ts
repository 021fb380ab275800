import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSeededRng } from './seeded-rng';
import { quantileOfSorted, runMonteCarlo } from './monte-carlo';
import { samplerFor } from './uncertain-value';
import { tornado } from './sensitivity';

describe('seeded Monte Carlo', () => {
  it('mulberry32 is deterministic per seed and uniform-looking', () => {
    const a = createSeededRng(1);
    const b = createSeededRng(1);
    const xs = Array.from({ length: 10_000 }, () => a.next());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b.next()));
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.49);
    expect(mean).toBeLessThan(0.51);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
  });
  it('normals have mean 0 and standard deviation 1', () => {
    const r = createSeededRng(3);
    const zs = Array.from({ length: 20_000 }, () => r.normal());
    const mean = zs.reduce((s, x) => s + x, 0) / zs.length;
    const sd = Math.sqrt(zs.reduce((s, x) => s + (x - mean) ** 2, 0) / zs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });
  it('a sampled input reproduces its own P10/P50/P90, skewed or not', () => {
    for (const u of [{ p10: 1, p50: 2, p90: 5 }, { p10: 0.3, p50: 0.4, p90: 0.45 }, { p10: -1, p50: 0, p90: 3 }]) {
      const q = runMonteCarlo({ x: u }, (v) => ({ y: v.x }), ['y'], { samples: 40_000, seed: 11 });
      const tol = (u.p90 - u.p10) * 0.03;
      expect(Math.abs(q.y.p10 - u.p10)).toBeLessThan(tol);
      expect(Math.abs(q.y.p50 - u.p50)).toBeLessThan(tol);
      expect(Math.abs(q.y.p90 - u.p90)).toBeLessThan(tol);
    }
  });
  it('quantiles interpolate linearly like numpy (type 7)', () => {
    const s = Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(quantileOfSorted(s, 0.1)).toBeCloseTo(1.9, 12);
    expect(quantileOfSorted(s, 0.5)).toBe(5.5);
    expect(quantileOfSorted(s, 0.9)).toBeCloseTo(9.1, 12);
  });
  it('samplers are monotone in the normal draw (so P10 <= P50 <= P90 always holds)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), fc.double({ min: 1, max: 3, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (m, lo, hi, z, dz) => {
        const f = samplerFor({ p10: m / lo, p50: m, p90: m * hi });
        expect(f(z + dz)).toBeGreaterThanOrEqual(f(z));
      }),
      { seed: 3 },
    );
  });
  it('tornado ranks inputs by swing and leaves out inputs that do not move the metric', () => {
    const inputs = { price: { p10: 1, p50: 2, p90: 10 }, mfu: { p10: 0.3, p50: 0.4, p90: 0.45 }, fixed: { p10: 5, p50: 5, p90: 5 }, unused: { p10: 1, p50: 2, p90: 3 } };
    const model = (v: Record<keyof typeof inputs, number>) => ({ cost: (v.price * v.fixed) / v.mfu });
    const t = tornado(inputs, model, 'cost');
    expect(t.map((e) => e.input)).toEqual(['price', 'mfu']);
    expect(t[0]?.swing).toBeCloseTo((10 - 1) * 5 / 0.4, 10);
  });
});

describe('quantile selection', () => {
  it('agrees with sorting on any sample, including ties and tiny arrays', async () => {
    const { quantiles10_50_90 } = await import('./monte-carlo');
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 300 }), (arr) => {
        const sorted = Float64Array.from(arr).sort();
        const q = quantiles10_50_90(Float64Array.from(arr));
        expect(q.p10).toBeCloseTo(quantileOfSorted(sorted, 0.1), 9);
        expect(q.p50).toBeCloseTo(quantileOfSorted(sorted, 0.5), 9);
        expect(q.p90).toBeCloseTo(quantileOfSorted(sorted, 0.9), 9);
      }),
      { seed: 3, numRuns: 300 },
    );
  });
});
