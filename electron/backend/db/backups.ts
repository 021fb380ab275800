import { copyFileSync, existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/domain/errors';
import { checkIntegrity } from './integrity';
import { writeBackup } from './migrate';

export interface BackupInfo {
  name: string;
  path: string;
  sizeBytes: number;
  modifiedAt: string;
  /** From the copy itself: its schema version and whether it passes quick_check. */
  schemaVersion: number | null;
  healthy: boolean;
  projects: number | null;
}

export const BACKUP_DIR = 'backups';
const AUTO_PREFIX = 'auto';
const AUTO_KEEP = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export function backupDir(dbPath: string): string {
  return join(dirname(dbPath), BACKUP_DIR);
}

function describe(path: string): Pick<BackupInfo, 'schemaVersion' | 'healthy' | 'projects'> {
  let db: Database.Database | null = null;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
    const report = checkIntegrity(db, 'quick');
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    let projects: number | null = null;
    try {
      projects = (db.prepare('SELECT count(*) FROM projects').pluck().get() as number) ?? null;
    } catch {
      projects = null;
    }
    return { schemaVersion, healthy: report.ok, projects };
  } catch {
    return { schemaVersion: null, healthy: false, projects: null };
  } finally {
    db?.close();
  }
}

/** Backups of the workspace database, newest first, each opened read-only to say what it holds. */
export function listBackups(dbPath: string): BackupInfo[] {
  const dir = backupDir(dbPath);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.startsWith(basename(dbPath)) && n.endsWith('.bak'))
    .map((name) => {
      const path = join(dir, name);
      const st = statSync(path);
      return { name, path, sizeBytes: st.size, modifiedAt: st.mtime.toISOString(), mtimeMs: st.mtimeMs };
    })
    .sort((a, b) => b.mtimeMs - a.mtimeMs)
    .map(({ mtimeMs: _m, ...b }) => ({ ...b, ...describe(b.path) }));
}

/**
 * A daily safety copy while the app runs (the desktop app and the browser host call this at start):
 * when the newest automatic copy is older than a day, write one, and keep the newest AUTO_KEEP.
 */
export function autoBackup(dbPath: string, now: Date): string | null {
  const dir = backupDir(dbPath);
  const prefix = `${basename(dbPath)}.${AUTO_PREFIX}.`;
  const autos = existsSync(dir)
    ? readdirSync(dir)
        .filter((n) => n.startsWith(prefix) && n.endsWith('.bak'))
        .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
        .sort((a, b) => b.t - a.t)
    : [];
  if (autos[0] && now.getTime() - autos[0].t < DAY_MS) return null;
  const target = join(dir, `${prefix}${now.toISOString().replace(/[:.]/g, '-')}.bak`);
  writeBackup(dbPath, target);
  for (const old of autos.slice(AUTO_KEEP - 1)) rmSync(join(dir, old.n), { force: true });
  return target;
}

/**
 * Puts a backup in place of the database. The damaged file is kept beside it (renamed, with its
 * -wal and -shm, which belong to it), never deleted. The caller has closed its own connection;
 * other Tally windows on the same folder must be closed too (the screen says so).
 */
export function restoreBackup(dbPath: string, name: string, now: Date): { restored: string; keptAs: string } {
  const backups = listBackups(dbPath);
  const chosen = backups.find((b) => b.name === name);
  if (!chosen) throw new AppError('NOT_FOUND', `There is no backup named ${name} in ${backupDir(dbPath)}.`, { location: { field: 'name' } });
  if (!chosen.healthy) throw new AppError('DB_DAMAGED', `The backup ${name} is damaged too; choose another one.`, { location: { field: 'name' } });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const keptAs = `${dbPath}.damaged-${stamp}`;
  const incoming = `${dbPath}.restoring-${stamp}`;
  copyFileSync(chosen.path, incoming);
  if (existsSync(dbPath)) renameSync(dbPath, keptAs);
  for (const suffix of ['-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, keptAs + suffix);
  renameSync(incoming, dbPath);
  return { restored: chosen.path, keptAs };
}
