import type { Project } from '../../../../shared/contract/projects';
import type { Db } from '../connection';

interface ProjectRow {
  id: string;
  name: string;
  notes: string;
  currency: string;
  budget_cents: number | null;
  monthly_cap_cents: number | null;
  start_date: string | null;
  end_date: string | null;
  archived_at: string | null;
  created_at: string;
  updated_at: string;
  usd_rate: number | null;
  usd_rate_as_of: string | null;
  usd_rate_set_by: string | null;
  usd_rate_set_at: string | null;
}

function toProject(r: ProjectRow): Project {
  return {
    id: r.id,
    name: r.name,
    notes: r.notes,
    currency: r.currency,
    budgetCents: r.budget_cents,
    monthlyCapCents: r.monthly_cap_cents,
    startDate: r.start_date,
    endDate: r.end_date,
    archivedAt: r.archived_at,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    ...(r.usd_rate != null ? { usdRate: r.usd_rate } : {}),
    ...(r.usd_rate_as_of != null ? { usdRateAsOf: r.usd_rate_as_of } : {}),
    ...(r.usd_rate_set_by != null ? { usdRateSetBy: r.usd_rate_set_by } : {}),
    ...(r.usd_rate_set_at != null ? { usdRateSetAt: r.usd_rate_set_at } : {}),
  };
}

const COLUMNS = 'id, name, notes, currency, budget_cents, monthly_cap_cents, start_date, end_date, archived_at, created_at, updated_at, usd_rate, usd_rate_as_of, usd_rate_set_by, usd_rate_set_at';

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
function likePattern(search: string): string {
  return `%${search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function listProjects(db: Db, opts: { search?: string; includeArchived?: boolean }): Project[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (!opts.includeArchived) where.push('archived_at IS NULL');
  const search = opts.search?.trim();
  if (search) {
    where.push(`(name LIKE ? ESCAPE '\\' OR notes LIKE ? ESCAPE '\\')`);
    params.push(likePattern(search), likePattern(search));
  }
  const sql = `SELECT ${COLUMNS} FROM projects ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, created_at`;
  return (db.prepare(sql).all(...params) as ProjectRow[]).map(toProject);
}

export function getProject(db: Db, id: string): Project | undefined {
  const row = db.prepare(`SELECT ${COLUMNS} FROM projects WHERE id = ?`).get(id) as ProjectRow | undefined;
  return row && toProject(row);
}

function rateParams(p: Project) {
  return { ...p, usdRate: p.usdRate ?? null, usdRateAsOf: p.usdRateAsOf ?? null, usdRateSetBy: p.usdRateSetBy ?? null, usdRateSetAt: p.usdRateSetAt ?? null };
}

/** Exact name first, then case-insensitive; active before archived, oldest first. */
export function findProjectByName(db: Db, name: string): Project | undefined {
  const row = db
    .prepare(`SELECT ${COLUMNS} FROM projects WHERE name = ? COLLATE NOCASE ORDER BY name = ? DESC, archived_at IS NOT NULL, created_at, id LIMIT 1`)
    .get(name, name) as ProjectRow | undefined;
  return row && toProject(row);
}

export function insertProject(db: Db, p: Project): void {
  db.prepare(
    `INSERT INTO projects (${COLUMNS}) VALUES (@id, @name, @notes, @currency, @budgetCents, @monthlyCapCents, @startDate, @endDate, @archivedAt, @createdAt, @updatedAt, @usdRate, @usdRateAsOf, @usdRateSetBy, @usdRateSetAt)`,
  ).run(rateParams(p));
}

export function updateProject(db: Db, p: Project): void {
  db.prepare(
    `UPDATE projects SET name = @name, notes = @notes, currency = @currency, budget_cents = @budgetCents,
       monthly_cap_cents = @monthlyCapCents, start_date = @startDate, end_date = @endDate,
       archived_at = @archivedAt, updated_at = @updatedAt, usd_rate = @usdRate, usd_rate_as_of = @usdRateAsOf,
       usd_rate_set_by = @usdRateSetBy, usd_rate_set_at = @usdRateSetAt WHERE id = @id`,
  ).run(rateParams(p));
}

export function deleteProject(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM projects WHERE id = ?').run(id).changes === 1;
}

export function countProjects(db: Db): number {
  return db.prepare('SELECT count(*) FROM projects').pluck().get() as number;
}
