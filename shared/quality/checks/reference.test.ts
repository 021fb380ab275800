/** train_test_overlap, group_leakage, date_leakage, new_categories, new_labels. */
import { describe, expect, it } from 'vitest';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

const training = cleanCustomers(2000, 21, 'R', 2024);
const test = cleanCustomers(1000, 22, 'C', 2025);
const options = { ...CLEAN_ROLES, reference: training, roles: { current: 'test', reference: 'training' } };
const cleanReport = runOnRows(test, options);

describe('train_test_overlap', () => {
  it('reports 12% of test rows copied from training as an error, in the words of the verdict', () => {
    const leaked = [...test.slice(0, 880), ...training.slice(0, 120)];
    const report = runOnRows(leaked, options);
    const [f] = findingsOf(report, 'train_test_overlap');
    expect(f).toMatchObject({ severity: 'error', count: 120, share: 0.12 });
    expect(f.message).toBe('12% of test rows (120 of 1,000) also appear in the training data, so the test score will look better than reality.');
    expect(report.verdict).toBe('fail');
    expect(report.counts).toEqual({ error: 3, warning: 0, info: 0 }); // overlap, and the copied rows' ids and dates
    expect(report.summary.startsWith('Fix before training: 12% of test rows (120 of 1,000) also appear in the training data, so the test score will look better than reality.')).toBe(true);
  });

  it('is a warning under the 5% bar (Deepchecks TrainTestSamplesMix)', () => {
    const leaked = [...test.slice(0, 990), ...training.slice(0, 10)];
    expect(findingsOf(runOnRows(leaked, options), 'train_test_overlap')[0]).toMatchObject({ severity: 'warning', count: 10 });
  });

  it('follows a project override of the threshold', () => {
    const leaked = [...test.slice(0, 990), ...training.slice(0, 10)];
    const strict = runOnRows(leaked, { ...options, thresholds: { trainTestOverlapErrorShare: 0.01 } });
    expect(findingsOf(strict, 'train_test_overlap')[0]).toMatchObject({ severity: 'error', details: { threshold: 0.01 } });
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'train_test_overlap')).toEqual([]));
});

describe('group_leakage', () => {
  it('finds the same customer ids in both files even when their rows differ', () => {
    const rows = plant(test, 'customer_id', (_, i) => training[i].customer_id, (i) => i < 80);
    const [f] = findingsOf(runOnRows(rows, options), 'group_leakage');
    expect(f).toMatchObject({ severity: 'error', column: 'customer_id', count: 80, share: 0.08 });
    expect(f.details).toMatchObject({ sharedIds: 80, currentDistinct: 1000, referenceDistinct: 2000 });
    expect(findingsOf(runOnRows(rows, options), 'train_test_overlap')).toEqual([]);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'group_leakage')).toEqual([]));
});

describe('date_leakage', () => {
  it('reports test rows dated within the training period', () => {
    const rows = plant(test, 'signup', () => '2024-06-01', (i) => i % 10 === 0);
    const [f] = findingsOf(runOnRows(rows, options), 'date_leakage');
    expect(f).toMatchObject({ severity: 'error', column: 'signup', count: 100, share: 0.1 });
    expect(f.message).toMatch(/^10% of test rows \(100\) are dated on or before 2024-12-3\d, the latest "signup" in the training data/);
  });

  it('is silent on clean data (test strictly after training)', () => expect(findingsOf(cleanReport, 'date_leakage')).toEqual([]));
});

describe('id and time roles without a reference', () => {
  it('say in the notes that group and date leakage were not checked, instead of passing in silence', () => {
    const report = runOnRows(test, CLEAN_ROLES);
    expect(report.findings.filter((f) => f.id === 'group_leakage' || f.id === 'date_leakage')).toEqual([]);
    expect(report.notes).toEqual(
      expect.arrayContaining([
        { check: 'group_leakage', message: 'Not checked: the id column "customer_id" was given without a reference file, so no entity could be looked for in both files.' },
        { check: 'date_leakage', message: 'Not checked: the time column "signup" was given without a reference file, so no row could be compared with the reference\'s period.' },
      ]),
    );
    expect(cleanReport.notes.filter((n) => n.check === 'group_leakage' || n.check === 'date_leakage')).toEqual([]);
  });
});

describe('new_categories and new_labels', () => {
  it('reports a region never seen in training', () => {
    const rows = plant(test, 'region', () => 'central', (i) => i % 20 === 0);
    const [f] = findingsOf(runOnRows(rows, options), 'new_categories');
    expect(f).toMatchObject({ severity: 'warning', column: 'region', count: 50, share: 0.05 });
    expect(f.message).toContain('1 category never seen in the training data ("central")');
  });

  it('reports an unseen target class as new_labels, not new_categories', () => {
    const rows = plant(test, 'churned', () => 'paused', (i) => i % 50 === 0);
    const report = runOnRows(rows, options);
    const [f] = findingsOf(report, 'new_labels');
    expect(f).toMatchObject({ severity: 'error', column: 'churned', count: 20, share: 0.02 });
    expect(findingsOf(report, 'new_categories')).toEqual([]);
  });

  it('does not treat new ids or free text as new categories', () => {
    expect(findingsOf(runOnRows(test, { ...options, id: undefined }), 'new_categories')).toEqual([]);
  });

  it('is silent on clean data', () => {
    expect(findingsOf(cleanReport, 'new_categories')).toEqual([]);
    expect(findingsOf(cleanReport, 'new_labels')).toEqual([]);
  });
});
