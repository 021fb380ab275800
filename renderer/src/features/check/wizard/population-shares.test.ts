import { describe, expect, it } from 'vitest';
import { parseShare, shareTotals, sharesToPopulation, validateShares, type ShareRow } from './population-shares';

describe('population shares editor', () => {
  it('reads shares as decimals or percentages', () => {
    expect(parseShare('0.4')).toBe(0.4);
    expect(parseShare('40%')).toBe(0.4);
    expect(parseShare(' .25 ')).toBe(0.25);
    expect(parseShare('0,5')).toBe(0.5);
    expect(parseShare('')).toBeNull();
    expect(parseShare('forty')).toBeNull();
  });

  it('accepts shares that add up to 1 per column and builds the population object', () => {
    const rows: ShareRow[] = [
      { column: 'region', group: 'north', share: '0.4' },
      { column: 'region', group: 'south', share: '60%' },
      { column: 'plan', group: 'free', share: '0.333' },
      { column: 'plan', group: 'pro', share: '0.333' },
      { column: 'plan', group: 'team', share: '0.333' },
    ];
    expect(validateShares(rows, ['region', 'plan'])).toEqual({});
    expect(sharesToPopulation(rows)).toEqual({ region: { north: 0.4, south: 0.6 }, plan: { free: 0.333, pro: 0.333, team: 0.333 } });
  });

  it('names the column whose shares do not add up, with the total', () => {
    const rows: ShareRow[] = [
      { column: 'region', group: 'north', share: '0.4' },
      { column: 'region', group: 'south', share: '0.5' },
    ];
    expect(validateShares(rows, ['region'])).toEqual({ 'column.region': 'The shares for region add up to 90%; they must add up to 100%' });
    expect(shareTotals(rows)).toEqual([{ column: 'region', total: 0.9 }]);
  });

  it('flags each bad field on its own row', () => {
    const rows: ShareRow[] = [
      { column: '', group: 'north', share: '0.4' },
      { column: 'region', group: '', share: 'lots' },
      { column: 'regoin', group: 'x', share: '1.5' },
      { column: 'region', group: 'a', share: '0.5' },
      { column: 'region', group: 'a', share: '0.5' },
    ];
    const errors = validateShares(rows, ['region']);
    expect(errors['rows.0.column']).toBe('Choose the column this group belongs to');
    expect(errors['rows.1.group']).toBe('Name the group, e.g. north');
    expect(errors['rows.1.share']).toBe('Enter a share such as 0.4 or 40%');
    expect(errors['rows.2.column']).toBe('The file has no column "regoin"');
    expect(errors['rows.2.share']).toBe('A share is more than 0 and at most 1 (100%)');
    expect(errors['rows.4.group']).toBe('"a" is listed twice for region');
    expect(errors['rows.3.group']).toBeUndefined();
  });
});
