import type { Migration } from './types';

/**
 * The rate a saved plan's prices were typed at. The planners take prices in the project's
 * currency and store the estimate's input in US dollars; with the project's currency and rate as
 * they were when the estimate was saved, a plan reopens with the prices the owner typed, not a
 * re-conversion at a rate set since. NULL for plans saved before this step (they reopen at the
 * project's current rate, as before) and for a rate the project did not have yet.
 */
export const m0008: Migration = {
  version: 8,
  name: 'plan_price_rate',
  sql: `
ALTER TABLE scenarios ADD COLUMN prices_currency TEXT CHECK (prices_currency IS NULL OR length(prices_currency) = 3);
ALTER TABLE scenarios ADD COLUMN prices_usd_rate REAL CHECK (prices_usd_rate IS NULL OR (prices_currency IS NOT NULL AND prices_usd_rate > 0));
`,
};
