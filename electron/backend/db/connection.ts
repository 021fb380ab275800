import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { migrations as allMigrations } from './migrations';
import type { Migration } from './migrations/types';
import { applyPending, inspectExisting } from './migrate';

export type Db = Database.Database;

export interface OpenResult {
  db: Db;
  schemaVersion: number;
  backupPath: string | null;
}

/**
 * Opens (creating if needed) a workspace database: refuses newer or edited schemas before
 * writing anything, then WAL, foreign keys, a busy timeout, and the pending migrations.
 */
export function openDatabase(
  file: string,
  opts: { appVersion: string; now: () => Date; migrations?: readonly Migration[] },
): OpenResult {
  const known = opts.migrations ?? allMigrations;
  const applied = inspectExisting(file, known);
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    db.pragma('synchronous = NORMAL');
    const backupPath = applyPending(db, file, applied, known, opts);
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    return { db, schemaVersion, backupPath };
  } catch (e) {
    db.close();
    throw e;
  }
}
