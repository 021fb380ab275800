import { describe, expect, it } from 'vitest';
import { columnAnchorId, fileBadge, formatBytes, missingShare, verdictBadge } from './datasets.selectors';

describe('dataset selectors', () => {
  it('says whether the file is unchanged, apart from any quality verdict and never in green', () => {
    const checked = '2026-11-30T00:00:00.000Z';
    expect(fileBadge({ status: 'ok', analysedAt: null })).toMatchObject({ label: 'Not checked yet', tone: 'neutral' });
    expect(fileBadge({ status: 'ok', analysedAt: checked })).toMatchObject({ label: 'Unchanged since last check', tone: 'neutral' });
    expect(fileBadge({ status: 'changed', analysedAt: checked })).toMatchObject({ label: 'Changed since last check', tone: 'warn' });
    expect(fileBadge({ status: 'changed', analysedAt: null })).toMatchObject({ label: 'Changed since added', tone: 'warn' });
    expect(fileBadge({ status: 'missing', analysedAt: null })).toMatchObject({ label: 'File missing', tone: 'error' });
  });

  it('gives the latest verdict, saying whether the file was checked or compared with', () => {
    expect(verdictBadge({ latestRunId: null, latestVerdict: null, latestRunRole: null })).toBeNull();
    expect(verdictBadge({ latestRunId: 'r1', latestVerdict: 'fail', latestRunRole: 'checked' })).toEqual({
      label: 'Latest check: Fail',
      tone: 'error',
      meaning: 'Its latest check found errors to fix before training.',
      runId: 'r1',
    });
    expect(verdictBadge({ latestRunId: 'r2', latestVerdict: 'pass', latestRunRole: 'compared' })).toMatchObject({
      label: 'Latest check: Pass',
      tone: 'ok',
      meaning: 'Its latest check, where another file was compared with it, found nothing that should stop training.',
    });
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
