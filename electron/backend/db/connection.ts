import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { applyPending, readLedger } from './migrate';
import { checkIntegrity, type IntegrityReport } from './integrity';

export type Db = Database.Database;

export interface OpenResult {
  db: Db;
  schemaVersion: number;
  backupPath: string | null;
  /** The start-up check of the file. When it failed, `db` is read-only and nothing was written. */
  integrity: IntegrityReport;
}

export interface OpenOptions {
  appVersion: string;
  now: () => Date;
  migrations?: readonly Migration[];
  /** Run the full integrity_check instead of quick_check (asked for, or after an unclean shutdown). */
  fullCheck?: boolean;
  /** The file or its folder cannot be written: open read-only, refuse to migrate. */
  readOnly?: string;
}

const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a workspace database. Order matters, and every step is safe while
 * other Tally processes open the same file: (1) read-only looks: the migration ledger (a newer or
 * edited schema is refused and the file left byte-identical) and an integrity check (a damaged
 * file is reopened read-only and never written); (2) WAL, foreign keys, busy timeout; (3) the
 * pending migrations under the write lock. SQLite's own -wal/-shm files are never touched here.
 */
export function openDatabase(file: string, opts: OpenOptions): OpenResult {
  const known = opts.migrations ?? allMigrations;
  if (opts.readOnly) return openReadOnlyWorkspace(file, known, opts, opts.readOnly);
  mkdirSync(dirname(file), { recursive: true });
  let db: Db;
  try {
    db = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  } catch (e) {
    throw new AppError('DB_UNREADABLE', `Tally cannot open ${file}: ${(e as Error).message}. The file was left as it is.`);
  }
  try {
    const integrity = ledgerThenIntegrity(db, file, known, opts.fullCheck ? 'full' : 'quick');
    if (!integrity.ok) {
      db.close();
      const readonly = openReadonly(file);
      const schemaVersion = safeUserVersion(readonly);
      return { db: readonly, schemaVersion, backupPath: null, integrity };
    }
    setJournalModeWal(db);
    db.pragma('foreign_keys = ON');
    db.pragma('synchronous = NORMAL');
    const backupPath = applyPending(db, file, known, opts);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { db, schemaVersion, backupPath, integrity };
  } catch (e) {
    if (db.open) db.close();
    throw e;
  }
}

/** A workspace that cannot be written: checked, never migrated, held open read-only. */
function openReadOnlyWorkspace(file: string, known: readonly Migration[], opts: OpenOptions, why: string): OpenResult {
  let db: Db;
  try {
    db = openReadonly(file);
  } catch (e) {
    throw new AppError('READ_ONLY', `Tally cannot read ${file}: ${why}, and SQLite could not open it read-only (${(e as Error).message}).`);
  }
  try {
    const integrity = ledgerThenIntegrity(db, file, known, opts.fullCheck ? 'full' : 'quick');
    const applied = integrity.ok ? readLedger(db, file, known) : [];
    if (integrity.ok && known.some((m) => !applied.includes(m.version))) {
      throw new AppError('READ_ONLY', `${file} was made by an older Tally and needs upgrading, but ${why}. Make it writable, then open it again.`);
    }
    return { db, schemaVersion: safeUserVersion(db), backupPath: null, integrity };
  } catch (e) {
    db.close();
    throw e;
  }
}

/** A connection that cannot write: how a damaged or read-only file is held open. */
export function openReadonly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
}

/**
 * Switching to WAL needs a moment of exclusive access; when another process holds the file SQLite
 * answers with the old mode instead of waiting, so retry until the file reports WAL (set by us or
 * by the other process).
 */
function setJournalModeWal(db: Db): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    const mode = db.pragma('journal_mode = WAL', { simple: true });
    if (mode === 'wal') return;
    if (Date.now() > deadline) throw new AppError('DB_UNREADABLE', `Tally could not switch the database to WAL mode (it stayed in ${String(mode)} mode): another program may hold it open.`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
  }
}

/** The ledger refusals first (they must leave the file untouched), then the integrity check. */
function ledgerThenIntegrity(db: Db, file: string, known: readonly Migration[], mode: 'quick' | 'full'): IntegrityReport {
  try {
    readLedger(db, file, known);
  } catch (e) {
    if (e instanceof AppError && e.code === 'DB_DAMAGED') return { ok: false, mode, problems: [e.message] };
    throw e;
  }
  return checkIntegrity(db, mode);
}

function safeUserVersion(db: Db): number {
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } catch {
    return 0;
  }
}
