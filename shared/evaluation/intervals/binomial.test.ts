import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { chiSquareSurvival, logGamma } from '../stats';
import { logFactorial, sampleBinomial, sampleMultinomial } from './binomial';

function binomialPmf(n: number, p: number, k: number): number {
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

describe('sampleBinomial', () => {
  it.each([
    [5, 0.3],
    [40, 0.1],
    [200, 0.25],
    [1000, 0.7],
    [100_000, 0.002],
  ])('Binomial(%i, %f) draws fit the exact distribution (chi-square goodness of fit)', (n, p) => {
    const rng = createSeededRng(42);
    const draws = 40_000;
    const mean = n * p;
    const sd = Math.sqrt(n * p * (1 - p));
    const lo = Math.max(0, Math.floor(mean - 4 * sd));
    const hi = Math.min(n, Math.ceil(mean + 4 * sd));
    const observed = new Float64Array(hi - lo + 1);
    let sum = 0;
    for (let i = 0; i < draws; i++) {
      const k = sampleBinomial(n, p, rng);
      expect(k >= 0 && k <= n && Number.isInteger(k)).toBe(true);
      sum += k;
      observed[Math.min(hi, Math.max(lo, k)) - lo]++;
    }
    expect(Math.abs(sum / draws - mean)).toBeLessThan(4 * (sd / Math.sqrt(draws)) + 1e-9);
    // Pool cells with expected count < 5 into their neighbours, then test.
    let chi = 0;
    let cells = 0;
    let accO = 0;
    let accE = 0;
    for (let k = lo; k <= hi; k++) {
      let e = binomialPmf(n, p, k) * draws;
      if (k === lo) for (let j = 0; j < lo; j++) e += binomialPmf(n, p, j) * draws;
      if (k === hi) for (let j = hi + 1; j <= Math.min(n, hi + 200); j++) e += binomialPmf(n, p, j) * draws;
      accO += observed[k - lo] as number;
      accE += e;
      if (accE >= 5 || k === hi) {
        chi += (accO - accE) ** 2 / accE;
        cells++;
        accO = 0;
        accE = 0;
      }
    }
    expect(chiSquareSurvival(chi, cells - 1)).toBeGreaterThan(0.001);
  });
});

describe('logFactorial', () => {
  it('matches log-gamma across the table edge and far beyond', () => {
    for (const k of [0, 1, 10, 255, 256, 257, 1000, 123_456, 9_999_999]) {
      expect(Math.abs(logFactorial(k) - logGamma(k + 1))).toBeLessThanOrEqual(1e-13 * Math.max(1, logGamma(k + 1)));
    }
  });
});

describe('sampleMultinomial', () => {
  it('draws exactly the total, in proportion to the group sizes', () => {
    const rng = createSeededRng(3);
    const sizes = Float64Array.from([10, 0, 30, 60]);
    const out = new Float64Array(4);
    const mean = new Float64Array(4);
    for (let r = 0; r < 5000; r++) {
      sampleMultinomial(100, sizes, out, rng);
      expect(out.reduce((a, b) => a + b, 0)).toBe(100);
      expect(out[1]).toBe(0);
      for (let g = 0; g < 4; g++) mean[g] += (out[g] as number) / 5000;
    }
    expect(mean[0]).toBeCloseTo(10, 0);
    expect(mean[2]).toBeCloseTo(30, 0);
    expect(mean[3]).toBeCloseTo(60, 0);
  });
});
