/** skewed, outliers and high_correlation. */
import { describe, expect, it } from 'vitest';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { normal, seededRandom } from '../testing/random';
import { findingsOf, runOnRows } from '../testing/run-on-rows';
import { pearson, spearman } from '../../evaluation/stats';
import { MAX_CORRELATION_FINDINGS } from './correlation';

const clean = cleanCustomers(3000, 3);
const cleanReport = runOnRows(clean, { id: CLEAN_ROLES.id });

describe('skewed', () => {
  it('flags a column whose few huge values give |skewness| > 20 (ydata-profiling)', () => {
    const rows = plant(clean, 'monthly_spend', () => 1_000_000, (i) => i < 3);
    const [f] = findingsOf(runOnRows(rows), 'skewed');
    expect(f.column).toBe('monthly_spend');
    expect(f.details.skewness as number).toBeGreaterThan(20);
    expect(f.message).toMatch(/^Column "monthly_spend" is very lopsided \(skewness \d+(\.\d+)?\): most values sit near \d+/);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'skewed')).toEqual([]));
});

describe('outliers', () => {
  it('flags 2% of values multiplied by 100 (a unit typo) as a warning', () => {
    const rows = plant(clean, 'income', (r) => (r.income as number) * 100, (i) => i % 50 === 0);
    const [f] = findingsOf(runOnRows(rows), 'outliers');
    expect(f).toMatchObject({ severity: 'warning', column: 'income', count: 60, share: 0.02 });
    expect(f.details.estimatedFromSample).toBe(false);
    expect(f.message).toMatch(/^Column "income" has 60 values \(2%\) far outside the usual range/);
  });

  it('judges a positive, right-skewed column on the log scale: a long natural tail is not "outliers"', () => {
    const random = seededRandom(17);
    const prices = plant(clean, 'price', () => Math.round(Math.exp(normal(random, 5, 0.8)) * 100) / 100);
    expect(findingsOf(runOnRows(prices), 'outliers').filter((f) => f.column === 'price')).toEqual([]);
    const typo = plant(prices, 'price', (r) => (r.price as number) * 1000, (i) => i % 50 === 0);
    const [f] = findingsOf(runOnRows(typo), 'outliers').filter((x) => x.column === 'price');
    expect(f.details.scale).toBe('log');
    expect(f.count).toBeGreaterThanOrEqual(50);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'outliers')).toEqual([]));

  it('zero-heavy amounts (rain): zeros are the natural bound, the rest judged on a log scale; a 9999 sentinel is still caught', () => {
    const random = seededRandom(23);
    const rain = plant(clean, 'rain', () => (random() < 0.6 ? 0 : Math.round(Math.exp(normal(random, 1, 1)) * 10) / 10));
    expect(findingsOf(runOnRows(rain), 'outliers').filter((f) => f.column === 'rain')).toEqual([]);
    const sentinel = plant(rain, 'rain', () => 9999, (i) => i % 100 === 7);
    const [f] = findingsOf(runOnRows(sentinel), 'outliers').filter((x) => x.column === 'rain');
    expect(f.details).toMatchObject({ scale: 'log-positive', lowerFence: null });
    expect(f.count).toBe(30);
    expect(f.message).toContain('Zeros are left aside (the column never goes below them) and the other values judged on a log scale');
  });

  it('right-skewed columns that go below zero (delays): the upper tail on a log scale, the lower side plain', () => {
    const random = seededRandom(29);
    const delays = plant(clean, 'delay', () => Math.round(random() < 0.5 ? -random() * 15 : Math.exp(normal(random, 2.5, 1.1))));
    expect(findingsOf(runOnRows(delays), 'outliers').filter((f) => f.column === 'delay')).toEqual([]);
    const [f] = findingsOf(runOnRows(plant(delays, 'delay', () => 999_999, (i) => i % 100 === 3)), 'outliers').filter((x) => x.column === 'delay');
    expect(f.details.scale).toBe('log-upper');
    expect(f.count).toBe(30);
  });

  it('whole numbers on a short scale (pixel intensities 0-16) are not judged, and a note says why', () => {
    const random = seededRandom(31);
    const pixels = plant(clean, 'pixel', () => (random() < 0.7 ? 0 : Math.floor(random() * 17)));
    const report = runOnRows(pixels);
    expect(findingsOf(report, 'outliers').filter((f) => f.column === 'pixel')).toEqual([]);
    expect(report.notes).toContainEqual({ check: 'outliers', message: 'Not judged on 1 column of whole numbers on a short scale, where every value is a point of the scale and none is far out: "pixel" (0 to 16).' });
  });
});

