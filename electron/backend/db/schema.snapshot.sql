CREATE INDEX check_runs_by_dataset ON check_runs (dataset_id, created_at);

CREATE INDEX check_runs_by_project ON check_runs (project_id, created_at);

CREATE INDEX evaluations_by_project ON evaluations (project_id, created_at);

CREATE INDEX evaluations_by_run ON evaluations (run_id) WHERE run_id IS NOT NULL;

CREATE INDEX experiments_by_project ON experiments (project_id, lifecycle_stage);

CREATE INDEX latest_metrics_by_key ON latest_metrics (key, value);

CREATE INDEX ledger_by_project_date ON ledger_entries (project_id, date);

CREATE INDEX monitor_batches_by_monitor ON monitor_batches (monitor_id, created_at);

CREATE INDEX monitors_by_project ON monitors (project_id, created_at);

CREATE INDEX projects_by_name ON projects (name COLLATE NOCASE);

CREATE INDEX run_params_by_key ON run_params (key, value);

CREATE INDEX run_tags_by_key ON run_tags (key, value);

CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time, id);

CREATE INDEX runs_by_hardware ON runs (hardware_id) WHERE hardware_id IS NOT NULL;

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

CREATE TABLE experiment_tags (
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  value         TEXT NOT NULL,
  PRIMARY KEY (experiment_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE experiments (
  id                INTEGER PRIMARY KEY AUTOINCREMENT,
  project_id        TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  name              TEXT NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 500),
  artifact_location TEXT NOT NULL DEFAULT '',
  lifecycle_stage   TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle_stage IN ('active', 'deleted')),
  scenario_id       TEXT REFERENCES scenarios(id) ON DELETE SET NULL,
  creation_time     INTEGER NOT NULL,
  last_update_time  INTEGER NOT NULL
) STRICT;

