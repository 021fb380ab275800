/** duplicate_rows, constant_column, almost_constant, unique_identifier, high_cardinality,
 *  mixed_types and string_variants: each planted once, each silent on clean data. */
import { describe, expect, it } from 'vitest';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';
import { hasIdName } from './identifier';

const clean = cleanCustomers(1000, 2);
const cleanReport = runOnRows(clean, { id: CLEAN_ROLES.id });

describe('duplicate_rows', () => {
  it('counts exact repeats of earlier rows', () => {
    const rows = [...clean, ...clean.slice(0, 50)];
    const [f] = findingsOf(runOnRows(rows), 'duplicate_rows');
    expect(f).toMatchObject({ severity: 'warning', count: 50 });
    expect(f.share).toBeCloseTo(50 / 1050, 12);
    expect(f.message).toMatch(/^50 rows \(4\.76% of 1,050\) repeat an earlier row exactly/);
  });

  it('is an error from 20% duplicates', () => {
    const rows = [...clean, ...clean.slice(0, 300)];
    expect(findingsOf(runOnRows(rows), 'duplicate_rows')[0].severity).toBe('error');
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'duplicate_rows')).toEqual([]));
});

describe('constant_column and almost_constant', () => {
  it('flags a single-valued column', () => {
    const rows = plant(clean, 'country', () => 'NL');
    const [f] = findingsOf(runOnRows(rows), 'constant_column');
    expect(f).toMatchObject({ severity: 'warning', column: 'country', count: 1000 });
    expect(findingsOf(runOnRows(rows), 'almost_constant')).toEqual([]);
  });

  it('flags a column that is one value in 98% of rows, without echoing the value', () => {
    const rows = plant(clean, 'source', (_, i) => (i % 50 === 0 ? 'partner' : 'web'));
    const [f] = findingsOf(runOnRows(rows), 'almost_constant');
    expect(f).toMatchObject({ severity: 'info', column: 'source', count: 20, share: 0.98 });
    expect(f.message).toBe('Column "source" has one value in 98% of its filled rows; only 2% differ.');
    expect(JSON.stringify(f)).not.toContain('web');
  });

  it('is silent on clean data', () => {
    expect(findingsOf(cleanReport, 'constant_column')).toEqual([]);
    expect(findingsOf(cleanReport, 'almost_constant')).toEqual([]);
  });
});

describe('unique_identifier and high_cardinality', () => {
  it('flags an undeclared id column but not the declared --id', () => {
    const report = runOnRows(clean);
    const [f] = findingsOf(report, 'unique_identifier');
    expect(f).toMatchObject({ severity: 'warning', column: 'customer_id', count: 1000, share: 1 });
    expect(findingsOf(runOnRows(clean, { id: 'customer_id' }), 'unique_identifier')).toEqual([]);
  });

  it('does not call free text (all different, long) an identifier', () => {
    const rows = plant(clean, 'comment', (_, i) => `Customer called about invoice number ${i} and asked for a refund of the fee`);
    expect(findingsOf(runOnRows(rows, { id: 'customer_id' }), 'unique_identifier')).toEqual([]);
    const short = plant(clean, 'note', (_, i) => `gate code ${1000 + i}`);
    expect(findingsOf(runOnRows(short, { id: 'customer_id' }), 'unique_identifier')).toEqual([]);
  });

  it('recognises id-like column names without catching ordinary words', () => {
    for (const n of ['customer_id', 'ID', 'id_card', 'order no', 'account-number', 'userId', 'orderNo', 'SKU', 'uuid']) expect(hasIdName(n), n).toBe(true);
    for (const n of ['paid', 'valid', 'grid_size', 'casino', 'income', 'keyboard', 'video']) expect(hasIdName(n), n).toBe(false);
  });

  it('tells an integer id (named like one, or a dense row number) from an all-distinct measurement', () => {
    const spread = plant(clean, 'income_cents', (_, i) => 1_000_000 + i * 7919 + ((i * 104729) % 5000));
    expect(findingsOf(runOnRows(spread, { id: 'customer_id' }), 'unique_identifier')).toEqual([]);
    const rowNumber = plant(clean, 'line', (_, i) => 500 + i);
    expect(findingsOf(runOnRows(rowNumber, { id: 'customer_id' }), 'unique_identifier')).toMatchObject([{ column: 'line' }]);
    const named = plant(clean, 'account_no', (_, i) => 1_000_000 + i * 7919);
    expect(findingsOf(runOnRows(named, { id: 'customer_id' }), 'unique_identifier')).toMatchObject([{ column: 'account_no' }]);
  });

  it('flags a categorical column with more than 50 categories', () => {
    const rows = plant(clean, 'city', (_, i) => `city-${(i * 7) % 120}`);
    const [f] = findingsOf(runOnRows(rows, { id: 'customer_id' }), 'high_cardinality');
    expect(f).toMatchObject({ severity: 'info', column: 'city', count: 120 });
    expect(f.message).toContain('120 different categories');
  });

  it('is silent on clean data', () => {
    expect(findingsOf(cleanReport, 'unique_identifier')).toEqual([]);
    expect(findingsOf(cleanReport, 'high_cardinality')).toEqual([]);
  });
});

describe('mixed_types', () => {
  it('flags numbers mixed with 3% text', () => {
    const rows = plant(clean, 'age', () => 'about forty', (i) => i % 100 < 3);
    const [f] = findingsOf(runOnRows(rows), 'mixed_types');
    expect(f).toMatchObject({ severity: 'warning', column: 'age', count: 30, share: 0.03 });
    expect(f.details.kinds).toEqual({ number: 970, date: 0, text: 30 });
    expect(f.message).toContain('mostly numbers, but 30 text values (3%)');
  });

  it('does not call yes/no/maybe a mix of booleans and text', () => {
    const rows = plant(clean, 'answer', (_, i) => ['yes', 'no', 'maybe'][i % 3]);
    expect(findingsOf(runOnRows(rows), 'mixed_types')).toEqual([]);
  });

  it('does not count integers inside a float column as a mix', () => {
    const rows = plant(clean, 'income', (r, i) => (i % 2 === 0 ? Math.round(r.income as number) : r.income));
    expect(findingsOf(runOnRows(rows), 'mixed_types')).toEqual([]);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'mixed_types')).toEqual([]));
});

describe('string_variants', () => {
  it('groups "pro", "Pro", " pro" and "pro." and counts the rows that would merge', () => {
    const variants = ['Pro', ' pro', 'pro.'];
    const rows = plant(clean, 'plan', (_, i) => variants[i % 3], (i) => i % 25 === 0);
    const report = runOnRows(rows);
    const [f] = findingsOf(report, 'string_variants');
    expect(f.column).toBe('plan');
    expect(f.count).toBe(40);
    expect(f.message).toMatch(/^Column "plan" spells the same value in different ways \("pro" vs /);
  });

  it('is silent on clean data', () => expect(findingsOf(cleanReport, 'string_variants')).toEqual([]));
});
