import type { Migration } from './types';

/**
 * Track search at 10,000 runs (the bench: bench/track-search.bench.ts):
 * - Filters find matching runs through (key, value) indexes on params, tags and latest metrics
 *   (`run id IN (runs whose key matches)`, answered by the index alone).
 * - The cost breakdown with its assumptions (about 1.5 KB a run) moves out of `runs` into
 *   `run_cost_details`, keeping run rows narrow, so a scan of 10,000 of them stays cheap; the
 *   one field of it a table row shows, why the cost is unknown, becomes a column.
 * - The default order (start time, then id) is covered by the experiment index.
 */
export const m0005: Migration = {
  version: 5,
  name: 'track_search',
  sql: `
CREATE TABLE run_cost_details (
  run_id    TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  cost_json TEXT NOT NULL CHECK (json_valid(cost_json))
) STRICT, WITHOUT ROWID;
INSERT INTO run_cost_details (run_id, cost_json) SELECT id, cost_json FROM runs WHERE cost_json <> '{}';
ALTER TABLE runs ADD COLUMN cost_unknown_reason TEXT;
UPDATE runs SET cost_unknown_reason = json_extract(cost_json, '$.unknownReason');
ALTER TABLE runs DROP COLUMN cost_json;

DROP INDEX runs_by_experiment;
CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, id);
CREATE INDEX run_params_by_key ON run_params (key, value);
CREATE INDEX run_tags_by_key ON run_tags (key, value);
CREATE INDEX latest_metrics_by_key ON latest_metrics (key, value);
`,
};
