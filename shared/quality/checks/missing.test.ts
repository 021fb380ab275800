import { describe, expect, it } from 'vitest';
import { cleanCustomers, everyKth, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

const clean = cleanCustomers(1000, 1);

describe('missing_values', () => {
  it('reports 10% empty cells as a warning with exact count and share', () => {
    const rows = plant(clean, 'income', () => null, everyKth(10));
    const [f] = findingsOf(runOnRows(rows), 'missing_values');
    expect(f).toMatchObject({ severity: 'warning', column: 'income', count: 100, share: 0.1 });
    expect(f.message).toBe('Column "income" has no value in 100 rows (10% of 1,000).');
  });

  it('is an error only for a mostly empty target; a mostly empty feature stays a warning; under 5% is info', () => {
    const mostly = plant(clean, 'age', () => undefined, (i) => i % 10 < 6);
    const [feature] = findingsOf(runOnRows(mostly, { target: 'churned' }), 'missing_values');
    expect(feature.severity).toBe('warning');
    expect(feature.advice).toMatch(/^Most of "age" is empty: drop the column/);
    const unlabelled = plant(clean, 'churned', () => null, (i) => i % 10 < 6);
    expect(findingsOf(runOnRows(unlabelled, { target: 'churned' }), 'missing_values')[0].severity).toBe('error');
    const few = plant(clean, 'age', () => null, everyKth(50));
    expect(findingsOf(runOnRows(few), 'missing_values')[0]).toMatchObject({ severity: 'info', count: 20 });
  });

  it('is silent on clean data', () => {
    expect(findingsOf(runOnRows(clean), 'missing_values')).toEqual([]);
  });
});

describe('disguised_missing', () => {
  it('names the placeholder tokens and counts them as missing too', () => {
    const rows = plant(clean, 'region', (_, i) => (i % 40 === 0 ? 'N/A' : '?'), everyKth(20));
    const report = runOnRows(rows);
    const [f] = findingsOf(report, 'disguised_missing');
    expect(f).toMatchObject({ severity: 'warning', column: 'region', count: 50, share: 0.05 });
    expect(f.details.tokens).toEqual([
      { value: '?', count: 25 },
      { value: 'n/a', count: 25 },
    ]);
    expect(f.message).toContain('"?", "n/a"');
    expect(findingsOf(report, 'missing_values')[0]).toMatchObject({ column: 'region', count: 50 });
  });

  it('is silent on clean data', () => {
    expect(findingsOf(runOnRows(clean), 'disguised_missing')).toEqual([]);
  });
});

describe('placeholder words decided by the column', () => {
  it('"None" as the commonest answer of a category column is a value; three "None" among many colours are gaps', () => {
    const damage = Array.from({ length: 200 }, (_, i) => ({ damage: i < 150 ? 'None' : ['Minor', 'Medium', 'Substantial'][i % 3]!, colour: i < 3 ? 'None' : ['red', 'green', 'blue', 'black', 'white'][i % 5]! }));
    const report = runOnRows(damage);
    const d = report.findings.filter((f) => f.column === 'damage');
    expect(d).toEqual([]);
    expect(report.notes).toEqual([{ check: 'disguised_missing', message: 'Column "damage": "None" is read as a category, not as a missing value: it is one of the column\'s answers (150 rows, 75% of its values).' }]);
    expect(findingsOf(report, 'disguised_missing').map((f) => [f.column, f.count])).toEqual([['colour', 3]]);
  });
});
