import type { LifecycleView } from '../../../../shared/contract/runs-filter';
import type { Db } from '../connection';

/**
 * The distinct param, metric and tag keys over the runs of a project (or of some experiments),
 * in the same lifecycle view as runs.list. Keys are read from the (run_id, key) primary keys, so
 * 10,000 runs x 20 metrics is one index walk per table.
 */
export interface RunKeysQuery {
  projectId: string;
  experimentIds?: readonly number[];
  view: LifecycleView;
}

/** At most this many keys per kind are offered (a column chooser with more is not usable). */
export const MAX_KEYS = 2000;

function runsOf(q: RunKeysQuery): { sql: string; args: unknown[] } {
  const parts = ['e.project_id = ?'];
  const args: unknown[] = [q.projectId];
  if (q.experimentIds !== undefined) {
    parts.push('r.experiment_id IN (SELECT value FROM json_each(?))');
    args.push(JSON.stringify(q.experimentIds));
  } else if (q.view === 'active') parts.push("e.lifecycle_stage = 'active'");
  if (q.view !== 'all') {
    parts.push('r.lifecycle_stage = ?');
    args.push(q.view);
  }
  return { sql: `SELECT r.id FROM runs r JOIN experiments e ON e.id = r.experiment_id WHERE ${parts.join(' AND ')}`, args };
}

export function runKeys(db: Db, q: RunKeysQuery): { params: string[]; metrics: string[]; tags: string[] } {
  const runs = runsOf(q);
  const keysOf = (table: string) =>
    db.prepare(`SELECT DISTINCT key FROM ${table} WHERE run_id IN (${runs.sql}) ORDER BY key LIMIT ${MAX_KEYS}`).pluck().all(...runs.args) as string[];
  // MLflow clients' own bookkeeping tags (mlflow.user, mlflow.source.name ...) are not columns anyone picks.
  return { params: keysOf('run_params'), metrics: keysOf('latest_metrics'), tags: keysOf('run_tags').filter((k) => !k.startsWith('mlflow.')) };
}
