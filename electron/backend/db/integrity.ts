import type Database from 'better-sqlite3';

export interface IntegrityReport {
  ok: boolean;
  mode: 'quick' | 'full';
  /** SQLite's own findings, at most MAX_PROBLEMS of them ("row 12 missing from index ..."). */
  problems: string[];
}

const MAX_PROBLEMS = 20;

/**
 * PRAGMA quick_check (O(pages), skips index-content cross checks) or integrity_check (everything),
 * plus foreign_key_check. A read error while checking counts as damage: a file whose pages cannot
 * be read is not one to write into.
 */
export function checkIntegrity(db: Database.Database, mode: 'quick' | 'full'): IntegrityReport {
  const problems: string[] = [];
  try {
    const rows = db.prepare(`PRAGMA ${mode === 'full' ? 'integrity_check' : 'quick_check'}(${MAX_PROBLEMS})`).pluck().all() as string[];
    if (!(rows.length === 1 && rows[0] === 'ok')) problems.push(...rows);
    if (problems.length === 0) {
      const fk = db.prepare('PRAGMA foreign_key_check').all() as Array<{ table: string; rowid: number; parent: string }>;
      for (const r of fk.slice(0, MAX_PROBLEMS)) problems.push(`row ${r.rowid} of ${r.table} points to a missing row of ${r.parent}`);
    }
  } catch (e) {
    problems.push((e as Error).message);
  }
  return { ok: problems.length === 0, mode, problems };
}
