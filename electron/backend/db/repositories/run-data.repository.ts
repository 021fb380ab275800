import type { Db } from '../connection';

/** Params, tags and dataset inputs of runs. */
export interface KeyValue {
  key: string;
  value: string;
}

export function paramsOf(db: Db, runId: string, keys: readonly string[]): Map<string, string> {
  if (keys.length === 0) return new Map();
  const rows = db
    .prepare('SELECT key, value FROM run_params WHERE run_id = ? AND key IN (SELECT value FROM json_each(?))')
    .all(runId, JSON.stringify(keys)) as KeyValue[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

export function insertParams(db: Db, runId: string, params: readonly KeyValue[]): void {
  const stmt = db.prepare('INSERT INTO run_params (run_id, key, value) VALUES (?, ?, ?)');
  for (const p of params) stmt.run(runId, p.key, p.value);
}

export function upsertTags(db: Db, runId: string, tags: readonly KeyValue[]): void {
  const stmt = db.prepare('INSERT INTO run_tags (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value');
  for (const t of tags) stmt.run(runId, t.key, t.value);
}

export function deleteTag(db: Db, runId: string, key: string): boolean {
  return db.prepare('DELETE FROM run_tags WHERE run_id = ? AND key = ?').run(runId, key).changes === 1;
}

export function tagsOf(db: Db, runId: string): Map<string, string> {
  const rows = db.prepare('SELECT key, value FROM run_tags WHERE run_id = ? ORDER BY key').all(runId) as KeyValue[];
  return new Map(rows.map((r) => [r.key, r.value]));
}

type Which = 'all' | readonly string[];

/** key -> value per run, for a page of runs; `which` limits the keys (the table's chosen columns). */
function bulk(db: Db, table: 'run_params' | 'run_tags', runIds: readonly string[], which: Which): Map<string, Record<string, string>> {
  const out = new Map<string, Record<string, string>>();
  if (runIds.length === 0 || (which !== 'all' && which.length === 0)) return out;
  const keyFilter = which === 'all' ? '' : ' AND key IN (SELECT value FROM json_each(?))';
  const args: unknown[] = [JSON.stringify(runIds)];
  if (which !== 'all') args.push(JSON.stringify(which));
  const rows = db
    .prepare(`SELECT run_id AS runId, key, value FROM ${table} WHERE run_id IN (SELECT value FROM json_each(?))${keyFilter} ORDER BY run_id, key`)
    .raw()
    .all(...args) as Array<[string, string, string]>;
  for (const [runId, key, value] of rows) {
    let m = out.get(runId);
    if (!m) out.set(runId, (m = {}));
    m[key] = value;
  }
  return out;
}

export function paramsOfRuns(db: Db, runIds: readonly string[], which: Which = 'all') {
  return bulk(db, 'run_params', runIds, which);
}

export function tagsOfRuns(db: Db, runIds: readonly string[], which: Which = 'all') {
  return bulk(db, 'run_tags', runIds, which);
}

export interface DatasetRecord {
  name: string;
  digest: string;
  context: string;
  sourceType: string;
  source: string;
  schema: string;
  profile: string;
}

/** Stores dataset inputs; one already recorded (same name, digest and context) is updated in place. */
export function upsertInputs(db: Db, runId: string, inputs: readonly DatasetRecord[]): void {
  const stmt = db.prepare(
    `INSERT INTO run_inputs (run_id, name, digest, context, source_type, source, schema, profile) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (run_id, name, digest, context) DO UPDATE SET source_type = excluded.source_type, source = excluded.source, schema = excluded.schema, profile = excluded.profile`,
  );
  for (const d of inputs) stmt.run(runId, d.name, d.digest, d.context, d.sourceType, d.source, d.schema, d.profile);
}

export function inputsOf(db: Db, runId: string): DatasetRecord[] {
  return db
    .prepare('SELECT name, digest, context, source_type AS sourceType, source, schema, profile FROM run_inputs WHERE run_id = ? ORDER BY name, digest, context')
    .all(runId) as DatasetRecord[];
}
