import type { Uncertain } from './uncertain-value';

/**
 * A named value an estimate used, with where it came from. Results carry a record of these so
 * the UI and the CLI can show every assumption and its source next to the number.
 */
export interface Assumption {
  /** The best-guess (median) value, or a label for categorical choices. */
  value: number | string;
  unit?: string;
  /** Where the value comes from: a paper and section, a datasheet, a catalog row, or "user input". */
  source: string;
  /** P10-P90 when the value was treated as uncertain. */
  range?: { p10: number; p90: number };
  /** The as-of date of the catalog row(s) it came from (the oldest, when several). */
  asOf?: string;
  /** Days from asOf to the day the estimate was made, stamped by the host that has a clock. */
  ageDays?: number;
}

export type Assumptions = Record<string, Assumption>;

export function assumptionFrom(u: Uncertain, unit: string, source: string): Assumption {
  const a: Assumption = { value: u.p50, unit, source };
  if (u.p10 !== u.p90) a.range = { p10: u.p10, p90: u.p90 };
  return a;
}
