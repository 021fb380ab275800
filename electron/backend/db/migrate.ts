import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';
import type { Migration } from './migrations/types';
import { storageError } from './storage-errors';

export function checksum(m: Migration): string {
  return createHash('sha256').update(`${m.version}\n${m.name}\n${m.sql}`).digest('hex');
}

interface LedgerRow {
  version: number;
  name: string;
  checksum: string;
}

const LEDGER_DDL = `CREATE TABLE IF NOT EXISTS _migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  app_version TEXT NOT NULL
) STRICT`;

/**
 * Reads the migration ledger (SELECTs only, so a refused file is left byte-for-byte as found) and
 * refuses a file written by a newer Tally or one whose applied migrations were edited since.
 * Returns the versions already applied.
 */
export function readLedger(db: Database.Database, file: string, known: readonly Migration[]): number[] {
  let rows: LedgerRow[] = [];
  try {
    const hasLedger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'`).get();
    if (hasLedger) rows = db.prepare('SELECT version, name, checksum FROM _migrations ORDER BY version').all() as LedgerRow[];
  } catch (e) {
    // A damaged file reads as malformed (SQLITE_CORRUPT); a foreign file as "not a database".
    if ((e as { code?: string }).code === 'SQLITE_CORRUPT') {
      throw new AppError('DB_DAMAGED', `${file} is damaged (${(e as Error).message}). It was opened read-only and nothing was written to it.`);
    }
    // A disk that fails under the file is not a foreign file: say what the system reported.
    const storage = storageError(e, file);
    if (storage) throw storage;
    throw new AppError('DB_UNREADABLE', `${file} is not a Tally database (${(e as Error).message}). The file was left as it is.`);
  }
  const byVersion = new Map(known.map((m) => [m.version, m]));
  const latest = known.length ? known[known.length - 1]!.version : 0;
  for (const row of rows) {
    const m = byVersion.get(row.version);
    if (!m) {
      const newest = rows[rows.length - 1]!.version;
      throw new AppError(
        'DB_NEWER_THAN_APP',
        `${file} was written by a newer version of Tally (schema ${newest}; this app knows up to ${latest}). Update Tally to open it. The file was left as it is.`,
      );
    }
    if (checksum(m) !== row.checksum) {
      throw new AppError(
        'MIGRATION_EDITED',
        `Migration ${row.version} (${row.name}) was changed after it was applied to ${file}. This build of Tally cannot safely open the file; use the release that created it. The file was left as it is.`,
      );
    }
  }
  return rows.map((r) => r.version);
}

/** Backup path for a file about to be migrated from `fromVersion`. */
export function backupPath(file: string, fromVersion: number, stamp: string): string {
  return join(dirname(file), 'backups', `${basename(file)}.v${fromVersion}.${stamp.replace(/[:.]/g, '-')}.bak`);
}

/**
 * Applies the pending migrations, safe under any number of processes opening the same file at
 * once: each migration runs in a BEGIN IMMEDIATE transaction that re-reads the ledger after taking
 * the write lock, so what is pending is decided by whoever holds the lock, never from a look taken
 * before it (two processes creating the same table was the failure this rules out). Before the
 * first migration of a file that already holds data, a consistent copy is written (VACUUM INTO,
 * from a second connection: readers are not blocked by the lock in WAL mode, and VACUUM cannot run
 * inside the transaction). Returns the backup path, if this process wrote one.
 */
export function applyPending(
  db: Database.Database,
  file: string,
  known: readonly Migration[],
  opts: { appVersion: string; now: () => Date },
): string | null {
  let backup: string | null = null;
  let appliedHere = 0;
  const record = () => db.prepare('INSERT INTO _migrations (version, name, checksum, applied_at, app_version) VALUES (?, ?, ?, ?, ?)');
  const step = db.transaction((): boolean => {
    const applied = readLedger(db, file, known);
    const done = new Set(applied);
    const next = known.find((m) => !done.has(m.version));
    if (!next) return false;
    const fromVersion = applied.length ? Math.max(...applied) : 0;
    // Only a file that held data before this process touched it is copied, once.
    if (fromVersion > 0 && appliedHere === 0) backup = writeBackup(file, backupPath(file, fromVersion, opts.now().toISOString()));
    db.exec(LEDGER_DDL);
    db.exec(next.sql);
    record().run(next.version, next.name, checksum(next), opts.now().toISOString(), opts.appVersion);
    db.pragma(`user_version = ${next.version}`);
    appliedHere++;
    return true;
  });
  while (step.immediate()) {
    // one migration per transaction, until the ledger read under the lock says nothing is pending
  }
  return backup;
}

/** A consistent copy of `file` written through a separate read-only connection. */
export function writeBackup(file: string, target: string): string {
  mkdirSync(dirname(target), { recursive: true });
  const reader = new Database(file, { readonly: true, fileMustExist: true });
  try {
    reader.prepare('VACUUM INTO ?').run(target);
  } finally {
    reader.close();
  }
  return target;
}
