import { describe, expect, it } from 'vitest';
import { billHeader, guessMapping, mappingInput } from './bill-mapping';

describe('the bill import mapping', () => {
  it('reads the header, quoted cells included', () => {
    expect(billHeader('Invoice date,"Service, name",Cost (USD),Kind\n2026-11-01,GPU,"1,234.56",compute\n')).toEqual({ columns: ['Invoice date', 'Service, name', 'Cost (USD)', 'Kind'] });
    expect(billHeader('')).toEqual({ error: 'The file is empty or has no header line.' });
    expect('error' in billHeader('a,"b\nc')).toBe(true);
  });

  it('guesses which column is which, each used once', () => {
    expect(guessMapping(['Invoice date', 'Service', 'Cost (USD)', 'Kind'])).toEqual({ date: 'Invoice date', description: 'Service', amount: 'Cost (USD)', currency: '', category: 'Kind' });
    expect(guessMapping(['UsageStartDate', 'ProductName', 'Currency', 'UnblendedCost'])).toEqual({ date: 'UsageStartDate', description: 'ProductName', amount: 'UnblendedCost', currency: 'Currency', category: '' });
    expect(guessMapping(['a', 'b'])).toEqual({ date: '', description: '', amount: '', currency: '', category: '' });
  });

  it('asks for the three required columns before it builds the mapping', () => {
    expect(mappingInput({ date: 'd', description: '', amount: '', currency: '', category: '' })).toEqual({ missing: ['description', 'amount'] });
    expect(mappingInput({ date: 'd', description: 's', amount: 'a', currency: '', category: 'k' })).toEqual({ mapping: { date: 'd', description: 's', amount: 'a', category: 'k' } });
  });
});
