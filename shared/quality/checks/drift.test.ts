/** drift: test chosen by size and type as Evidently does, effect sizes, PSI, dataset verdict. */
import { describe, expect, it } from 'vitest';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { buildCheckInput } from '../testing/build-check-input';
import { findingsOf, runOnRows } from '../testing/run-on-rows';
import { runChecks } from '../run-checks';

const roles = { current: 'this month', reference: 'last month' };

describe('drift on large samples (reference > 1000 rows: Wasserstein normed / Jensen-Shannon)', () => {
  const reference = cleanCustomers(3000, 31, 'R', 2024);
  const current = cleanCustomers(3000, 32, 'C', 2025);
  const options = { ...CLEAN_ROLES, reference, roles };

  it('flags income moved up by half a standard deviation, with PSI next to the distance', () => {
    const rows = plant(current, 'income', (r) => (r.income as number) + 4500);
    const report = runOnRows(rows, options);
    const found = findingsOf(report, 'drift');
    expect(found.map((f) => f.column)).toEqual(['income']);
    const [f] = found;
    expect(f.severity).toBe('warning');
    expect(f.details).toMatchObject({ method: 'wasserstein_normed', kind: 'numeric', threshold: 0.1, pValue: null });
    expect(f.details.statistic as number).toBeGreaterThan(0.4);
    expect(f.details.psi as number).toBeGreaterThan(0.1);
    expect(f.message).toMatch(/^Column "income" is distributed differently in the this month data than in the last month data: its values moved further than the limit allows \(Wasserstein distance in reference standard deviations 0\.\d+ against a limit of 0\.1; PSI 0\.\d+, (moderate|major)\)\.$/);
    expect(report.drift?.columns.find((c) => c.column === 'income')?.drifted).toBe(true);
  });

  it('flags a changed category mix by Jensen-Shannon distance', () => {
    const rows = plant(current, 'plan', (_, i) => (i % 2 === 0 ? 'enterprise' : 'basic'));
    const [f] = findingsOf(runOnRows(rows, options), 'drift');
    expect(f).toMatchObject({ column: 'plan', severity: 'warning' });
    expect(f.details.method).toBe('jensen_shannon');
  });

  it('adds a dataset-level error when at least half of the columns drifted (Evidently 0.5)', () => {
    let rows = plant(current, 'income', (r) => (r.income as number) * 1.5);
    rows = plant(rows, 'age', (r) => (r.age as number) + 15);
    rows = plant(rows, 'monthly_spend', (r) => (r.monthly_spend as number) * 2);
    rows = plant(rows, 'plan', () => 'pro');
    const report = runOnRows(rows, options);
    const [first] = findingsOf(report, 'drift');
    expect(first).toMatchObject({ severity: 'error', count: 4 });
    expect(first.column).toBeUndefined();
    expect(first.details).toMatchObject({ driftedColumns: 4, testedColumns: 7, threshold: 0.5 });
    expect(report.drift?.datasetDrift).toBe(true);
  });

  it('is silent on clean data', () => {
    const report = runOnRows(current, options);
    expect(findingsOf(report, 'drift')).toEqual([]);
    expect(report.drift?.columns.map((c) => c.column)).toEqual(['age', 'income', 'region', 'plan', 'tenure_months', 'monthly_spend', 'churned']);
  });
});