CREATE TABLE latest_metrics (
  run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key         TEXT NOT NULL,
  value       REAL,
  step        INTEGER NOT NULL,
  timestamp   INTEGER NOT NULL,
  is_nan      INTEGER NOT NULL CHECK (is_nan IN (0, 1)),
  point_count INTEGER NOT NULL CHECK (point_count >= 0),
  hot_count   INTEGER NOT NULL CHECK (hot_count >= 0),
  next_seq    INTEGER NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE ledger_entries (
  id                   TEXT PRIMARY KEY,
  project_id           TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  date                 TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  amount_cents         INTEGER NOT NULL,
  currency             TEXT NOT NULL CHECK (length(currency) = 3),
  fx_rate              REAL CHECK (fx_rate IS NULL OR fx_rate > 0),
  project_amount_cents INTEGER,
  category             TEXT NOT NULL CHECK (category IN ('compute', 'api', 'storage', 'labelling', 'other')),
  source               TEXT NOT NULL CHECK (source IN ('manual', 'bill')),
  description          TEXT NOT NULL DEFAULT '',
  import_key           TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  UNIQUE (project_id, import_key)
) STRICT;

CREATE TABLE metric_chunks (
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  first_step INTEGER NOT NULL,
  first_ts   INTEGER NOT NULL,
  last_step  INTEGER NOT NULL,
  last_ts    INTEGER NOT NULL,
  n          INTEGER NOT NULL CHECK (n > 0),
  steps      BLOB NOT NULL,
  timestamps BLOB NOT NULL,
  vals       BLOB NOT NULL,
  PRIMARY KEY (run_id, key, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE metric_hot (
  run_id     TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key        TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  first_step INTEGER NOT NULL,
  first_ts   INTEGER NOT NULL,
  last_step  INTEGER NOT NULL,
  last_ts    INTEGER NOT NULL,
  n          INTEGER NOT NULL CHECK (n > 0),
  steps      BLOB NOT NULL,
  timestamps BLOB NOT NULL,
  vals       BLOB NOT NULL,
  PRIMARY KEY (run_id, key, seq)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE project_rates (
  project_id                   TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  hardware_id                  TEXT NOT NULL,
  price_per_device_hour_micros INTEGER NOT NULL CHECK (price_per_device_hour_micros >= 0),
  currency                     TEXT NOT NULL CHECK (length(currency) = 3),
  note                         TEXT NOT NULL DEFAULT '',
  as_of                        TEXT NOT NULL,
  created_at                   TEXT NOT NULL,
  updated_at                   TEXT NOT NULL,
  PRIMARY KEY (project_id, hardware_id)
) STRICT, WITHOUT ROWID;

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
, usd_rate REAL CHECK (usd_rate IS NULL OR usd_rate > 0), usd_rate_as_of TEXT, usd_rate_set_by TEXT, usd_rate_set_at TEXT) STRICT;

CREATE TABLE run_cost_details (
  run_id    TEXT PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
  cost_json TEXT NOT NULL CHECK (json_valid(cost_json))
) STRICT, WITHOUT ROWID;

CREATE TABLE run_inputs (
  run_id      TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  name        TEXT NOT NULL,
  digest      TEXT NOT NULL,
  context     TEXT NOT NULL DEFAULT '',
  source_type TEXT NOT NULL DEFAULT '',
  source      TEXT NOT NULL DEFAULT '',
  schema      TEXT NOT NULL DEFAULT '',
  profile     TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (run_id, name, digest, context)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_params (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE run_tags (
  run_id TEXT NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  key    TEXT NOT NULL,
  value  TEXT NOT NULL,
  PRIMARY KEY (run_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE runs (
  id                           TEXT PRIMARY KEY CHECK (length(id) = 32),
  experiment_id                INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  name                         TEXT NOT NULL,
  status                       TEXT NOT NULL CHECK (status IN ('RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED')),
  start_time                   INTEGER,
  end_time                     INTEGER,
  lifecycle_stage              TEXT NOT NULL DEFAULT 'active' CHECK (lifecycle_stage IN ('active', 'deleted')),
  deleted_time                 INTEGER,
  user_id                      TEXT NOT NULL DEFAULT '',
  artifact_uri                 TEXT NOT NULL DEFAULT '',
  notes                        TEXT NOT NULL DEFAULT '',
  hardware_id                  TEXT,
  devices                      INTEGER CHECK (devices IS NULL OR devices >= 1),
  duration_s                   REAL CHECK (duration_s IS NULL OR duration_s >= 0),
  energy_kwh_measured          REAL CHECK (energy_kwh_measured IS NULL OR energy_kwh_measured >= 0),
  manual_cost_cents            INTEGER CHECK (manual_cost_cents IS NULL OR manual_cost_cents >= 0),
  manual_cost_currency         TEXT CHECK (manual_cost_currency IS NULL OR length(manual_cost_currency) = 3),
  price_per_device_hour_micros INTEGER CHECK (price_per_device_hour_micros IS NULL OR price_per_device_hour_micros >= 0),
  scenario_id                  TEXT REFERENCES scenarios(id) ON DELETE SET NULL,
  compute_note                 TEXT NOT NULL DEFAULT '',
  cost_cents                   INTEGER,
  cost_usd_cents               INTEGER,
  cost_cents_per_hour          REAL,
  cost_usd_cents_per_hour      REAL,
  cost_basis                   TEXT NOT NULL DEFAULT 'unknown' CHECK (cost_basis IN ('manual', 'per-run-price', 'project-rate', 'catalog', 'unknown')),
  hours                        REAL,
  energy_kwh                   REAL,
  energy_kwh_per_hour          REAL,
  energy_basis                 TEXT NOT NULL DEFAULT 'unknown' CHECK (energy_basis IN ('measured-kwh', 'system-metrics', 'estimated', 'unknown')),
  co2_kg                       REAL,
  co2_kg_per_kwh               REAL,
  cost_unknown_reason TEXT) STRICT;

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
, monthly_budget_cents INTEGER CHECK (monthly_budget_cents IS NULL OR monthly_budget_cents > 0), monthly_budget_currency TEXT
  CHECK ((monthly_budget_currency IS NULL) = (monthly_budget_cents IS NULL) AND (monthly_budget_currency IS NULL OR length(monthly_budget_currency) = 3)), prices_currency TEXT CHECK (prices_currency IS NULL OR length(prices_currency) = 3), prices_usd_rate REAL CHECK (prices_usd_rate IS NULL OR (prices_currency IS NOT NULL AND prices_usd_rate > 0))) STRICT;

CREATE TABLE sqlite_sequence(name,seq);
