import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';
import type { Migration } from './migrations/types';

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
 * Reads the ledger of an existing file READ-ONLY and refuses, without writing a byte, a file
 * written by a newer Tally or one whose applied migrations were edited since. Returns the
 * versions already applied.
 */
export function inspectExisting(file: string, known: readonly Migration[]): number[] {
  if (!existsSync(file)) return [];
  // A read-only look at a WAL file creates -wal/-shm companions; remove them again only when this
  // inspection created them and they hold nothing, so a refused file is left exactly as found.
  const companions = [`${file}-wal`, `${file}-shm`].filter((f) => !existsSync(f));
  try {
    return readLedger(file, known);
  } finally {
    const wal = `${file}-wal`;
    if (companions.includes(wal) && existsSync(wal) && statSync(wal).size === 0) {
      for (const f of companions) rmSync(f, { force: true });
    }
  }
}

function readLedger(file: string, known: readonly Migration[]): number[] {
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
  } catch (e) {
    throw new AppError('DB_UNREADABLE', `Tally cannot open ${file}: ${(e as Error).message}. The file was left as it is.`);
  }
  try {
    let rows: LedgerRow[] = [];
    try {
      const hasLedger = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_migrations'`).get();
      if (hasLedger) rows = db.prepare('SELECT version, name, checksum FROM _migrations ORDER BY version').all() as LedgerRow[];
    } catch (e) {
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
  } finally {
    db.close();
  }
}

/** Backup path for a file about to be migrated from `fromVersion`. */
export function backupPath(file: string, fromVersion: number, stamp: string): string {
  return join(dirname(file), 'backups', `${basename(file)}.v${fromVersion}.${stamp.replace(/[:.]/g, '-')}.bak`);
}

/**
 * Applies the pending migrations, each in its own transaction, after writing a consistent copy
 * of the file (VACUUM INTO) when it already held data. Returns the backup path, if any.
 */
export function applyPending(
  db: Database.Database,
  file: string,
  applied: number[],
  known: readonly Migration[],
  opts: { appVersion: string; now: () => Date },
): string | null {
  const done = new Set(applied);
  const pending = known.filter((m) => !done.has(m.version));
  if (pending.length === 0) return null;
  let backup: string | null = null;
  const fromVersion = applied.length ? Math.max(...applied) : 0;
  if (fromVersion > 0) {
    backup = backupPath(file, fromVersion, opts.now().toISOString());
    mkdirSync(dirname(backup), { recursive: true });
    db.prepare('VACUUM INTO ?').run(backup);
  }
  db.exec(LEDGER_DDL);
  const record = db.prepare('INSERT INTO _migrations (version, name, checksum, applied_at, app_version) VALUES (?, ?, ?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.version, m.name, checksum(m), opts.now().toISOString(), opts.appVersion);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return backup;
}
