CREATE INDEX projects_by_name ON projects (name COLLATE NOCASE);

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
