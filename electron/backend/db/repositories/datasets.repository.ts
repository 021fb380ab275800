import { DatasetSchema, type DatasetFormat, type DatasetRole } from '../../../../shared/contract/datasets';
import type { Db } from '../connection';
import { parseStored } from '../stored-json';

/** A dataset as stored: the contract's Dataset minus what is computed on read (status). */
export interface DatasetRecord {
  id: string;
  projectId: string;
  path: string;
  name: string;
  role: DatasetRole | null;
  format: DatasetFormat;
  sizeBytes: number;
  /** Modification time (whole ms) when the fingerprint was taken: a cheap first change test. */
  mtimeMs: number;
  hash: string;
  schema: DatasetSchema;
  registeredAt: string;
  analysedAt: string | null;
  latestRunId: string | null;
  latestVerdict: 'pass' | 'warn' | 'fail' | null;
  latestRunRole: 'checked' | 'compared' | null;
}

interface DatasetRow {
  id: string;
  project_id: string;
  path: string;
  name: string;
  role: DatasetRole | null;
  format: DatasetFormat;
  size_bytes: number;
  mtime_ms: number;
  hash: string;
  schema_json: string;
  registered_at: string;
  analysed_at: string | null;
  latest_run_id: string | null;
  latest_verdict: 'pass' | 'warn' | 'fail' | null;
  latest_run_role: 'checked' | 'compared' | null;
}

function toRecord(r: DatasetRow): DatasetRecord {
  return {
    id: r.id,
    projectId: r.project_id,
    path: r.path,
    name: r.name,
    role: r.role,
    format: r.format,
    sizeBytes: r.size_bytes,
    mtimeMs: r.mtime_ms,
    hash: r.hash,
    schema: parseStored(DatasetSchema, r.schema_json, `schema of dataset ${r.id}`),
    registeredAt: r.registered_at,
    analysedAt: r.analysed_at,
    latestRunId: r.latest_run_id,
    latestVerdict: r.latest_verdict,
    latestRunRole: r.latest_run_role,
  };
}

// The newest run that read this dataset, as the checked file or as the file it was compared with:
// both are analyses of its content, so its profile and status come from whichever is newer.
const LATEST_RUN = `(SELECT c.id FROM check_runs c WHERE c.dataset_id = d.id OR c.reference_dataset_id = d.id ORDER BY c.created_at DESC, c.rowid DESC LIMIT 1)`;
const SELECT = `SELECT d.id, d.project_id, d.path, d.name, d.role, d.format, d.size_bytes, d.mtime_ms, d.hash, d.schema_json,
  d.registered_at, d.analysed_at, l.id AS latest_run_id, l.verdict AS latest_verdict,
  CASE WHEN l.id IS NULL THEN NULL WHEN l.dataset_id = d.id THEN 'checked' ELSE 'compared' END AS latest_run_role
  FROM datasets d LEFT JOIN check_runs l ON l.id = ${LATEST_RUN}`;

export function listDatasets(db: Db, projectId: string): DatasetRecord[] {
  return (db.prepare(`${SELECT} WHERE d.project_id = ? ORDER BY d.name COLLATE NOCASE, d.registered_at, d.rowid`).all(projectId) as DatasetRow[]).map(toRecord);
}

export function getDataset(db: Db, id: string): DatasetRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE d.id = ?`).get(id) as DatasetRow | undefined;
  return row && toRecord(row);
}

export function findByPath(db: Db, projectId: string, path: string): DatasetRecord | undefined {
  const row = db.prepare(`${SELECT} WHERE d.project_id = ? AND d.path = ?`).get(projectId, path) as DatasetRow | undefined;
  return row && toRecord(row);
}

export function insertDataset(db: Db, d: Omit<DatasetRecord, 'latestRunId' | 'latestVerdict' | 'latestRunRole'>): void {
  db.prepare(
    `INSERT INTO datasets (id, project_id, path, name, role, format, size_bytes, mtime_ms, hash, schema_json, registered_at, analysed_at)
     VALUES (@id, @projectId, @path, @name, @role, @format, @sizeBytes, @mtimeMs, @hash, @schemaJson, @registeredAt, @analysedAt)`,
  ).run({ ...d, schemaJson: JSON.stringify(d.schema) });
}

/** A new fingerprint (and where the file is now): registration again, relink, or an analysis. */
export function updateFingerprint(
  db: Db,
  id: string,
  f: { path: string; name: string; format: DatasetFormat; sizeBytes: number; mtimeMs: number; hash: string; schema: DatasetSchema },
): void {
  db.prepare(
    `UPDATE datasets SET path = @path, name = @name, format = @format, size_bytes = @sizeBytes, mtime_ms = @mtimeMs, hash = @hash,
       schema_json = @schemaJson WHERE id = @id`,
  ).run({ id, path: f.path, name: f.name, format: f.format, sizeBytes: f.sizeBytes, mtimeMs: f.mtimeMs, hash: f.hash, schemaJson: JSON.stringify(f.schema) });
}

/** The file was touched but its content hash is unchanged: remember the new mtime, skip rehashing next time. */
export function updateMtime(db: Db, id: string, mtimeMs: number): void {
  db.prepare('UPDATE datasets SET mtime_ms = ? WHERE id = ?').run(mtimeMs, id);
}

export function updateRole(db: Db, id: string, role: DatasetRole): void {
  db.prepare('UPDATE datasets SET role = ? WHERE id = ?').run(role, id);
}

export function markAnalysed(db: Db, id: string, at: string): void {
  db.prepare('UPDATE datasets SET analysed_at = ? WHERE id = ?').run(at, id);
}

export function deleteDataset(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM datasets WHERE id = ?').run(id).changes === 1;
}

export function countDatasets(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM datasets WHERE project_id = ?').get(projectId) as { n: number }).n;
}
