import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Writes an MLflow file store the way MLflow 2.x's FileStore does (mlflow/store/tracking/
 * file_store.py): meta.yaml from PyYAML's safe_dump (keys sorted, block style, strings quoted
 * only where YAML would read them as something else), one file per param and tag holding the
 * value without a newline, metric files of `timestamp value step` lines appended one by one, and
 * deleted experiments moved to .trash/.
 */
export interface MlrunsRun {
  id: string;
  name?: string;
  status?: 1 | 2 | 3 | 4 | 5;
  startTime: number;
  endTime?: number | null;
  userId?: string;
  lifecycle?: 'active' | 'deleted';
  deletedTime?: number | null;
  params?: Record<string, string>;
  tags?: Record<string, string>;
  /** key -> [timestamp, value, step?][]; a point without a step is written in the old two-field form. */
  metrics?: Record<string, Array<[number, number, number?]>>;
  /** Raw metric file text, for malformed files. */
  rawMetrics?: Record<string, string>;
}

export interface MlrunsExperiment {
  id: string;
  name: string;
  trashed?: boolean;
  creationTime?: number;
  tags?: Record<string, string>;
  runs: MlrunsRun[];
}

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

/** Python's str(float): what MLflow writes as a metric value. */
export function pyFloat(v: number): string {
  if (Number.isNaN(v)) return 'nan';
  if (v === Infinity) return 'inf';
  if (v === -Infinity) return '-inf';
  if (Number.isInteger(v) && Math.abs(v) < 1e16) return `${v}.0`;
  const s = String(v);
  return s.replace(/e([+-])(\d)$/, 'e$10$2');
}

export function experimentDir(root: string, e: Pick<MlrunsExperiment, 'id' | 'trashed'>): string {
  return e.trashed ? join(root, '.trash', e.id) : join(root, e.id);
}

export function writeExperiment(root: string, e: MlrunsExperiment): string {
  const dir = experimentDir(root, e);
  const t = e.creationTime ?? 1732950000000;
  write(
    join(dir, 'meta.yaml'),
    `artifact_location: file://${root}/${e.id}\ncreation_time: ${t}\nexperiment_id: '${e.id}'\nlast_update_time: ${t}\nlifecycle_stage: ${e.trashed ? 'deleted' : 'active'}\nname: ${e.name}\n`,
  );
  for (const [k, v] of Object.entries(e.tags ?? {})) write(join(dir, 'tags', k), v);
  for (const r of e.runs) writeRun(root, e, r);
  return dir;
}

export function writeRun(root: string, e: Pick<MlrunsExperiment, 'id' | 'trashed'>, r: MlrunsRun): string {
  const dir = join(experimentDir(root, e), r.id);
  const end = r.endTime === undefined || r.endTime === null ? 'null' : String(r.endTime);
  const meta = [
    `artifact_uri: file://${root}/${e.id}/${r.id}/artifacts`,
    `deleted_time: ${r.deletedTime ?? 'null'}`,
    `end_time: ${end}`,
    "entry_point_name: ''",
    `experiment_id: '${e.id}'`,
    `lifecycle_stage: ${r.lifecycle ?? 'active'}`,
    `run_id: ${r.id}`,
    ...(r.name !== undefined ? [`run_name: ${r.name}`] : []),
    `run_uuid: ${r.id}`,
    "source_name: ''",
    'source_type: 4',
    "source_version: ''",
    `start_time: ${r.startTime}`,
    `status: ${r.status ?? 3}`,
    'tags: []',
    `user_id: ${r.userId ?? 'ana'}`,
  ];
  write(join(dir, 'meta.yaml'), `${meta.join('\n')}\n`);
  mkdirSync(join(dir, 'artifacts'), { recursive: true });
  mkdirSync(join(dir, 'params'), { recursive: true });
  mkdirSync(join(dir, 'metrics'), { recursive: true });
  for (const [k, v] of Object.entries(r.params ?? {})) write(join(dir, 'params', k), v);
  const tags = { ...(r.name !== undefined ? { 'mlflow.runName': r.name } : {}), ...(r.tags ?? {}) };
  for (const [k, v] of Object.entries(tags)) write(join(dir, 'tags', k), v);
  for (const [k, points] of Object.entries(r.metrics ?? {})) {
    write(join(dir, 'metrics', k), points.map(([ts, v, step]) => (step === undefined ? `${ts} ${pyFloat(v)}\n` : `${ts} ${pyFloat(v)} ${step}\n`)).join(''));
  }
  for (const [k, text] of Object.entries(r.rawMetrics ?? {})) write(join(dir, 'metrics', k), text);
  return dir;
}

/** A long series written straight to its file, without building a million-entry array. */
export function writeLongMetric(runDir: string, key: string, n: number, t0: number, value: (i: number) => number): void {
  const lines: string[] = [];
  const path = join(runDir, 'metrics', key);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, '');
  for (let i = 0; i < n; i++) {
    lines.push(`${t0 + i} ${pyFloat(value(i))} ${i}\n`);
    if (lines.length === 50_000 || i === n - 1) {
      writeFileSync(path, lines.join(''), { flag: 'a' });
      lines.length = 0;
    }
  }
}
