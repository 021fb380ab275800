import { describe, expect, it } from 'vitest';
import { FILES_DROPPED, droppedPaths } from './file-drop';

describe('droppedPaths', () => {
  it('reads the paths of a files-dropped message', () => {
    expect(droppedPaths({ type: FILES_DROPPED, paths: ['/data/train.csv', '/data/test.csv'] })).toEqual(['/data/train.csv', '/data/test.csv']);
  });
  it('ignores other messages and junk entries', () => {
    expect(droppedPaths(null)).toBeNull();
    expect(droppedPaths('tally:files-dropped')).toBeNull();
    expect(droppedPaths({ type: 'other', paths: ['/x'] })).toBeNull();
    expect(droppedPaths({ type: FILES_DROPPED, paths: 'x' })).toBeNull();
    expect(droppedPaths({ type: FILES_DROPPED, paths: [7, '', null] })).toBeNull();
    expect(droppedPaths({ type: FILES_DROPPED, paths: [7, '/ok.csv'] })).toEqual(['/ok.csv']);
  });
  it('caps a huge drop at 50 files', () => {
    expect(droppedPaths({ type: FILES_DROPPED, paths: Array.from({ length: 80 }, (_, i) => `/f${i}.csv`) })).toHaveLength(50);
  });
});