describe('high_correlation', () => {
  it('flags a numeric near-copy (Spearman) and a recoded category (Cramér V)', () => {
    const codes: Record<string, string> = { north: 'N', south: 'S', east: 'E', west: 'W' };
    let rows = plant(clean, 'yearly_spend', (r, i) => (r.monthly_spend as number) * 12 + (i % 7) * 0.01);
    rows = plant(rows, 'region_code', (r) => codes[r.region as string]);
    const found = findingsOf(runOnRows(rows, { id: CLEAN_ROLES.id }), 'high_correlation');
    expect(found.map((f) => [f.columns, f.details.method])).toEqual([
      [['region', 'region_code'], 'cramers_v'],
      [['monthly_spend', 'yearly_spend'], 'spearman'],
    ]);
    expect(found[1].details.value as number).toBeGreaterThan(0.99);
    expect(found[0].details.value as number).toBeCloseTo(1, 10);
  });

  it('ignores the target and the id (their relations are other checks\' business)', () => {
    const rows = plant(clean, 'churn_flag', (r) => (r.churned === 'yes' ? 'Y' : 'N'));
    const found = findingsOf(runOnRows(rows, { ...CLEAN_ROLES }), 'high_correlation');
    expect(found).toEqual([]);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'high_correlation')).toEqual([]));

  it('gives the same values as scipy-style pairwise Spearman and Pearson, missing cells included', () => {
    const rnd = seededRandom(11);
    const rows = Array.from({ length: 400 }, (_, i) => {
      const x = normal(rnd);
      return { a: x, b: i % 9 === 0 ? null : x * 3 + normal(rnd) * 0.05, c: Math.round(x * 4), d: i % 5 === 0 ? null : -x };
    });
    const sample = runOnRows(rows);
    for (const f of findingsOf(sample, 'high_correlation')) {
      const [u, v] = f.columns as [string, string];
      const pairs = rows.filter((r) => r[u as 'a'] !== null && r[v as 'a'] !== null);
      const x = pairs.map((r) => r[u as 'a'] as number);
      const y = pairs.map((r) => r[v as 'a'] as number);
      expect(f.details.pairs).toBe(pairs.length);
      expect(f.details.value as number).toBeCloseTo(spearman(x, y), 12);
      expect(f.details.pearson as number).toBeCloseTo(pearson(x, y), 12);
    }
    expect(findingsOf(sample, 'high_correlation')).toHaveLength(6);
  });

  it('compares at most 200 columns and lists at most 50 pairs, saying what it left out', () => {
    const rnd = seededRandom(5);
    // 260 numeric columns, each a near-copy of one of 4 signals: thousands of correlated pairs.
    const rows = Array.from({ length: 60 }, () => {
      const signals = [normal(rnd), normal(rnd), normal(rnd), normal(rnd)];
      return Object.fromEntries(Array.from({ length: 260 }, (_, c) => [`f${c}`, signals[c % 4]! + normal(rnd) * 0.001]));
    });
    const report = runOnRows(rows);
    expect(findingsOf(report, 'high_correlation')).toHaveLength(MAX_CORRELATION_FINDINGS);
    const notes = report.notes.filter((n) => n.check === 'high_correlation').map((n) => n.message);
    expect(notes[0]).toBe('Compared 200 of 260 columns for correlation (the 200 with the most distinct values; 19,900 pairs). The other 60 were not compared.');
    expect(notes[1]).toMatch(/^[\d,]+ pairs of columns are highly correlated; the 50 strongest are listed\.$/);
  });
});
