import { readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import type { z } from 'zod';
import { DATA_FILE_EXTENSIONS, type BrowseEntry, type BrowseInput, type BrowseResult } from '../../../shared/contract/files';
import { AppError, invalidInput } from '../../../shared/domain/errors';

/** More entries than this are cut off (and said so) to keep the response small. */
export const BROWSE_LIMIT = 2000;

const DATA_EXTENSIONS = new Set<string>(DATA_FILE_EXTENSIONS);

function byName(a: BrowseEntry, b: BrowseEntry): number {
  return a.name.localeCompare(b.name, undefined, { sensitivity: 'base', numeric: true });
}

/**
 * Lists one folder's subfolders and data files. Read-only: it stats entries, never opens a file.
 * Entries that cannot be stat'ed (broken links, no permission) are skipped, not fatal.
 */
export function browse(input: z.output<typeof BrowseInput>, home: string = homedir()): BrowseResult {
  const raw = input.dir ?? home;
  if (!isAbsolute(raw)) {
    throw invalidInput('dir', `"${raw}" is not an absolute path; give the full folder path.`);
  }
  const dir = resolve(raw);
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new AppError('INVALID_INPUT', `${dir} is a file, not a folder.`, { location: { field: 'dir' } });
    names = readdirSync(dir);
  } catch (e) {
    if (e instanceof AppError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `There is no folder ${dir}.`, { location: { field: 'dir', file: dir } });
    throw new AppError('FORBIDDEN', `Tally cannot open the folder ${dir} (${code ?? 'unknown error'}).`, { location: { field: 'dir', file: dir } });
  }
  const folders: BrowseEntry[] = [];
  const files: BrowseEntry[] = [];
  for (const name of names) {
    if (!input.showHidden && name.startsWith('.')) continue;
    const path = join(dir, name);
    let st;
    try {
      st = statSync(path);
    } catch {
      continue;
    }
    const modifiedAt = Number.isFinite(st.mtimeMs) ? new Date(st.mtimeMs).toISOString() : null;
    if (st.isDirectory()) {
      folders.push({ name, path, kind: 'folder', sizeBytes: null, extension: null, modifiedAt });
    } else if (st.isFile()) {
      const extension = extname(name).slice(1).toLowerCase();
      if (DATA_EXTENSIONS.has(extension)) files.push({ name, path, kind: 'file', sizeBytes: st.size, extension, modifiedAt });
    }
  }
  const entries = [...folders.sort(byName), ...files.sort(byName)];
  const parent = dirname(dir) === dir ? null : dirname(dir);
  return { dir, parent, home, entries: entries.slice(0, BROWSE_LIMIT), truncated: entries.length > BROWSE_LIMIT };
}
