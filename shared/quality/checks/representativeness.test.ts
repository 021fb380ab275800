import { describe, expect, it } from 'vitest';
import { CLEAN_POPULATION, CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

const clean = cleanCustomers(2000, 51);
const options = { id: CLEAN_ROLES.id, population: CLEAN_POPULATION };

describe('representativeness', () => {
  it('names the over- and under-represented groups, with chi-square p-value and Cohen\'s w', () => {
    // north 70% instead of 40%; the others shrink accordingly.
    const rows = plant(clean, 'region', (_, i) => (i % 10 < 7 ? 'north' : ['south', 'east', 'west'][i % 3]));
    const [f] = findingsOf(runOnRows(rows, options), 'representativeness');
    expect(f).toMatchObject({ severity: 'warning', column: 'region' });
    expect(f.details.pValue as number).toBeLessThan(1e-10);
    expect(f.details.cohensW as number).toBeGreaterThan(0.3);
    expect(f.message).toMatch(/^Column "region" does not match the population you declared: "north" is 70% of rows but 40% of the population; /);
  });

  it('is an error when a declared group is absent', () => {
    const rows = plant(clean, 'region', (r) => (r.region === 'west' ? 'north' : r.region));
    const [f] = findingsOf(runOnRows(rows, options), 'representativeness');
    expect(f.severity).toBe('error');
    expect(f.message).toContain('"west" is 0% of rows but 10% of the population');
  });

  it('does not flag a tiny difference on a large sample (effect size below 0.1)', () => {
    // 41% / 29% / 20% / 10% on 20,000 rows: p is tiny, w = 0.026.
    const shares = [0.41, 0.29, 0.2, 0.1];
    const rows = Array.from({ length: 20000 }, (_, i) => {
      const u = (i + 0.5) / 20000;
      const k = u < shares[0] ? 0 : u < shares[0] + shares[1] ? 1 : u < 0.9 ? 2 : 3;
      return { region: ['north', 'south', 'east', 'west'][k] };
    });
    expect(findingsOf(runOnRows(rows, { population: CLEAN_POPULATION }), 'representativeness')).toEqual([]);
  });

  it('says so when none of the declared groups appear (a spelling mismatch, usually)', () => {
    const [f] = findingsOf(runOnRows(clean, { population: { region: { North: 0.5, South: 0.5 } } }), 'representativeness');
    expect(f).toMatchObject({ severity: 'error', column: 'region' });
    expect(f.message).toBe('Column "region" contains none of the 2 groups you declared ("North", "South").');
  });

  it('tests only the declared groups when the shares already sum to 1', () => {
    const population = { region: { north: 0.5, south: 0.5 } };
    const rows = plant(clean, 'region', (_, i) => ['east', 'north', 'south'][i % 3]);
    expect(findingsOf(runOnRows(rows, { population }), 'representativeness')).toEqual([]);
  });

  it('is silent on clean data', () => expect(findingsOf(runOnRows(clean, options), 'representativeness')).toEqual([]));
});
