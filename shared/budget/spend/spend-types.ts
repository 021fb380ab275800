/**
 * The inputs of the budget-versus-actual math. All plain JSON: dates are 'YYYY-MM-DD' strings,
 * money is integer cents in the project's currency (the caller converts before it gets here;
 * nothing in this folder mixes currencies).
 */
export const SPEND_CATEGORIES = ['compute', 'api', 'storage', 'labelling', 'other'] as const;
export type SpendCategory = (typeof SPEND_CATEGORIES)[number];

export const SPEND_SOURCES = ['run', 'manual', 'bill'] as const;
export type SpendSource = (typeof SPEND_SOURCES)[number];

/** A calendar day, 'YYYY-MM-DD' (the project's own calendar; no time zone is involved). */
export type IsoDay = string;

/** One ledger entry. A negative amount is a refund or a credit. */
export interface SpendItem {
  date: IsoDay;
  amountCents: number;
  category: SpendCategory;
  source: SpendSource;
  runId?: string;
  experimentId?: string;
  experimentName?: string;
}

/** A run still going: what it has cost so far and what it costs per hour while it runs. */
export interface RunningRun {
  runId: string;
  /** ISO date-time the run started. */
  startedAt: string;
  costSoFarCents: number;
  ratePerHourCents: number;
  /** How long the run is planned to take in total, when the run says so. */
  plannedHours?: number;
  experimentId?: string;
  experimentName?: string;
}

/** The budget fields of a project (the projects table). */
export interface ProjectBudget {
  currency: string;
  budgetCents: number | null;
  monthlyCapCents: number | null;
  startDate: IsoDay | null;
  endDate: IsoDay | null;
}

/** A saved Plan scenario's cost range (and size, where the kind has one). */
export interface PlanScenario {
  id: string;
  name: string;
  kind: string;
  p10CostCents: number | null;
  p50CostCents: number | null;
  p90CostCents: number | null;
  gpuHours?: number;
  wallClockHours?: number;
  /** The currency the costs are in, when known; it must then be the project's. */
  currency?: string;
}

/** Plain-words account of how a figure was made, carried by every result. */
export interface Explained {
  method: string;
  assumptions: string[];
}
