import { describe, expect, it } from 'vitest';
import { validateCheckInput } from './validate-check-input';
import { buildCheckInput } from './testing/build-check-input';
import { CLEAN_ROLES, cleanCustomers, plant } from './testing/fixtures';

describe('validateCheckInput', () => {
  it('accepts what the reference builder produces, even with defects planted', () => {
    const rows = plant(cleanCustomers(300, 71), 'income', () => 'NA', (i) => i % 9 === 0);
    const input = buildCheckInput(rows, { ...CLEAN_ROLES, reference: cleanCustomers(200, 72, 'R', 2023) });
    expect(validateCheckInput(input)).toEqual([]);
  });

  it('names each broken invariant', () => {
    const input = buildCheckInput(cleanCustomers(50, 73));
    const age = input.columns.find((c) => c.name === 'age');
    if (!age?.numeric) throw new Error('fixture has a numeric age');
    age.missing += 1;
    age.numeric.mean = Number.NaN;
    age.numeric.histogram.counts.pop();
    expect(validateCheckInput(input)).toEqual([
      'input.columns[1].numeric.mean is NaN (not JSON-safe)',
      'current column "age": count + missing + disguisedMissing = 51, expected rows = 50',
      'current column "age": histogram has 11 edges for 9 bins',
    ]);
  });
});
