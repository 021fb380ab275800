import { describe, expect, it } from 'vitest';
import { ageInDays, isValidAsOf } from './as-of-date';

describe('as-of dates', () => {
  it('accepts yyyy-mm and yyyy-mm-dd only, rejecting impossible days', () => {
    expect(isValidAsOf('2025-03')).toBe(true);
    expect(isValidAsOf('2025-03-17')).toBe(true);
    expect(isValidAsOf('2024-02-29')).toBe(true);
    expect(isValidAsOf('2025-02-29')).toBe(false);
    expect(isValidAsOf('2025-13')).toBe(false);
    expect(isValidAsOf('March 2025')).toBe(false);
    expect(isValidAsOf('2025-3-1')).toBe(false);
  });
  it('counts whole days to the given today, month-only dates from their first day', () => {
    expect(ageInDays('2025-03-17', '2025-03-17')).toBe(0);
    expect(ageInDays('2025-03-17', '2026-03-17')).toBe(365);
    expect(ageInDays('2024-02', '2024-03-01')).toBe(29);
    expect(ageInDays('2025-03-17', '2026-11-30T01:52:13Z')).toBe(623);
    expect(ageInDays('2027-01-01', '2026-12-31')).toBe(-1);
  });
  it('throws on malformed input rather than guessing', () => {
    expect(() => ageInDays('soon', '2026-01-01')).toThrow(RangeError);
    expect(() => ageInDays('2025-01', 'today')).toThrow(RangeError);
  });
});
