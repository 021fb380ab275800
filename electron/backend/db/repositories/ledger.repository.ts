import type { LedgerEntry } from '../../../../shared/contract/ledger';
import type { Db } from '../connection';

const COLUMNS = `id, project_id AS projectId, date, amount_cents AS amountCents, currency, fx_rate AS fxRate,
  project_amount_cents AS projectAmountCents, category, source, description, import_key AS importKey,
  created_at AS createdAt, updated_at AS updatedAt`;

export function listLedger(db: Db, projectId: string, from?: string, to?: string): LedgerEntry[] {
  const where = ['project_id = ?'];
  const args: unknown[] = [projectId];
  if (from) {
    where.push('date >= ?');
    args.push(from);
  }
  if (to) {
    where.push('date <= ?');
    args.push(to);
  }
  return db.prepare(`SELECT ${COLUMNS} FROM ledger_entries WHERE ${where.join(' AND ')} ORDER BY date, created_at, id`).all(...args) as LedgerEntry[];
}

export function getLedgerEntry(db: Db, id: string): LedgerEntry | undefined {
  return db.prepare(`SELECT ${COLUMNS} FROM ledger_entries WHERE id = ?`).get(id) as LedgerEntry | undefined;
}

/** Inserts an entry; false when an entry with the same import key is already in the project. */
export function insertLedgerEntry(db: Db, e: LedgerEntry): boolean {
  const r = db
    .prepare(
      `INSERT INTO ledger_entries (id, project_id, date, amount_cents, currency, fx_rate, project_amount_cents, category, source, description, import_key, created_at, updated_at)
       VALUES (@id, @projectId, @date, @amountCents, @currency, @fxRate, @projectAmountCents, @category, @source, @description, @importKey, @createdAt, @updatedAt)
       ON CONFLICT (project_id, import_key) DO NOTHING`,
    )
    .run(e);
  return r.changes === 1;
}

export function updateLedgerEntry(db: Db, e: LedgerEntry): void {
  db.prepare(
    `UPDATE ledger_entries SET date = @date, amount_cents = @amountCents, currency = @currency, fx_rate = @fxRate,
       project_amount_cents = @projectAmountCents, category = @category, description = @description, updated_at = @updatedAt WHERE id = @id`,
  ).run(e);
}

export function deleteLedgerEntry(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM ledger_entries WHERE id = ?').run(id).changes === 1;
}

export function existingImportKeys(db: Db, projectId: string, keys: readonly string[]): Set<string> {
  if (keys.length === 0) return new Set();
  const rows = db
    .prepare('SELECT import_key FROM ledger_entries WHERE project_id = ? AND import_key IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(projectId, JSON.stringify(keys)) as string[];
  return new Set(rows);
}

export function countLedgerEntries(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM ledger_entries WHERE project_id = ?').get(projectId) as { n: number }).n;
}

/** Re-derived project-currency amounts after the project's currency or rate changed. */
export function setProjectAmount(db: Db, id: string, fxRate: number | null, projectAmountCents: number | null): void {
  db.prepare('UPDATE ledger_entries SET fx_rate = ?, project_amount_cents = ? WHERE id = ?').run(fxRate, projectAmountCents, id);
}
