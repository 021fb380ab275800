CREATE INDEX check_runs_by_dataset ON check_runs (dataset_id, created_at);

CREATE INDEX check_runs_by_project ON check_runs (project_id, created_at);

CREATE INDEX evaluations_by_project ON evaluations (project_id, created_at);

CREATE INDEX evaluations_by_run ON evaluations (run_id) WHERE run_id IS NOT NULL;

CREATE INDEX monitor_batches_by_monitor ON monitor_batches (monitor_id, created_at);

CREATE INDEX monitors_by_project ON monitors (project_id, created_at);

CREATE INDEX projects_by_name ON projects (name COLLATE NOCASE);

CREATE INDEX scenarios_by_project ON scenarios (project_id, created_at);

CREATE TABLE _migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  checksum   TEXT NOT NULL,
  applied_at TEXT NOT NULL,
  app_version TEXT NOT NULL
) STRICT;

CREATE TABLE app_settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE catalog_rows (
  kind       TEXT NOT NULL CHECK (kind IN ('hardware', 'cloud-gpu-price', 'llm-api-price', 'grid-intensity')),
  id         TEXT NOT NULL CHECK (length(id) BETWEEN 1 AND 80),
  data       TEXT NOT NULL CHECK (json_valid(data)),
  source     TEXT NOT NULL,
  as_of      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (kind, id)
) STRICT;

CREATE TABLE check_runs (
  id                   TEXT PRIMARY KEY,
  project_id           TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  dataset_id           TEXT REFERENCES datasets(id) ON DELETE SET NULL,
  reference_dataset_id TEXT REFERENCES datasets(id) ON DELETE SET NULL,
  dataset_name         TEXT NOT NULL,
  reference_name       TEXT,
  dataset_hash         TEXT NOT NULL,
  options_json         TEXT NOT NULL,
  result_json          TEXT NOT NULL,
  verdict              TEXT NOT NULL CHECK (verdict IN ('pass', 'warn', 'fail')),
  summary              TEXT NOT NULL,
  error_count          INTEGER NOT NULL CHECK (error_count >= 0),
  warning_count        INTEGER NOT NULL CHECK (warning_count >= 0),
  info_count           INTEGER NOT NULL CHECK (info_count >= 0),
  gate_failed          INTEGER NOT NULL CHECK (gate_failed IN (0, 1)),
  row_count            INTEGER NOT NULL CHECK (row_count >= 0),
  column_count         INTEGER NOT NULL CHECK (column_count >= 0),
  duration_ms          INTEGER NOT NULL CHECK (duration_ms >= 0),
  created_at           TEXT NOT NULL
) STRICT;

CREATE TABLE datasets (
  id            TEXT PRIMARY KEY,
  project_id    TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  path          TEXT NOT NULL,
  name          TEXT NOT NULL,
  role          TEXT CHECK (role IS NULL OR role IN ('training', 'test', 'production', 'reference', 'other')),
  format        TEXT NOT NULL CHECK (format IN ('csv', 'tsv', 'jsonl', 'json', 'parquet')),
  size_bytes    INTEGER NOT NULL CHECK (size_bytes >= 0),
  mtime_ms      INTEGER NOT NULL,
  hash          TEXT NOT NULL,
  schema_json   TEXT NOT NULL,
  registered_at TEXT NOT NULL,
  analysed_at   TEXT,
  UNIQUE (project_id, path)
) STRICT;

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

CREATE TABLE projects (
  id                TEXT PRIMARY KEY,
  name              TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  notes             TEXT NOT NULL DEFAULT '',
  currency          TEXT NOT NULL DEFAULT 'USD' CHECK (length(currency) = 3),
  budget_cents      INTEGER CHECK (budget_cents IS NULL OR budget_cents >= 0),
  monthly_cap_cents INTEGER CHECK (monthly_cap_cents IS NULL OR monthly_cap_cents >= 0),
  start_date        TEXT,
  end_date          TEXT,
  archived_at       TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;

CREATE TABLE scenarios (
  id             TEXT PRIMARY KEY,
  project_id     TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  notes          TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL CHECK (kind IN ('training', 'deployment', 'inference', 'memory', 'optimal', 'pilot')),
  input_json     TEXT NOT NULL CHECK (json_valid(input_json)),
  result_json    TEXT NOT NULL CHECK (json_valid(result_json)),
  p50_cost_cents INTEGER CHECK (p50_cost_cents IS NULL OR p50_cost_cents >= 0),
  p90_cost_cents INTEGER CHECK (p90_cost_cents IS NULL OR p90_cost_cents >= 0),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
