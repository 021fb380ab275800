/**
 * Stored monitors and their batches. JSON columns are parsed back through the contract's schemas
 * (no casts), so a row that does not match is an error naming the monitor.
 */
import { MetricMap } from '../../../../shared/contract/evaluation-result';
import { PredictionRoles } from '../../../../shared/contract/evaluations';
import { type Monitor, MonitorBatch, ResolvedThresholds } from '../../../../shared/contract/monitors';
import type { Db } from '../connection';
import { parseStored } from '../stored-json';

interface MonitorRow {
  id: string;
  project_id: string;
  name: string;
  reference_kind: 'dataset' | 'evaluation';
  reference_dataset_id: string | null;
  reference_evaluation_id: string | null;
  reference_name: string;
  reference_path: string;
  reference_size_bytes: number;
  reference_mtime_ms: number;
  reference_hash: string;
  folder: string | null;
  roles_json: string | null;
  thresholds_json: string;
  created_at: string;
  batch_count: number;
  latest_batch_at: string | null;
  latest_alert: number | null;
}

interface BatchRow {
  id: string;
  monitor_id: string;
  path: string;
  file_name: string;
  size_bytes: number;
  mtime_ms: number;
  hash: string;
  row_count: number;
  period_start: string | null;
  period_end: string | null;
  drift_json: string;
  metrics_json: string | null;
  drifted_columns: number;
  alert: number;
  created_at: string;
}

const MONITOR_SELECT = `SELECT m.*,
  (SELECT COUNT(*) FROM monitor_batches b WHERE b.monitor_id = m.id) AS batch_count,
  (SELECT MAX(b.created_at) FROM monitor_batches b WHERE b.monitor_id = m.id) AS latest_batch_at,
  (SELECT b.alert FROM monitor_batches b WHERE b.monitor_id = m.id ORDER BY b.created_at DESC, b.rowid DESC LIMIT 1) AS latest_alert
  FROM monitors m`;

function toMonitor(r: MonitorRow): Monitor {
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    reference: { kind: r.reference_kind, datasetId: r.reference_dataset_id, evaluationId: r.reference_evaluation_id, name: r.reference_name, path: r.reference_path, hash: r.reference_hash },
    folder: r.folder,
    roles: r.roles_json === null ? null : parseStored(PredictionRoles, r.roles_json, `roles of monitor ${r.id}`),
    thresholds: parseStored(ResolvedThresholds, r.thresholds_json, `thresholds of monitor ${r.id}`),
    batchCount: r.batch_count,
    latestBatchAt: r.latest_batch_at,
    alert: r.latest_alert === 1,
    createdAt: r.created_at,
  };
}

/** The reference file's fingerprint when the monitor was created: a changed reference is detected. */
export interface ReferenceFingerprint {
  sizeBytes: number;
  mtimeMs: number;
}

export function referenceFingerprint(db: Db, id: string): ReferenceFingerprint | undefined {
  const r = db.prepare('SELECT reference_size_bytes AS s, reference_mtime_ms AS m FROM monitors WHERE id = ?').get(id) as { s: number; m: number } | undefined;
  return r ? { sizeBytes: r.s, mtimeMs: r.m } : undefined;
}

export function insertMonitor(db: Db, m: Omit<Monitor, 'batchCount' | 'latestBatchAt' | 'alert'>, ref: ReferenceFingerprint): void {
  db.prepare(
    `INSERT INTO monitors (id, project_id, name, reference_kind, reference_dataset_id, reference_evaluation_id, reference_name, reference_path,
       reference_size_bytes, reference_mtime_ms, reference_hash, folder, roles_json, thresholds_json, created_at)
     VALUES (@id, @projectId, @name, @kind, @datasetId, @evaluationId, @refName, @refPath, @refSize, @refMtime, @refHash, @folder, @roles,
       @thresholds, @createdAt)`,
  ).run({
    refSize: ref.sizeBytes,
    refMtime: ref.mtimeMs,
    id: m.id,
    projectId: m.projectId,
    name: m.name,
    kind: m.reference.kind,
    datasetId: m.reference.datasetId,
    evaluationId: m.reference.evaluationId,
    refName: m.reference.name,
    refPath: m.reference.path,
    refHash: m.reference.hash,
    folder: m.folder,
    roles: m.roles === null ? null : JSON.stringify(m.roles),
    thresholds: JSON.stringify(m.thresholds),
    createdAt: m.createdAt,
  });
}

