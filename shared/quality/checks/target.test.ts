/** class_imbalance, conflicting_labels and target_leakage. */
import { describe, expect, it } from 'vitest';
import { normal, seededRandom } from '../testing/random';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

const clean = cleanCustomers(2000, 5);
const roles = { ...CLEAN_ROLES };
const cleanReport = runOnRows(clean, roles);

describe('class_imbalance', () => {
  it('warns when the rarest class is under a tenth of the commonest (Deepchecks 0.1)', () => {
    const rows = plant(clean, 'churned', (_, i) => (i % 40 === 0 ? 'yes' : 'no'));
    const [f] = findingsOf(runOnRows(rows, roles), 'class_imbalance');
    expect(f).toMatchObject({ severity: 'warning', column: 'churned', count: 50, share: 0.025 });
    expect(f.details.ratio).toBeCloseTo(50 / 1950, 12);
    expect(f.message).toBe(
      'The target "churned" is unbalanced: the rarest class "yes" has 50 rows (2.5%) against 1,950 (97.5%) for "no", about 1 to 39. A model can score well by ignoring the rare class.',
    );
  });

  it('is an error at worse than 1 to 100', () => {
    const rows = plant(clean, 'churned', (_, i) => (i % 200 === 0 ? 'yes' : 'no'));
    expect(findingsOf(runOnRows(rows, roles), 'class_imbalance')[0].severity).toBe('error');
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'class_imbalance')).toEqual([]));
});

describe('conflicting_labels', () => {
  it('counts rows whose features repeat with a different label', () => {
    const flipped = clean.slice(0, 30).map((r) => ({ ...r, churned: r.churned === 'yes' ? 'no' : 'yes' }));
    const [f] = findingsOf(runOnRows([...clean, ...flipped], roles), 'conflicting_labels');
    expect(f).toMatchObject({ severity: 'warning', column: 'churned', count: 60 });
    expect(f.details).toMatchObject({ conflictingGroups: 30, conflictingRows: 60 });
    expect(f.message).toMatch(/^60 rows \(2\.95%\) have exactly the same inputs as another row but a different "churned" \(30 groups; leaving out the id and time columns, which describe a row rather than feed a model\)/);
  });

  it('is silent on clean data (and on exact duplicates with the same label)', () => {
    expect(findingsOf(cleanReport, 'conflicting_labels')).toEqual([]);
    expect(findingsOf(runOnRows([...clean, ...clean.slice(0, 30)], roles), 'conflicting_labels')).toEqual([]);
  });
});

describe('target_leakage', () => {
  it('flags a category recorded after the outcome (perfect separation) as an error', () => {
    const rows = plant(clean, 'retention_offer', (r) => (r.churned === 'yes' ? 'sent' : 'none'));
    const found = findingsOf(runOnRows(rows, roles), 'target_leakage');
    expect(found.map((f) => [f.column, f.severity])).toEqual([['retention_offer', 'error']]);
    expect(found[0].details.value).toBeCloseTo(1, 10);
    expect(found[0].details).toMatchObject({ grade: 'mapping', mappingPurity: 1, mappingValues: 2 });
    expect(found[0].message).toMatch(/^Column "retention_offer" is almost a copy of the target "churned": each of its 2 values goes with one class in 100% of 2,000 sampled rows \(AUC 1, where 1 is perfect/);
  });

  it('flags a numeric feature that separates the classes (raw-value AUC)', () => {
    const random = seededRandom(9);
    const rows = plant(clean, 'days_since_last_login', (r) => (r.churned === 'yes' ? 40 + normal(random, 0, 5) : 5 + normal(random, 0, 5)));
    const [f] = findingsOf(runOnRows(rows, roles), 'target_leakage');
    expect(f.column).toBe('days_since_last_login');
    expect(f.details.value as number).toBeGreaterThan(0.99);
  });

  it('does not mistake an all-distinct id for a leak (out-of-fold encoding)', () => {
    const report = runOnRows(clean, { target: 'churned' });
    expect(findingsOf(report, 'target_leakage')).toEqual([]);
  });

  it('flags a near-copy of a numeric target by rank correlation', () => {
    const rows = plant(clean, 'spend_next_month', (r, i) => (r.monthly_spend as number) * 1.01 + (i % 3) * 0.001);
    const [f] = findingsOf(runOnRows(rows, { target: 'monthly_spend', id: 'customer_id' }), 'target_leakage');
    expect(f).toMatchObject({ column: 'spend_next_month', severity: 'error' });
    expect(f.details.measure).toBe('spearman');
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'target_leakage')).toEqual([]));
});

describe('target_leakage with a multi-class target', () => {
  it('flags a recoded copy of a three-class target (weighted one-vs-rest AUC)', () => {
    const codes: Record<string, string> = { basic: 'B1', pro: 'P2', enterprise: 'E3' };
    const rows = plant(clean, 'plan_code', (r) => codes[r.plan as string]);
    const found = findingsOf(runOnRows(rows, { target: 'plan', id: 'customer_id' }), 'target_leakage');
    expect(found.map((f) => [f.column, f.severity])).toEqual([['plan_code', 'error']]);
  });

  it('stays quiet for features unrelated to a multi-class target', () => {
    expect(findingsOf(runOnRows(clean, { target: 'plan', id: 'customer_id' }), 'target_leakage')).toEqual([]);
  });
});
