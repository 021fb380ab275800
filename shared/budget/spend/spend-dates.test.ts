import { describe, expect, it } from 'vitest';
import { dayLabel, dayNumber, isoDay, lastOfMonth, monthsBetween } from './spend-dates';

describe('spend dates', () => {
  it('parses, checks and labels calendar days', () => {
    expect(dayNumber('2026-01-01')).toBe(20_454);
    expect(() => dayNumber('2026-02-29', 'items[2].date')).toThrow(/items\[2\]\.date must be a calendar day written YYYY-MM-DD, got "2026-02-29"/);
    expect(dayNumber('2028-02-29') - dayNumber('2028-02-28')).toBe(1);
    expect(lastOfMonth('2028-02-10')).toBe('2028-02-29');
    expect(lastOfMonth('2026-12-31')).toBe('2026-12-31');
    expect(monthsBetween('2025-11-30', '2026-02-01')).toBe(3);
    expect(dayLabel('2026-04-10')).toBe('10 April 2026');
    for (const bad of ['2026-4-10', '2026-04-1a', '2026/04/10', ' 2026-04-10', '2026-13-01', '2026-00-10', '2026-04-00', '+026-04-10', 20_454 as never]) {
      expect(() => dayNumber(bad)).toThrow(/must be a calendar day/);
    }
  });

  it('day numbers agree with Date.UTC on every day from 1900 to 2100', () => {
    for (let n = Date.UTC(1900, 0, 1) / 86_400_000; n <= Date.UTC(2100, 11, 31) / 86_400_000; n += 1) {
      const day = new Date(n * 86_400_000).toISOString().slice(0, 10);
      if (dayNumber(day) !== n) throw new Error(`${day}: ${dayNumber(day)} != ${n}`);
    }
    expect(() => dayNumber('2100-02-29')).toThrow(/calendar day/);
    expect(dayNumber('2000-02-29') - dayNumber('2000-02-28')).toBe(1);
  });

  it('prints a day number back', () => {
    expect(isoDay(dayNumber('2026-04-10'))).toBe('2026-04-10');
  });
});