export function getMonitor(db: Db, id: string): Monitor | undefined {
  const row = db.prepare(`${MONITOR_SELECT} WHERE m.id = ?`).get(id) as MonitorRow | undefined;
  return row ? toMonitor(row) : undefined;
}

/** Newest first. */
export function listMonitors(db: Db, projectId: string): Monitor[] {
  return (db.prepare(`${MONITOR_SELECT} WHERE m.project_id = ? ORDER BY m.created_at DESC, m.rowid DESC`).all(projectId) as MonitorRow[]).map(toMonitor);
}

export function deleteMonitor(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM monitors WHERE id = ?').run(id).changes > 0;
}

export interface BatchRecord extends MonitorBatch {
  mtimeMs: number;
}

const DriftPart = MonitorBatch.pick({ drift: true, predictionDrift: true, alerts: true, metricsReason: true });

export function insertBatch(db: Db, b: BatchRecord): void {
  const drift = { drift: b.drift, predictionDrift: b.predictionDrift, alerts: b.alerts, metricsReason: b.metricsReason };
  db.prepare(
    `INSERT INTO monitor_batches (id, monitor_id, path, file_name, size_bytes, mtime_ms, hash, row_count, period_start, period_end, drift_json,
       metrics_json, drifted_columns, alert, created_at)
     VALUES (@id, @monitorId, @path, @fileName, @sizeBytes, @mtimeMs, @hash, @rows, @periodStart, @periodEnd, @drift, @metrics, @drifted, @alert, @createdAt)`,
  ).run({
    id: b.id,
    monitorId: b.monitorId,
    path: b.path,
    fileName: b.fileName,
    sizeBytes: b.sizeBytes,
    mtimeMs: b.mtimeMs,
    hash: b.hash,
    rows: b.rows,
    periodStart: b.periodStart,
    periodEnd: b.periodEnd,
    drift: JSON.stringify(drift),
    metrics: b.metrics === null ? null : JSON.stringify(b.metrics),
    drifted: b.drift.driftedColumns,
    alert: b.alerts.length > 0 ? 1 : 0,
    createdAt: b.createdAt,
  });
}

/** Oldest first (the timeline). */
export function listBatches(db: Db, monitorId: string): MonitorBatch[] {
  return (db.prepare('SELECT * FROM monitor_batches WHERE monitor_id = ? ORDER BY created_at, rowid').all(monitorId) as BatchRow[]).map((r) => {
    const d = parseStored(DriftPart, r.drift_json, `batch drift of monitor ${r.monitor_id}`);
    return {
      id: r.id,
      monitorId: r.monitor_id,
      path: r.path,
      fileName: r.file_name,
      sizeBytes: r.size_bytes,
      hash: r.hash,
      rows: r.row_count,
      periodStart: r.period_start,
      periodEnd: r.period_end,
      drift: d.drift,
      predictionDrift: d.predictionDrift,
      metrics: r.metrics_json === null ? null : parseStored(MetricMap, r.metrics_json, `batch metrics of monitor ${r.monitor_id}`),
      metricsReason: d.metricsReason,
      alerts: d.alerts,
      createdAt: r.created_at,
    };
  });
}

export function batchHashes(db: Db, monitorId: string): Set<string> {
  return new Set((db.prepare('SELECT hash FROM monitor_batches WHERE monitor_id = ?').all(monitorId) as Array<{ hash: string }>).map((r) => r.hash));
}

export function countMonitors(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM monitors WHERE project_id = ?').get(projectId) as { n: number }).n;
}

/** Batch files already taken from a path, with the size and mtime they had (rescan skips them without hashing). */
export function batchFiles(db: Db, monitorId: string): Map<string, { sizeBytes: number; mtimeMs: number }> {
  const rows = db.prepare('SELECT path, size_bytes AS s, mtime_ms AS m FROM monitor_batches WHERE monitor_id = ?').all(monitorId) as Array<{ path: string; s: number; m: number }>;
  return new Map(rows.map((r) => [r.path, { sizeBytes: r.s, mtimeMs: r.m }]));
}
