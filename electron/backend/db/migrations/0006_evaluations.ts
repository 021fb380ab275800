import type { Migration } from './types';

// Evaluations keep the predictions file where the user keeps it (path, size, mtime and content
// hash, as datasets do) and their whole result as JSON (metrics, baseline, confusion matrix, per
// class, downsampled curves, calibration, slices, threshold tool, label issues, membership
// inference, gates): bounded in size, never rows. `headline_json` holds the few metrics lists show.
// `run_id` names the training run that made the model; it has no foreign key yet because the
// runs table arrives with Track, in a migration this one does not depend on.
// A monitor compares batches of new data with a reference (a dataset or an evaluation, whose
// file path and hash it keeps, so it outlives the reference's record); each batch stores its
// per-feature drift, prediction drift and, when the batch has labels, its metrics.
export const m0006: Migration = {
  version: 6,
  name: 'evaluations',
  sql: `
CREATE TABLE evaluations (
  id                             TEXT PRIMARY KEY,
  project_id                     TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name                           TEXT NOT NULL,
  path                           TEXT NOT NULL,
  file_name                      TEXT NOT NULL,
  size_bytes                     INTEGER NOT NULL CHECK (size_bytes >= 0),
  mtime_ms                       INTEGER NOT NULL,
  hash                           TEXT NOT NULL,
  dataset_id                     TEXT REFERENCES datasets(id) ON DELETE SET NULL,
  run_id                         TEXT,
  inference_cost_per_1000_micros INTEGER CHECK (inference_cost_per_1000_micros IS NULL OR inference_cost_per_1000_micros >= 0),
  task                           TEXT NOT NULL CHECK (task IN ('binary', 'multiclass', 'regression')),
  roles_json                     TEXT NOT NULL CHECK (json_valid(roles_json)),
  options_json                   TEXT NOT NULL CHECK (json_valid(options_json)),
  result_json                    TEXT NOT NULL CHECK (json_valid(result_json)),
  headline_json                  TEXT NOT NULL CHECK (json_valid(headline_json)),
  row_count                      INTEGER NOT NULL CHECK (row_count >= 0),
  gate_status                    TEXT NOT NULL CHECK (gate_status IN ('none', 'passed', 'failed')),
  duration_ms                    INTEGER NOT NULL CHECK (duration_ms >= 0),
  created_at                     TEXT NOT NULL
) STRICT;
CREATE INDEX evaluations_by_project ON evaluations (project_id, created_at);
CREATE INDEX evaluations_by_run ON evaluations (run_id) WHERE run_id IS NOT NULL;

CREATE TABLE monitors (
  id                      TEXT PRIMARY KEY,
  project_id              TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name                    TEXT NOT NULL,
  reference_kind          TEXT NOT NULL CHECK (reference_kind IN ('dataset', 'evaluation')),
  reference_dataset_id    TEXT REFERENCES datasets(id) ON DELETE SET NULL,
  reference_evaluation_id TEXT REFERENCES evaluations(id) ON DELETE SET NULL,
  reference_name          TEXT NOT NULL,
  reference_path          TEXT NOT NULL,
  reference_size_bytes    INTEGER NOT NULL CHECK (reference_size_bytes >= 0),
  reference_mtime_ms      INTEGER NOT NULL,
  reference_hash          TEXT NOT NULL,
  folder                  TEXT,
  roles_json              TEXT CHECK (roles_json IS NULL OR json_valid(roles_json)),
  thresholds_json         TEXT NOT NULL CHECK (json_valid(thresholds_json)),
  created_at              TEXT NOT NULL
) STRICT;
CREATE INDEX monitors_by_project ON monitors (project_id, created_at);

CREATE TABLE monitor_batches (
  id              TEXT PRIMARY KEY,
  monitor_id      TEXT NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
  path            TEXT NOT NULL,
  file_name       TEXT NOT NULL,
  size_bytes      INTEGER NOT NULL CHECK (size_bytes >= 0),
  mtime_ms        INTEGER NOT NULL,
  hash            TEXT NOT NULL,
  row_count       INTEGER NOT NULL CHECK (row_count >= 0),
  period_start    TEXT,
  period_end      TEXT,
  drift_json      TEXT NOT NULL CHECK (json_valid(drift_json)),
  metrics_json    TEXT CHECK (metrics_json IS NULL OR json_valid(metrics_json)),
  drifted_columns INTEGER NOT NULL CHECK (drifted_columns >= 0),
  alert           INTEGER NOT NULL CHECK (alert IN (0, 1)),
  created_at      TEXT NOT NULL,
  UNIQUE (monitor_id, hash)
) STRICT;
CREATE INDEX monitor_batches_by_monitor ON monitor_batches (monitor_id, created_at);
`,
};
