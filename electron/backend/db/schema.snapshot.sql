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
