import { describe, expect, it } from 'vitest';
import type { BrowseEntry } from '../../../../shared/contract/files';
import { parseRoute, routeHash, type Route } from '../../stores/navigation';
import { looksLikeFile, pickerKey } from './file-picker';

const entry = (name: string, kind: 'folder' | 'file'): BrowseEntry => ({
  name,
  path: `/home/me/${name}`,
  kind,
  sizeBytes: kind === 'file' ? 100 : null,
  extension: kind === 'file' ? 'csv' : null,
  modifiedAt: null,
});
const entries = [entry('data', 'folder'), entry('train.csv', 'file'), entry('test.csv', 'file')];

describe('file picker keyboard model', () => {
  it('moves within the list and stops at its ends', () => {
    expect(pickerKey('ArrowDown', 0, entries)).toEqual({ kind: 'move', index: 1 });
    expect(pickerKey('ArrowDown', 2, entries)).toEqual({ kind: 'move', index: 2 });
    expect(pickerKey('ArrowUp', 0, entries)).toEqual({ kind: 'move', index: 0 });
    expect(pickerKey('End', 0, entries)).toEqual({ kind: 'move', index: 2 });
    expect(pickerKey('Home', 2, entries)).toEqual({ kind: 'move', index: 0 });
  });

  it('opens a folder and chooses a file on Enter, goes up on Backspace', () => {
    expect(pickerKey('Enter', 0, entries)).toEqual({ kind: 'open', path: '/home/me/data' });
    expect(pickerKey('Enter', 1, entries)).toEqual({ kind: 'choose', path: '/home/me/train.csv' });
    expect(pickerKey('Enter', 0, [])).toEqual({ kind: 'none' });
    expect(pickerKey('Backspace', 1, entries)).toEqual({ kind: 'up' });
    expect(pickerKey('x', 1, entries)).toEqual({ kind: 'none' });
  });

  it('tells a typed file path from a folder', () => {
    expect(looksLikeFile('/data/sales.CSV')).toBe(true);
    expect(looksLikeFile('/data/exports')).toBe(false);
  });
});

describe('data routes', () => {
  it('round-trips every Check route through the hash', () => {
    const routes: Route[] = [
      { page: 'data' },
      { page: 'data', projectId: 'p 1' },
      { page: 'dataset', projectId: 'p1', datasetId: 'd1' },
      { page: 'check', projectId: 'p1' },
      { page: 'check-run', projectId: 'p1', runId: 'r/1' },
    ];
    for (const r of routes) expect(parseRoute(routeHash(r))).toEqual(r);
  });
});