describe('drift on small samples (reference <= 1000 rows: KS / chi-square with effect sizes)', () => {
  const reference = cleanCustomers(500, 41, 'R', 2024);
  // Same values, new ids and dates: identical distributions, so nothing may drift.
  const current = reference.map((r, i) => ({ ...r, customer_id: `C${i}`, signup: '2025-03-01' }));
  const options = { ...CLEAN_ROLES, reference, roles };

  it('uses KS for numbers and reports p-value with the KS distance as effect size', () => {
    const rows = plant(current, 'age', (r) => (r.age as number) + 6);
    const [f] = findingsOf(runOnRows(rows, options), 'drift');
    expect(f.column).toBe('age');
    expect(f.details).toMatchObject({ method: 'ks', negligible: false, effectSize: { name: 'ks_d' } });
    expect(f.details.pValue as number).toBeLessThan(1e-6);
    // Plain words first; the test's name stays in brackets and in the details, for analysts.
    expect(f.message).toMatch(/^Column "age" is distributed differently in the this month data than in the last month data: its values differ more than chance would explain \(p (= \d[\d.e-]*|< 1e-16), Kolmogorov-Smirnov test; effect size 0\.\d+; PSI [\d.]+, (minor|moderate|major)\)\.$/);
    expect(f.message).not.toContain('Kolmogorov-Smirnov test:');
    expect(f.details.test).toBe('Kolmogorov-Smirnov test');
  });

  it('uses chi-square for categories, with Cramér\'s V as effect size', () => {
    const rows = plant(current, 'plan', () => 'enterprise', (i) => i % 3 === 0);
    const [f] = findingsOf(runOnRows(rows, options), 'drift');
    expect(f.details).toMatchObject({ method: 'chi_square', test: 'chi-square test', effectSize: { name: 'cramers_v' } });
    expect(f.details.pValue as number).toBeLessThan(0.05);
    expect(f.message).toMatch(/: its mix of categories differs more than chance would explain \(p (= \d[\d.e-]*|< 1e-16), chi-square test over all \d+ categories; effect size 0\.\d+; PSI /);
  });

  it('calls a significant but tiny shift negligible (info), so the p-value alone does not cry wolf', () => {
    const ref = Array.from({ length: 1000 }, (_, i) => ({ x: (i + 0.5) / 1000 }));
    const cur = ref.map((r) => ({ x: r.x + 0.07 }));
    const [f] = findingsOf(runOnRows(cur, { reference: ref, roles }), 'drift');
    expect(f.severity).toBe('info');
    expect(f.details).toMatchObject({ method: 'ks', negligible: true });
    expect(f.details.statistic as number).toBeCloseTo(0.07, 2);
    expect(f.details.pValue as number).toBeLessThan(0.05);
    expect(f.message).toMatch(/^Column "x" differs measurably between the last month and this month data, but only slightly: its values differ more than chance would explain \(p = \d[\d.e-]*, Kolmogorov-Smirnov test; effect size 0\.07\d*; PSI /);
  });

  it('is silent on clean data', () => expect(findingsOf(runOnRows(current, options), 'drift')).toEqual([]));
});

describe('drift evidence in words', () => {
  it('prints a p-value that underflows as "< 1e-16", not "p = 0"', () => {
    const reference = cleanCustomers(800, 41, 'R', 2024);
    const current = plant(cleanCustomers(5000, 42, 'C', 2025), 'income', (r) => (r.income as number) * 3);
    const [f] = findingsOf(runOnRows(current, { ...CLEAN_ROLES, reference, roles }), 'drift').filter((x) => x.column === 'income');
    expect(f.details.pValue).toBe(0);
    expect(f.message).toContain(': its values differ more than chance would explain (p < 1e-16, Kolmogorov-Smirnov test; effect size ');
    expect(f.message).not.toMatch(/p = (0|<)/);
  });

  it('says when the Wasserstein distance was computed on samples rather than every value', () => {
    const reference = cleanCustomers(12_000, 43, 'R', 2024);
    const current = plant(cleanCustomers(12_000, 44, 'C', 2025), 'income', (r) => (r.income as number) + 4500);
    const report = runOnRows(current, { ...CLEAN_ROLES, reference, roles });
    const [f] = findingsOf(report, 'drift').filter((x) => x.column === 'income');
    expect(f.details.sampled).toEqual({ reference: 10_000, current: 10_000 });
    expect(f.message).toContain('on random samples (10,000 of 12,000 last month and 10,000 of 12,000 this month values)');
    // Columns small enough to use every value say nothing about samples.
    const small = runOnRows(plant(cleanCustomers(3000, 32, 'C', 2025), 'income', (r) => (r.income as number) + 4500), { ...CLEAN_ROLES, reference: cleanCustomers(3000, 31, 'R', 2024), roles });
    expect(findingsOf(small, 'drift')[0]?.message).not.toContain('samples');
  });
});

describe('categorical drift beyond the top values', () => {
  it('says it pooled, and how much of each file, when not every category could be counted', () => {
    const shops = (n: number, tail: number) => Array.from({ length: n }, (_, i) => ({ shop: i % 2 === 0 ? 'main' : `shop${(i * 7) % tail}` }));
    const input = buildCheckInput(shops(4000, 300), { reference: shops(4000, 150) });
    expect(input.reference?.categoryCounts?.map((c) => c.column)).toEqual(['shop']);
    // As the engine leaves it when a column has more values than it counts exactly.
    delete input.reference!.categoryCounts;
    const report = runChecks(input, { roles });
    const shop = report.drift!.columns.find((c) => c.column === 'shop')!;
    expect(shop.pooled).toEqual({ reference: expect.any(Number), current: expect.any(Number) });
    const f = findingsOf(report, 'drift').find((x) => x.column === 'shop');
    const words = 'too many categories to count each, so those beyond the most frequent were compared as one pooled category';
    expect(f?.message).toContain(words);
  });
});
