import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/support/temp';
import { defaultReportFolder, freeFileName, saveReportFile } from './report-save';

describe('saving a report into a folder', () => {
  let t: ReturnType<typeof tempDir> | null = null;
  afterEach(() => t?.cleanup());

  it('defaults to Downloads when the home folder has one, else to home', () => {
    t = tempDir();
    expect(defaultReportFolder(t.dir)).toBe(t.dir);
    mkdirSync(join(t.dir, 'Downloads'));
    expect(defaultReportFolder(t.dir)).toBe(join(t.dir, 'Downloads'));
  });

  it('numbers the name until it is free', () => {
    const taken = new Set(['/r/a.html', '/r/a (2).html']);
    expect(freeFileName('/r', 'a.html', (p) => taken.has(p))).toBe('a (3).html');
    expect(freeFileName('/r', 'b.html', (p) => taken.has(p))).toBe('b.html');
  });

  it('writes the whole text and reports path, folder, name and size', () => {
    t = tempDir();
    writeFileSync(join(t.dir, 'r.html'), 'older');
    const saved = saveReportFile('<p>é</p>', 'r.html', undefined, t.dir);
    expect(saved).toEqual({ path: join(t.dir, 'r (2).html'), folder: t.dir, fileName: 'r (2).html', bytes: 9 });
    expect(readFileSync(saved.path, 'utf8')).toBe('<p>é</p>');
    expect(readFileSync(join(t.dir, 'r.html'), 'utf8')).toBe('older');
  });

  it('refuses a file given as the folder, naming it', () => {
    t = tempDir();
    const file = join(t.dir, 'x.csv');
    writeFileSync(file, 'a\n');
    expect(() => saveReportFile('x', 'r.html', file, t!.dir)).toThrow(`${file} is a file, not a folder`);
  });
});
