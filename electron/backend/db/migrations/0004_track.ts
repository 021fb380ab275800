import type { Migration } from './types';

/**
 * Track: experiments, runs, their params / tags / inputs / metrics, the ledger and negotiated rates.
 *
 * - Experiment ids are integers (MLflow clients treat them as strings of digits); AUTOINCREMENT
 *   so a purged experiment's id is never handed out again to a client that still caches it.
 *   Names are unique across the workspace, as on an MLflow server.
 * - Run ids are 32 lowercase hex characters (MLflow's uuid4().hex).
 * - Metric history is stored in segments of typed-array blobs (little-endian float64 steps,
 *   timestamps in epoch ms and values; NaN and +/-Infinity kept bit for bit). Points a batch
 *   brings in bulk go straight to `metric_chunks`; small writes go to `metric_hot` and are folded
 *   into one chunk per key once they hold enough points, in the same transaction.
 *   `latest_metrics` keeps MLflow's latest point per key (highest step, then timestamp, then
 *   value) plus the segment bookkeeping of that key.
 * - Run costs are materialized on the run (shared/budget/run-cost.ts) and recomputed in the
 *   transaction that changes any input, so 10,000 runs sort and filter by cost in SQL. While a
 *   run's hours come from the clock, the `*_per_hour` columns let SQL compute the cost and energy
 *   so far at read time (`co2_kg_per_kwh` turns that energy into CO2).
 * - Ledger rows carry their own currency and, when it differs from the project's, the rate used
 *   (`fx_rate`) and the converted amount; `project_amount_cents` is NULL when no rate is known
 *   rather than a silent 1:1. Run costs are never copied into the ledger.
 * - Projects get a dated exchange rate: project currency units per 1 USD.
 */
export const m0004: Migration = {
  version: 4,
  name: 'track',
  sql: `
ALTER TABLE projects ADD COLUMN usd_rate REAL CHECK (usd_rate IS NULL OR usd_rate > 0);
ALTER TABLE projects ADD COLUMN usd_rate_as_of TEXT;

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
CREATE INDEX experiments_by_project ON experiments (project_id, lifecycle_stage);

CREATE TABLE experiment_tags (
  experiment_id INTEGER NOT NULL REFERENCES experiments(id) ON DELETE CASCADE,
  key           TEXT NOT NULL,
  value         TEXT NOT NULL,
  PRIMARY KEY (experiment_id, key)
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
  cost_json                    TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(cost_json))
) STRICT;
CREATE INDEX runs_by_experiment ON runs (experiment_id, lifecycle_stage, start_time);
CREATE INDEX runs_by_hardware ON runs (hardware_id) WHERE hardware_id IS NOT NULL;

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
CREATE INDEX ledger_by_project_date ON ledger_entries (project_id, date);

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
`,
};
