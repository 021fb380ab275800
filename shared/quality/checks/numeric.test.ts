/** skewed, outliers and high_correlation. */
import { describe, expect, it } from 'vitest';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { normal, seededRandom } from '../testing/random';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

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
});
