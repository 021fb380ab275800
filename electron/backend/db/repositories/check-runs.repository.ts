import { CheckRun, CheckRunOptions, type CheckRunSummary } from '../../../../shared/contract/checks';
import type { Db } from '../connection';
import { parseStored } from '../stored-json';

/** What a run stores besides its summary columns: bounded in size (profiles, findings, drift). */
export type CheckRunResult = Pick<CheckRun, 'findings' | 'profile' | 'referenceProfile' | 'drift' | 'notes' | 'overlap' | 'distributions'>;
/** Runs stored before notes, overlap and distributions were kept have none: the schema's defaults fill them. */
const StoredResult = CheckRun.pick({ findings: true, profile: true, referenceProfile: true, drift: true, notes: true, overlap: true, distributions: true });

interface RunRow {
  id: string;
  project_id: string;
  dataset_id: string | null;
  reference_dataset_id: string | null;
  dataset_name: string;
  reference_name: string | null;
  dataset_hash: string;
  options_json: string;
  verdict: 'pass' | 'warn' | 'fail';
  summary: string;
  error_count: number;
  warning_count: number;
  info_count: number;
  gate_failed: number;
  row_count: number;
  column_count: number;
  duration_ms: number;
  created_at: string;
}

const SUMMARY_COLUMNS = `id, project_id, dataset_id, reference_dataset_id, dataset_name, reference_name, dataset_hash, options_json, verdict,
  summary, error_count, warning_count, info_count, gate_failed, row_count, column_count, duration_ms, created_at`;

function toSummary(r: RunRow): CheckRunSummary {
  return {
    id: r.id,
    projectId: r.project_id,
    datasetId: r.dataset_id,
    referenceDatasetId: r.reference_dataset_id,
    datasetName: r.dataset_name,
    referenceName: r.reference_name,
    datasetHash: r.dataset_hash,
    verdict: r.verdict,
    summary: r.summary,
    counts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
    gateFailed: r.gate_failed === 1,
    rows: r.row_count,
    columns: r.column_count,
    options: parseStored(CheckRunOptions, r.options_json, `options of check run ${r.id}`),
    durationMs: r.duration_ms,
    createdAt: r.created_at,
  };
}

export function insertRun(db: Db, run: CheckRunSummary, result: CheckRunResult): void {
  db.prepare(
    `INSERT INTO check_runs (${SUMMARY_COLUMNS}, result_json) VALUES (@id, @projectId, @datasetId, @referenceDatasetId, @datasetName,
       @referenceName, @datasetHash, @optionsJson, @verdict, @summary, @errors, @warnings, @infos, @gateFailed, @rows, @columns,
       @durationMs, @createdAt, @resultJson)`,
  ).run({
    id: run.id,
    projectId: run.projectId,
    datasetId: run.datasetId,
    referenceDatasetId: run.referenceDatasetId,
    datasetName: run.datasetName,
    referenceName: run.referenceName,
    datasetHash: run.datasetHash,
    optionsJson: JSON.stringify(run.options),
    verdict: run.verdict,
    summary: run.summary,
    errors: run.counts.error,
    warnings: run.counts.warning,
    infos: run.counts.info,
    gateFailed: run.gateFailed ? 1 : 0,
    rows: run.rows,
    columns: run.columns,
    durationMs: run.durationMs,
    createdAt: run.createdAt,
    resultJson: JSON.stringify(result),
  });
}

export function getRun(db: Db, id: string): CheckRun | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS}, result_json FROM check_runs WHERE id = ?`).get(id) as (RunRow & { result_json: string }) | undefined;
  if (!row) return undefined;
  return { ...toSummary(row), ...parseStored(StoredResult, row.result_json, `result of check run ${id}`) };
}

/** Newest first; runs made at the same instant keep their insertion order reversed. */
export function listRuns(db: Db, projectId: string, limit = 500): CheckRunSummary[] {
  return (
    db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM check_runs WHERE project_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(projectId, limit) as RunRow[]
  ).map(toSummary);
}

export function latestRun(db: Db, projectId: string): CheckRunSummary | null {
  return listRuns(db, projectId, 1)[0] ?? null;
}

export function countRuns(db: Db, projectId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM check_runs WHERE project_id = ?').get(projectId) as { n: number }).n;
}
