CREATE INDEX check_runs_by_dataset ON check_runs (dataset_id, created_at);

CREATE INDEX check_runs_by_project ON check_runs (project_id, created_at);

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
