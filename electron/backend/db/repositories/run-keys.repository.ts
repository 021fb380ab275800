import type { LifecycleView } from '../../../../shared/contract/runs-filter';
import type { Db } from '../connection';

/**
 * The distinct param, metric and tag keys over the runs of a project (or of some experiments),
 * in the same lifecycle view as runs.list. The distinct keys come from a skip scan of each table's
 * (key, value) index (one seek per key, not one row per run and key), and each key is kept when
 * one run of the selection carries it, so 10,000 runs x 20 metrics costs about 20 lookups.
 */
export interface RunKeysQuery {
  projectId: string;
  experimentIds?: readonly number[];
  view: LifecycleView;
}

/** At most this many keys per kind are offered (a column chooser with more is not usable). */
export const MAX_KEYS = 2000;

function runFilter(q: RunKeysQuery): { sql: string; args: unknown[] } {
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
  return { sql: parts.join(' AND '), args };
}

function keysOf(db: Db, table: 'run_params' | 'run_tags' | 'latest_metrics', q: RunKeysQuery): string[] {
  const f = runFilter(q);
  const sql = `
    WITH RECURSIVE k(key) AS (
      SELECT (SELECT min(key) FROM ${table})
      UNION ALL
      SELECT (SELECT min(key) FROM ${table} WHERE key > k.key) FROM k WHERE k.key IS NOT NULL
    )
    SELECT k.key FROM k
    WHERE k.key IS NOT NULL
      AND EXISTS (SELECT 1 FROM ${table} x JOIN runs r ON r.id = x.run_id JOIN experiments e ON e.id = r.experiment_id WHERE x.key = k.key AND ${f.sql})
    LIMIT ${MAX_KEYS}`;
  return db.prepare(sql).pluck().all(...f.args) as string[];
}

export function runKeys(db: Db, q: RunKeysQuery): { params: string[]; metrics: string[]; tags: string[] } {
  // MLflow clients' own bookkeeping tags (mlflow.user, mlflow.source.name ...) are not columns anyone picks.
  return { params: keysOf(db, 'run_params', q), metrics: keysOf(db, 'latest_metrics', q), tags: keysOf(db, 'run_tags', q).filter((k) => !k.startsWith('mlflow.')) };
}
