import { describe, expect, it } from 'vitest';
import { formatCents, formatCentsRange, formatShare } from './spend-format';

describe('spend formatting', () => {
  it('writes the currency, drops cents on large or whole amounts, keeps them on small ones', () => {
    expect(formatCents(81_200, 'EUR')).toBe('€812');
    expect(formatCents(100_000, 'EUR')).toBe('€1,000');
    expect(formatCents(81_240, 'EUR')).toBe('€812');
    expect(formatCents(1_750, 'USD')).toBe('$17.50');
    expect(formatCents(1_700, 'USD')).toBe('$17');
    expect(formatCents(-5_000, 'GBP')).toBe('-£50');
    expect(formatCents(123_456, 'CHF')).toBe('CHF\u00a01,235');
    expect(formatCents(1_750, 'JPY')).toBe('¥18');
    expect(formatCents(1_750, 'U$')).toBe('17.50 U$');
  });

  it('a range that does not vary is one amount', () => {
    expect(formatCentsRange(1_700, 1_700, 'USD')).toBe('$17');
    expect(formatCentsRange(1_000_040, 1_000_010, 'USD')).toBe('$10,000');
    expect(formatCentsRange(1_200, 1_700, 'USD')).toBe('$12–$17');
    expect(formatCentsRange(1_700, 1_200, 'USD')).toBe('$12–$17');
  });

  it('shares round down so a threshold is never claimed early', () => {
    expect(formatShare(0.812)).toBe('81%');
    expect(formatShare(0.7999)).toBe('79%');
    expect(formatShare(0.8)).toBe('80%');
    expect(formatShare(1.05)).toBe('105%');
    expect(formatShare(0.004)).toBe('0.4%');
    expect(formatShare(0)).toBe('0%');
  });
});
