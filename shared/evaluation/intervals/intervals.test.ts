/**
 * Intervals against known answers: Wilson against scipy (test/fixtures/eval/wilson.json values
 * copied here), the grouped bootstrap's resample statistics against the exact metrics of the same
 * resample, and bootstrap widths against closed-form standard errors (DeLong for AUC, the standard
 * error of a mean for MAE) on generated data.
 */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { evaluateBinary } from '../metrics/binary-report';
import { evaluateRegression } from '../metrics/regression-report';
import { rankScores } from '../metrics/score-ranking';
import { groupedBinaryStats } from './grouped-binary-stats';
import { groupScores } from './score-groups';
import { Z95, wilsonInterval } from './wilson';
import { medianOf } from './row-resampling';

describe('Wilson interval', () => {
  // scipy 1.10: binomtest(k, n).proportion_ci(confidence_level=0.95, method='wilson')
  it.each([
    [0, 10, 0.0, 0.27753279986288926],
    [10, 10, 0.7224672001371109, 1.0],
    [81, 263, 0.2552885198782742, 0.36620957698280004],
    [15, 148, 0.06238639953073629, 0.16048724172330803],
    [29, 30, 0.8332960900859083, 0.9940914096183875],
    [3, 7, 0.1582198552514697, 0.7495416354723428],
  ])('%i of %i', (k, n, low, high) => {
    const ci = wilsonInterval(k, n);
    expect(ci?.low).toBeCloseTo(low, 12);
    expect(ci?.high).toBeCloseTo(high, 12);
  });

  it('is null for n = 0 and uses z = 1.959963984540054', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(Z95).toBe(1.959963984540054);
  });
});

function binormal(n: number, seed: number, prevalence = 0.3, shift = 1.2) {
  const rng = createSeededRng(seed);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < prevalence ? 1 : 0;
    s[i] = 1 / (1 + Math.exp(-(rng.normal() + (y[i] ? shift : 0))));
  }
  return { y, s };
}

/** DeLong's variance of the AUC (placement values), the textbook closed form. */
function delongSe(y: Uint8Array, s: Float64Array): number {
  const pos = [...s].filter((_, i) => y[i] === 1).sort((a, b) => a - b);
  const neg = [...s].filter((_, i) => y[i] === 0).sort((a, b) => a - b);
  const below = (arr: number[], v: number) => {
    let lo = 0, hi = arr.length;
    while (lo < hi) { const m = (lo + hi) >> 1; if ((arr[m] as number) < v) lo = m + 1; else hi = m; }
    let eq = lo;
    while (eq < arr.length && arr[eq] === v) eq++;
    return lo + (eq - lo) / 2;
  };
  const v10 = pos.map((v) => below(neg, v) / neg.length);
  const v01 = neg.map((v) => 1 - below(pos, v) / pos.length);
  const variance = (xs: number[]) => { const m = xs.reduce((a, b) => a + b, 0) / xs.length; return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1); };
  return Math.sqrt(variance(v10) / pos.length + variance(v01) / neg.length);
}

describe('grouped bootstrap', () => {
  it('computes the same metrics as the report for any resample when groups are exact', () => {
    const rng = createSeededRng(5);
    const n = 400;
    const y = new Uint8Array(n);
    const s = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      y[i] = rng.next() < 0.4 ? 1 : 0;
      s[i] = Math.min(1, Math.round((rng.next() + (y[i] ? 0.3 : 0)) * 40) / 40); // many ties
    }
    const r = rankScores(s, y);
    const g = groupScores(r, 0.5, true);
    expect(g.exact).toBe(true);
    // A resample: group counts, then the same multiplicities spread onto rows as weights.
    const pos = new Float64Array(g.size);
    const neg = new Float64Array(g.size);
    for (let q = 0; q < g.size; q++) {
      pos[q] = Math.floor(rng.next() * 3 * (g.positive.rows[q] as number));
      neg[q] = Math.floor(rng.next() * 3 * (g.negative.rows[q] as number));
    }
    const weights = new Float64Array(n);
    const left = { pos: Float64Array.from(pos), neg: Float64Array.from(neg) };
    for (let i = 0; i < n; i++) {
      const q = Array.from(g.top).indexOf(s[i] as number);
      const bucket = y[i] ? left.pos : left.neg;
      weights[i] = bucket[q] as number;
      bucket[q] = 0;
    }
    const exact = evaluateBinary({ isPositive: y, scores: s, weights }).metrics;
    const stats = { f1: 0, balancedAccuracy: 0, rocAuc: 0, averagePrecision: 0, logLoss: 0, brier: 0 };
    groupedBinaryStats(g, pos, neg, 0, stats);
    for (const k of Object.keys(stats) as (keyof typeof stats)[]) expect(stats[k], k).toBeCloseTo(exact[k] as number, 12);
  });

  it.each([
    ['exact groups (few distinct scores)', 3000, true],
    ['quantile groups (50,000 distinct scores)', 50_000, false],
  ])('gives an AUC interval as wide as DeLong predicts: %s', (_name, n, rounded) => {
    const { y, s } = binormal(n, 11);
    if (rounded) for (let i = 0; i < n; i++) s[i] = Math.round((s[i] as number) * 500) / 500;
    const report = evaluateBinary({ isPositive: y, scores: s }, { intervals: true });
    const ci = report.intervals?.rocAuc;
    expect(ci).not.toBeNull();
    const width = (ci?.high as number) - (ci?.low as number);
    const expected = 2 * Z95 * delongSe(y, s);
    expect(width / expected).toBeGreaterThan(0.85);
    expect(width / expected).toBeLessThan(1.15);
    expect(ci?.low).toBeLessThanOrEqual(report.metrics.rocAuc as number);
    expect(ci?.high).toBeGreaterThanOrEqual(report.metrics.rocAuc as number);
  });
});

describe('row bootstrap for regression', () => {
  it.each([
    ['n out of n', 20_000],
    ['m out of n (above 100,000 rows)', 300_000],
  ])('gives an MAE interval as wide as the standard error of a mean predicts: %s', (_name, n) => {
    const rng = createSeededRng(9);
    const yTrue = new Float64Array(n);
    const yPred = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      yTrue[i] = 100 + 20 * rng.normal();
      yPred[i] = (yTrue[i] as number) + 5 * rng.normal();
    }
    const report = evaluateRegression({ yTrue, yPred }, { intervals: true });
    let m = 0, v = 0;
    for (let i = 0; i < n; i++) m += Math.abs((yTrue[i] as number) - (yPred[i] as number)) / n;
    for (let i = 0; i < n; i++) v += (Math.abs((yTrue[i] as number) - (yPred[i] as number)) - m) ** 2 / (n - 1);
    const expected = 2 * Z95 * Math.sqrt(v / n);
    const ci = report.intervals?.mae;
    const width = (ci?.high as number) - (ci?.low as number);
    expect(width / expected).toBeGreaterThan(0.85);
    expect(width / expected).toBeLessThan(1.15);
  });

  it('selects the median as np.median does', () => {
    const rng = createSeededRng(2);
    for (let len = 1; len < 60; len++) {
      const xs = Float64Array.from({ length: len }, () => Math.round(rng.next() * 20));
      const sorted = Float64Array.from(xs).sort();
      const h = len >> 1;
      const expected = len % 2 ? sorted[h] : ((sorted[h - 1] as number) + (sorted[h] as number)) / 2;
      expect(medianOf(xs, len)).toBe(expected);
    }
  });
});
