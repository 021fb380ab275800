import { describe, expect, it } from 'vitest';
import { columnAnchorId, formatBytes, missingShare, statusBadge } from './datasets.selectors';

describe('dataset selectors', () => {
  it('badges each status with a meaning', () => {
    expect(statusBadge({ status: 'ok', analysedAt: null })).toMatchObject({ label: 'Never analysed', tone: 'neutral' });
    expect(statusBadge({ status: 'ok', analysedAt: '2026-11-30T00:00:00.000Z' })).toMatchObject({ label: 'OK', tone: 'ok' });
    expect(statusBadge({ status: 'changed', analysedAt: '2026-11-30T00:00:00.000Z' })).toMatchObject({ label: 'Changed', tone: 'warn' });
    expect(statusBadge({ status: 'missing', analysedAt: null })).toMatchObject({ label: 'Missing', tone: 'error' });
  });

  it('formats sizes in binary steps', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(650 * 1024 * 1024)).toBe('650 MB');
  });

  it('counts placeholders as missing', () => {
    expect(missingShare({ count: 80, missing: 15, disguisedMissing: 5 })).toBe(0.2);
    expect(missingShare({ count: 0, missing: 0, disguisedMissing: 0 })).toBe(0);
  });

  it('makes a safe, distinct anchor id from any column name', () => {
    expect(columnAnchorId('customer id')).toMatch(/^column-[A-Za-z0-9_-]+$/);
    expect(columnAnchorId('a b')).not.toBe(columnAnchorId('a_b'));
  });
});
