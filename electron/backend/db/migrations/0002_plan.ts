import type { Migration } from './types';

/**
 * Plan (issue 3). `catalog_rows` holds only what the user changed or added: the built-in catalog
 * stays in code (shared/catalog), and a row here with the same (kind, id) as a default replaces
 * it; deleting that row brings the default back. `data` is the whole row as JSON, validated by
 * shared/catalog before it is written; source and as_of are repeated as columns so they can be
 * listed without parsing. `scenarios` keeps a saved estimate with its input and result JSON and
 * the P50/P90 cost in whole US cents (STRICT: a float cannot slip in).
 */
export const m0002: Migration = {
  version: 2,
  name: 'plan',
  sql: `
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
CREATE INDEX scenarios_by_project ON scenarios (project_id, created_at);
`,
};
