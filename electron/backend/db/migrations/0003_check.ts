import type { Migration } from './types';

// Datasets stay where the user keeps them: a row records the path and a fingerprint (size, mtime,
// content hash) taken at registration, relink or the last analysis, so a moved or changed file is
// detected. A check run keeps its whole result (profile + findings, bounded in size) as JSON and
// the file name and hash it was made on, so it survives the dataset being removed (SET NULL).
export const m0003: Migration = {
  version: 3,
  name: 'check',
  sql: `
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
CREATE INDEX check_runs_by_project ON check_runs (project_id, created_at);
CREATE INDEX check_runs_by_dataset ON check_runs (dataset_id, created_at);
`,
};
