/**
 * One planted defect per check id, all in one table, so a new id cannot ship without a test, and
 * the house rules for findings hold everywhere: a message with numbers, advice, JSON-safe details,
 * shares in [0, 1].
 */
import { describe, expect, it } from 'vitest';
import { CHECK_IDS, type CheckId } from './finding';
import type { CheckReport } from './run-checks';
import { CLEAN_POPULATION, CLEAN_ROLES, cleanCustomers, plant } from './testing/fixtures';
import { findingsOf, runOnRows } from './testing/run-on-rows';

const base = cleanCustomers(1200, 61, 'C', 2025);
const training = cleanCustomers(1200, 62, 'R', 2024);
const roles = { ...CLEAN_ROLES };
const withRef = { ...roles, reference: training };
const every = (k: number) => (i: number) => i % k === 0;

const SCENARIOS: Record<CheckId, () => CheckReport> = {
  missing_values: () => runOnRows(plant(base, 'income', () => null, every(5)), roles),
  disguised_missing: () => runOnRows(plant(base, 'plan', () => 'NA', every(10)), roles),
  duplicate_rows: () => runOnRows([...base, ...base.slice(0, 10)], roles),
  constant_column: () => runOnRows(plant(base, 'currency', () => 'EUR'), roles),
  almost_constant: () => runOnRows(plant(base, 'channel', (_, i) => (i % 100 === 0 ? 'phone' : 'web')), roles),
  unique_identifier: () => runOnRows(plant(base, 'order_ref', (_, i) => `ORD${i}`), roles),
  mixed_types: () => runOnRows(plant(base, 'age', () => 'n/k', every(20)), roles),
  string_variants: () => runOnRows(plant(base, 'region', () => 'North ', every(10)), roles),
  high_cardinality: () => runOnRows(plant(base, 'city', (_, i) => `c${i % 80}`), roles),
  skewed: () => runOnRows(plant(base, 'monthly_spend', () => 5e6, (i) => i < 2), roles),
  outliers: () => runOnRows(plant(base, 'income', () => 9_999_999, every(40)), roles),
  high_correlation: () => runOnRows(plant(base, 'age_months', (r) => (r.age as number) * 12), roles),
  pii: () => runOnRows(plant(base, 'email', (_, i) => `user${i}@example.org`), roles),
  class_imbalance: () => runOnRows(plant(base, 'churned', (_, i) => (i % 30 === 0 ? 'yes' : 'no')), roles),
  conflicting_labels: () => runOnRows([...base, ...base.slice(0, 5).map((r) => ({ ...r, churned: r.churned === 'yes' ? 'no' : 'yes' }))], roles),
  target_leakage: () => runOnRows(plant(base, 'cancel_reason', (r) => (r.churned === 'yes' ? 'price' : '-none-')), roles),
  train_test_overlap: () => runOnRows([...base.slice(0, 1100), ...training.slice(0, 100)], withRef),
  group_leakage: () => runOnRows(plant(base, 'customer_id', (_, i) => training[i].customer_id, every(10)), withRef),
  date_leakage: () => runOnRows(plant(base, 'signup', () => '2024-02-02', every(10)), withRef),
  new_categories: () => runOnRows(plant(base, 'plan', () => 'student', every(10)), withRef),
  new_labels: () => runOnRows(plant(base, 'churned', () => 'unknown', every(10)), withRef),
  drift: () => runOnRows(plant(base, 'monthly_spend', (r) => (r.monthly_spend as number) + 20), withRef),
  representativeness: () => runOnRows(plant(base, 'region', () => 'north', every(2)), { ...roles, population: CLEAN_POPULATION }),
};

describe.each(CHECK_IDS.map((id) => [id]))('%s', (id) => {
  it('fires on its planted defect, with a plain message that has numbers and advice', () => {
    const found = findingsOf(SCENARIOS[id](), id);
    expect(found.length).toBeGreaterThan(0);
    for (const f of found) {
      expect(f.message).toMatch(/\d/);
      expect(f.advice.length).toBeGreaterThan(20);
      expect(JSON.parse(JSON.stringify(f.details))).toEqual(f.details);
      if (f.share !== undefined) {
        expect(f.share).toBeGreaterThanOrEqual(0);
        expect(f.share).toBeLessThanOrEqual(1);
      }
    }
  });
});
