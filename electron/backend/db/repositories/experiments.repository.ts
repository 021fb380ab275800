import type { ExperimentFilterClause } from '../../../../shared/contract/experiments';
import type { LifecycleView } from '../../../../shared/contract/runs-filter';
import type { Db } from '../connection';
import { textComparison } from './sql-match';

export interface ExperimentRecord {
  id: number;
  projectId: string;
  projectName: string;
  name: string;
  artifactLocation: string;
  lifecycleStage: 'active' | 'deleted';
  scenarioId: string | null;
  creationTime: number;
  lastUpdateTime: number;
  tags: Record<string, string>;
  runCount: number;
}

interface Row {
  id: number;
  project_id: string;
  project_name: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: 'active' | 'deleted';
  scenario_id: string | null;
  creation_time: number;
  last_update_time: number;
  run_count: number;
}

const SELECT = `SELECT e.id, e.project_id, p.name AS project_name, e.name, e.artifact_location, e.lifecycle_stage, e.scenario_id,
  e.creation_time, e.last_update_time,
  (SELECT COUNT(*) FROM runs r WHERE r.experiment_id = e.id AND r.lifecycle_stage = 'active') AS run_count
  FROM experiments e JOIN projects p ON p.id = e.project_id`;

function withTags(db: Db, rows: Row[]): ExperimentRecord[] {
  if (rows.length === 0) return [];
  const tags = db
    .prepare('SELECT experiment_id AS id, key, value FROM experiment_tags WHERE experiment_id IN (SELECT value FROM json_each(?)) ORDER BY key')
    .all(JSON.stringify(rows.map((r) => r.id))) as Array<{ id: number; key: string; value: string }>;
  const byId = new Map<number, Record<string, string>>();
  for (const t of tags) {
    let m = byId.get(t.id);
    if (!m) byId.set(t.id, (m = {}));
    m[t.key] = t.value;
  }
  return rows.map((r) => ({
    id: r.id,
    projectId: r.project_id,
    projectName: r.project_name,
    name: r.name,
    artifactLocation: r.artifact_location,
    lifecycleStage: r.lifecycle_stage,
    scenarioId: r.scenario_id,
    creationTime: r.creation_time,
    lastUpdateTime: r.last_update_time,
    tags: byId.get(r.id) ?? {},
    runCount: r.run_count,
  }));
}

export function getExperiment(db: Db, id: number): ExperimentRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE e.id = ?`).get(id) as Row | undefined;
  return row ? withTags(db, [row])[0] : undefined;
}

export function getExperimentByName(db: Db, name: string): ExperimentRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE e.name = ?`).get(name) as Row | undefined;
  return row ? withTags(db, [row])[0] : undefined;
}

export interface ExperimentQuery {
  projectId?: string;
  view: LifecycleView;
  nameContains?: string;
  filter: readonly ExperimentFilterClause[];
  orderBy: ReadonlyArray<{ key: 'name' | 'creation_time' | 'last_update_time' | 'experiment_id'; ascending: boolean }>;
  limit: number;
  offset: number;
}

const ORDER_COLUMN = { name: 'e.name', creation_time: 'e.creation_time', last_update_time: 'e.last_update_time', experiment_id: 'e.id' } as const;

/** One page of experiments plus whether more follow. */
export function searchExperiments(db: Db, q: ExperimentQuery): { rows: ExperimentRecord[]; more: boolean } {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.projectId !== undefined) {
    where.push('e.project_id = ?');
    params.push(q.projectId);
  }
  if (q.view !== 'all') {
    where.push('e.lifecycle_stage = ?');
    params.push(q.view);
  }
  if (q.nameContains?.trim()) {
    where.push(`e.name LIKE ? ESCAPE '\\'`);
    params.push(`%${q.nameContains.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  }
  for (const c of q.filter) {
    if (c.kind === 'tag') {
      const sub: unknown[] = [c.key];
      const cmp = textComparison('t.value', c.op, c.value, sub);
      where.push(`EXISTS (SELECT 1 FROM experiment_tags t WHERE t.experiment_id = e.id AND t.key = ? AND ${cmp})`);
      params.push(...sub);
    } else if (c.key === 'name') {
      where.push(textComparison('e.name', c.op, c.value, params));
    } else {
      where.push(`${ORDER_COLUMN[c.key as 'creation_time' | 'last_update_time']} ${c.op === 'LIKE' || c.op === 'ILIKE' ? '=' : c.op} ?`);
      params.push(Number(c.value));
    }
  }
  const order = q.orderBy.map((o) => `${ORDER_COLUMN[o.key]} ${o.ascending ? 'ASC' : 'DESC'}`);
  if (order.length === 0) order.push('e.creation_time DESC');
  order.push('e.id ASC');
  const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order.join(', ')} LIMIT ? OFFSET ?`;
  const rows = db.prepare(sql).all(...params, q.limit + 1, q.offset) as Row[];
  return { rows: withTags(db, rows.slice(0, q.limit)), more: rows.length > q.limit };
}

export function insertExperiment(db: Db, e: { projectId: string; name: string; artifactLocation: string; scenarioId: string | null; now: number }): number {
  const r = db
    .prepare('INSERT INTO experiments (project_id, name, artifact_location, scenario_id, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?, ?)')
    .run(e.projectId, e.name, e.artifactLocation, e.scenarioId, e.now, e.now);
  return Number(r.lastInsertRowid);
}

/** MLflow's default experiment has id 0, which AUTOINCREMENT never hands out: inserted by id. */
export function insertExperimentWithId(db: Db, id: number, e: { projectId: string; name: string; now: number }): void {
  db.prepare('INSERT INTO experiments (id, project_id, name, creation_time, last_update_time) VALUES (?, ?, ?, ?, ?)').run(id, e.projectId, e.name, e.now, e.now);
}

export function setArtifactLocation(db: Db, id: number, location: string): void {
  db.prepare('UPDATE experiments SET artifact_location = ? WHERE id = ?').run(location, id);
}

export function updateExperimentFields(
  db: Db,
  id: number,
  f: { name?: string; lifecycleStage?: 'active' | 'deleted'; scenarioId?: string | null; projectId?: string; now: number },
): void {
  const sets: string[] = ['last_update_time = @now'];
  if (f.name !== undefined) sets.push('name = @name');
  if (f.lifecycleStage !== undefined) sets.push('lifecycle_stage = @lifecycleStage');
  if (f.scenarioId !== undefined) sets.push('scenario_id = @scenarioId');
  if (f.projectId !== undefined) sets.push('project_id = @projectId');
  db.prepare(`UPDATE experiments SET ${sets.join(', ')} WHERE id = @id`).run({ ...f, id });
}

export function deleteExperimentRow(db: Db, id: number): boolean {
  return db.prepare('DELETE FROM experiments WHERE id = ?').run(id).changes === 1;
}

export function setExperimentTag(db: Db, id: number, key: string, value: string): void {
  db.prepare('INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?) ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value').run(id, key, value);
}

export function countExperiments(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM experiments WHERE project_id = ?').get(projectId) as { n: number }).n;
}
