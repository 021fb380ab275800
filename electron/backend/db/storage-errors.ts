import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';

/** SQLite result codes (extended ones start with the primary name) that mean the write hit the disk. */
const WRITE_CODES = /^SQLITE_IOERR_(WRITE|FSYNC|DIR_FSYNC|TRUNCATE|EXTEND|SHMSIZE|SHMMAP|DELETE|CLOSE)$/;

/**
 * The one place where a failure of the storage under the database becomes an error the user can
 * act on. better-sqlite3 throws SqliteError with SQLite's (extended) result code; a full disk
 * (SQLITE_FULL), an I/O error (SQLITE_IOERR_*: a failing or removed disk, a file larger than the
 * system allows) or a file that cannot be written (SQLITE_READONLY_*) would otherwise surface as
 * "internal error". Returns null for anything else. SQLite rolls the failed statement or
 * transaction back, so every message can say that nothing of the change was saved.
 */
export function storageError(error: unknown, dbPath: string): AppError | null {
  if (!(error instanceof Database.SqliteError)) return null;
  const code = error.code;
  if (code === 'SQLITE_FULL') {
    return new AppError('DISK_FULL', `The disk holding ${dbPath} is full, so Tally could not save this change; nothing of it was written and everything saved before is kept. Free some space, then try again.`);
  }
  if (code.startsWith('SQLITE_IOERR')) {
    const verb = WRITE_CODES.test(code) ? 'write' : 'read or write';
    return new AppError(
      'IO_ERROR',
      `Tally could not ${verb} its database ${dbPath}: the system reported an I/O error (${code}). The disk may be full, failing or disconnected, or the file larger than this system allows. Nothing of this change was saved and everything saved before is kept; fix the disk, then try again.`,
    );
  }
  if (code.startsWith('SQLITE_READONLY')) {
    return new AppError('READ_ONLY', `Tally cannot write its database ${dbPath} (${code}): the file or its folder is read-only. Nothing of this change was saved; make it writable, then try again.`);
  }
  return null;
}

/** An AppError as it is, a storage failure as its AppError, anything else null (a bug: INTERNAL). */
export function knownError(error: unknown, dbPath: string): AppError | null {
  return error instanceof AppError ? error : storageError(error, dbPath);
}
