/**
 * Stored evaluations. JSON columns are parsed back through the contract's schemas, so a row that
 * does not match (edited by hand, written by a newer build) is an error naming the evaluation,
 * never a silently wrong value.
 */
import { EvaluationResult, MetricMap } from '../../../../shared/contract/evaluation-result';
import { type Evaluation, EvaluationOptions, EvaluationSummary, PredictionRoles } from '../../../../shared/contract/evaluations';
import type { Db } from '../connection';
import { parseStored } from '../stored-json';

export interface EvaluationRecord extends Omit<Evaluation, 'headlineCi'> {
  mtimeMs: number;
}

interface Row {
  id: string;
  project_id: string;
  name: string;
  path: string;
  file_name: string;
  size_bytes: number;
  mtime_ms: number;
  hash: string;
  dataset_id: string | null;
  run_id: string | null;
  inference_cost_per_1000_micros: number | null;
  task: 'binary' | 'multiclass' | 'regression';
  headline_json: string;
  row_count: number;
  gate_status: 'none' | 'passed' | 'failed';
  duration_ms: number;
  created_at: string;
  ci_json: string | null;
}

const COLUMNS = `id, project_id, name, path, file_name, size_bytes, mtime_ms, hash, dataset_id, run_id, inference_cost_per_1000_micros,
  task, headline_json, row_count, gate_status, duration_ms, created_at`;
/** The summary's columns and the result's intervals (read in SQL, so a list never parses whole results). */
const SUMMARY = `${COLUMNS}, json_extract(result_json, '$.ci') AS ci_json`;
const HeadlineCi = EvaluationSummary.shape.headlineCi;

function toSummary(r: Row): EvaluationSummary {
  const headline = parseStored(MetricMap, r.headline_json, `headline of evaluation ${r.id}`);
  const ci = r.ci_json === null ? {} : parseStored(HeadlineCi, r.ci_json, `intervals of evaluation ${r.id}`);
  return {
    id: r.id,
    projectId: r.project_id,
    name: r.name,
    path: r.path,
    fileName: r.file_name,
    sizeBytes: r.size_bytes,
    hash: r.hash,
    datasetId: r.dataset_id,
    runId: r.run_id,
    inferenceCostPer1000Micros: r.inference_cost_per_1000_micros,
    task: r.task,
    rows: r.row_count,
    headline,
    headlineCi: Object.fromEntries(Object.keys(headline).filter((k) => ci[k]).map((k) => [k, ci[k]!])),
    gateStatus: r.gate_status,
    durationMs: r.duration_ms,
    createdAt: r.created_at,
  };
}

export function insertEvaluation(db: Db, e: EvaluationRecord): void {
  db.prepare(
    `INSERT INTO evaluations (${COLUMNS}, roles_json, options_json, result_json)
     VALUES (@id, @projectId, @name, @path, @fileName, @sizeBytes, @mtimeMs, @hash, @datasetId, @runId, @inference,
       @task, @headline, @rows, @gateStatus, @durationMs, @createdAt, @roles, @options, @result)`,
  ).run({
    id: e.id,
    projectId: e.projectId,
    name: e.name,
    path: e.path,
    fileName: e.fileName,
    sizeBytes: e.sizeBytes,
    mtimeMs: e.mtimeMs,
    hash: e.hash,
    datasetId: e.datasetId,
    runId: e.runId,
    inference: e.inferenceCostPer1000Micros,
    task: e.task,
    headline: JSON.stringify(e.headline),
    rows: e.rows,
    gateStatus: e.gateStatus,
    durationMs: e.durationMs,
    createdAt: e.createdAt,
    roles: JSON.stringify(e.roles),
    options: JSON.stringify(e.options),
    result: JSON.stringify(e.result),
  });
}

export function getEvaluation(db: Db, id: string): Evaluation | undefined {
  const row = db.prepare(`SELECT ${SUMMARY}, roles_json, options_json, result_json FROM evaluations WHERE id = ?`).get(id) as
    | (Row & { roles_json: string; options_json: string; result_json: string })
    | undefined;
  if (!row) return undefined;
  return {
    ...toSummary(row),
    roles: parseStored(PredictionRoles, row.roles_json, `roles of evaluation ${id}`),
    options: parseStored(EvaluationOptions, row.options_json, `options of evaluation ${id}`),
    result: parseStored(EvaluationResult, row.result_json, `result of evaluation ${id}`),
  };
}

export function getSummary(db: Db, id: string): EvaluationSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY} FROM evaluations WHERE id = ?`).get(id) as Row | undefined;
  return row ? toSummary(row) : undefined;
}

/** Newest first. */
export function listEvaluations(db: Db, projectId: string, limit = 1000): EvaluationSummary[] {
  return (db.prepare(`SELECT ${SUMMARY} FROM evaluations WHERE project_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(projectId, limit) as Row[]).map(toSummary);
}

export function deleteEvaluation(db: Db, id: string): boolean {
  return db.prepare('DELETE FROM evaluations WHERE id = ?').run(id).changes > 0;
}

export function renameEvaluation(db: Db, id: string, name: string): void {
  db.prepare('UPDATE evaluations SET name = ? WHERE id = ?').run(name, id);
}

export function linkEvaluation(db: Db, id: string, patch: { runId?: string | null; datasetId?: string | null; inferenceCostPer1000Micros?: number | null }): void {
  if (patch.runId !== undefined) db.prepare('UPDATE evaluations SET run_id = ? WHERE id = ?').run(patch.runId, id);
  if (patch.datasetId !== undefined) db.prepare('UPDATE evaluations SET dataset_id = ? WHERE id = ?').run(patch.datasetId, id);
  if (patch.inferenceCostPer1000Micros !== undefined) db.prepare('UPDATE evaluations SET inference_cost_per_1000_micros = ? WHERE id = ?').run(patch.inferenceCostPer1000Micros, id);
}

export function countEvaluations(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM evaluations WHERE project_id = ?').get(projectId) as { n: number }).n;
}
