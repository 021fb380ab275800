import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../../../shared/domain/errors';

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

function writable(path: string): string | null {
  try {
    accessSync(path, constants.W_OK);
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    if (READ_ONLY_CODES.has(code)) return code;
    throw e;
  }
}

/**
 * Whether the workspace can be written, decided before anything tries to (a write into a
 * read-only file or folder surfaced as "internal error"). Returns null when it can, or why not in
 * words for messages. A missing folder is created; one that cannot be created, or a folder that
 * cannot take a new database, is an error with its own message.
 */
export function workspaceWriteProblem(dbPath: string): string | null {
  const dir = dirname(dbPath);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unknown';
    throw new AppError('READ_ONLY', `Tally cannot create its data folder ${dir} (${code}). Choose a folder you can write to with --data-dir, or fix the permissions of its parent.`);
  }
  const dirCode = writable(dir);
  if (!existsSync(dbPath)) {
    if (dirCode) throw new AppError('READ_ONLY', `Tally cannot create its database in ${dir}: the folder is read-only (${dirCode}). Choose a folder you can write to with --data-dir.`);
    return null;
  }
  const fileCode = writable(dbPath);
  if (fileCode) return `the file is read-only (${fileCode})`;
  if (dirCode) return `its folder ${dir} is read-only (${dirCode}), and SQLite needs to write beside the file`;
  return null;
}

/**
 * Whether the open database file can still be written: a file made read-only while Tally has it
 * open keeps taking writes into SQLite's -wal file beside it (the open handles still work) until a
 * checkpoint fails, so the change of mind is only seen by asking. access(2) is cheap (a few
 * microseconds) and sees both permission bits and the immutable attribute. Returns why not, in
 * words, or null.
 */
export function writeProblemNow(dbPath: string): string | null {
  try {
    const code = writable(dbPath);
    return code ? `${dbPath} became read-only while Tally had it open (${code})` : null;
  } catch {
    // Gone or unreachable: SQLite's own error, at the write, says what happened.
    return null;
  }
}
