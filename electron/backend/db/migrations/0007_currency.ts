import type { Migration } from './types';

/**
 * One currency per project, end to end.
 *
 * - The USD exchange rate records who set it and when (`usd_rate_set_by`, `usd_rate_set_at`),
 *   beside the day it applies to (`usd_rate_as_of`). A USD project's rate is 1 by definition:
 *   existing USD projects get it here (any other value a USD project held was meaningless);
 *   projects in another currency keep their rate, or stay without one.
 * - A saved plan's monthly budget is a field of the plan, in integer cents of the currency it
 *   was entered in (always the project's when entered; kept so that a later change of the
 *   project's currency is converted, never misread). The cloud wizard used to write it into the
 *   notes as the single line "Monthly budget: $N" (US dollars); such notes move into the field.
 */
export const m0007: Migration = {
  version: 7,
  name: 'currency',
  sql: `
ALTER TABLE projects ADD COLUMN usd_rate_set_by TEXT;
ALTER TABLE projects ADD COLUMN usd_rate_set_at TEXT;
UPDATE projects SET usd_rate = 1, usd_rate_as_of = NULL, usd_rate_set_by = NULL, usd_rate_set_at = NULL WHERE currency = 'USD';

ALTER TABLE scenarios ADD COLUMN monthly_budget_cents INTEGER CHECK (monthly_budget_cents IS NULL OR monthly_budget_cents > 0);
ALTER TABLE scenarios ADD COLUMN monthly_budget_currency TEXT
  CHECK ((monthly_budget_currency IS NULL) = (monthly_budget_cents IS NULL) AND (monthly_budget_currency IS NULL OR length(monthly_budget_currency) = 3));
UPDATE scenarios
   SET monthly_budget_cents = CAST(round(CAST(substr(notes, 18) AS REAL) * 100) AS INTEGER),
       monthly_budget_currency = 'USD',
       notes = ''
 WHERE notes GLOB 'Monthly budget: $[0-9]*'
   AND substr(notes, 18) NOT GLOB '*[^0-9.]*'
   AND CAST(substr(notes, 18) AS REAL) >= 0.01;
`,
};
