import { statSync, type Stats } from 'node:fs';
import { AppError } from '../../../../shared/domain/errors';

/** What a path is when it is not a regular file, in words for a message; null for a regular file. */
export function notARegularFile(st: Stats): string | null {
  if (st.isFile()) return null;
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Refuses, before anything opens the path, what is not a regular file: opening a named pipe waits
 * for a writer for ever, a device such as /dev/zero never ends, and a folder cannot be read.
 */
export function requireRegularFile(path: string, field?: string): Stats {
  let st: Stats;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const where = { location: { file: path, ...(field ? { field } : {}) } };
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new AppError('FILE_NOT_FOUND', `${path}: no such file.`, where);
    throw new AppError('FILE_NOT_FOUND', `${path}: cannot be read (${code ?? 'unknown error'}).`, where);
  }
  const what = notARegularFile(st);
  if (what) {
    throw new AppError('UNSUPPORTED', what === 'a folder' ? `${path} is a folder; choose a data file inside it.` : `${path} is ${what}; Tally reads regular data files only.`, {
      location: { file: path, ...(field ? { field } : {}) },
    });
  }
  return st;
}
