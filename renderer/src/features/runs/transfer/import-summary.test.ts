import { describe, expect, it } from 'vitest';
import type { RunImportResult } from '../../../../../shared/contract/runs-io';
import { importHeadline, kindForPath, skippedHeadline, skippedPlace } from './import-summary';

const base: RunImportResult = { kind: 'mlruns', path: '/data/mlruns', experiments: [], runsCreated: 4, runsUpdated: 0, metricPoints: 100_009, duplicatePoints: 0, params: 5, tags: 12, skipped: [], moreSkipped: 0 };

describe('import summary', () => {
  it('says what was imported, refreshed and already there', () => {
    expect(importHeadline(base)).toBe('Imported 4 new runs: 100,009 metric points, 5 params, 12 tags.');
    expect(importHeadline({ ...base, runsCreated: 0, runsUpdated: 1, metricPoints: 0, duplicatePoints: 3, params: 1, tags: 1 })).toBe(
      'Imported 0 new runs, 1 run Tally already had refreshed: 0 metric points (3 points were already there), 1 param, 1 tag.',
    );
    expect(importHeadline({ ...base, runsCreated: 0 })).toBe('Nothing was imported.');
  });

  it('counts skipped entries and places each one relative to the chosen folder', () => {
    expect(skippedHeadline(base)).toBeNull();
    const s = { what: 'metric' as const, path: '/data/mlruns/1/abc/metrics/val_loss', line: 3, field: 'val_loss', reason: 'x' };
    expect(skippedHeadline({ ...base, skipped: [s], moreSkipped: 2 })).toBe('3 entries could not be imported and were skipped; everything else was kept.');
    expect(skippedPlace(s, '/data/mlruns')).toBe('1/abc/metrics/val_loss, line 3 (val_loss)');
    expect(skippedPlace({ ...s, path: '/elsewhere/runs.csv', line: null, field: null }, '/data/mlruns')).toBe('/elsewhere/runs.csv');
  });

  it('guesses the kind from the chosen path', () => {
    expect(['/a/runs.CSV', '/a/runs.json', '/a/mlruns'].map(kindForPath)).toEqual(['csv', 'json', 'mlruns']);
  });
});
