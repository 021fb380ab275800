import { z } from 'zod';
import { CurrencyCode, Id, IsoDate, IsoDateTime } from './common';
import { query } from './define';
import { ExperimentId } from './experiments';
import { BudgetAlertResult, BudgetStatusResult, BurnDownResult, MonthEndForecastResult, ParetoResultSchema, ReplanResult, RunoutForecastResult } from './budget-results';
import { RunId, RunStatus } from './runs';

/**
 * Budgets against actual spend, read-only: the whole picture of a project's money on a day
 * (budget.status), planned against actual per Plan scenario (budget.plan), metric per money for
 * an experiment's runs (budget.pareto) and the alerts of every project (budget.alerts, for the
 * app's notifications). Everything is in the project's currency, integer cents; what cannot be
 * converted or priced is listed with the reason, never mixed in or dropped silently.
 */
const Today = IsoDate.optional();

/** A run whose cost could not be counted, and why (no hardware, no rate, no start time ...). */
export const UncountedRun = z.object({ runId: RunId, runName: z.string(), experimentName: z.string(), status: RunStatus, reason: z.string() });
export type UncountedRun = z.infer<typeof UncountedRun>;
/** A ledger entry in a currency with no known rate into the project's. */
export const UncountedEntry = z.object({ id: Id, date: IsoDate, amountCents: z.number().int(), currency: CurrencyCode, description: z.string(), reason: z.string() });
export type UncountedEntry = z.infer<typeof UncountedEntry>;

/**
 * The rate that turned US dollars (run costs from catalog prices, plans) into the project's
 * currency, to show next to converted figures; null for a USD project (nothing is converted).
 * `usdRate` is null while none is set: what needed it is then listed as not counted.
 */
export const ExchangeRateUsed = z.object({
  currency: CurrencyCode,
  usdRate: z.number().positive().nullable(),
  asOf: IsoDate.nullable(),
  setBy: z.string().nullable(),
  setAt: IsoDateTime.nullable(),
  /** "Run costs and plans in US dollars are converted at 0.92 EUR per US dollar of 2026-11-30 (set by ...)." */
  sentence: z.string(),
});
export type ExchangeRateUsed = z.infer<typeof ExchangeRateUsed>;

export const BudgetReport = z.object({
  projectId: Id,
  projectName: z.string(),
  currency: CurrencyCode,
  exchangeRate: ExchangeRateUsed.nullable(),
  today: IsoDate,
  status: BudgetStatusResult,
  burnDown: BurnDownResult,
  runout: RunoutForecastResult,
  monthEnd: MonthEndForecastResult,
  alerts: z.array(BudgetAlertResult),
  /** True when an alert is an error: the total budget or this month's cap is used up. */
  capExceeded: z.boolean(),
  notCounted: z.object({ runs: z.array(UncountedRun), entries: z.array(UncountedEntry), message: z.string().nullable() }),
  /** How the ledger and the runs became spend (the run-per-day split, the plan's scenarios ...). */
  method: z.string(),
  assumptions: z.array(z.string()),
});
export type BudgetReport = z.infer<typeof BudgetReport>;

export const BudgetStatusInput = z.object({ projectId: Id, today: Today }).strict();

export const ScenarioPlan = z.object({
  scenarioId: Id,
  name: z.string(),
  kind: z.string(),
  experiments: z.array(z.object({ id: ExperimentId, name: z.string() })),
  finishedRuns: z.number().int(),
  runningRuns: z.number().int(),
  /** Linked runs the comparison could not use (cost unknown, no hours), with the reason. */
  runsLeftOut: z.array(z.object({ runId: RunId, runName: z.string(), reason: z.string() })),
  plannedUnits: z.number(),
  plannedUnitsFrom: z.enum(['given', 'linked-runs']),
  /** Why the plan's cost is not compared, when it cannot be (a USD plan without a USD rate). */
  costNote: z.string().nullable(),
  replan: ReplanResult,
});
export type ScenarioPlan = z.infer<typeof ScenarioPlan>;

export const BudgetPlanInput = z
  .object({
    projectId: Id,
    /** Per scenario id, how many runs (units of work) the scenario covers; default: its linked runs, at least 1. */
    plannedUnits: z.record(Id, z.number().positive('Planned runs must be more than 0').max(1e6, 'That is too many planned runs')).optional(),
  })
  .strict();

export const BudgetPlan = z.object({
  projectId: Id,
  currency: CurrencyCode,
  scenarios: z.array(ScenarioPlan),
  /** Scenarios no run or experiment is linked to yet. */
  notLinked: z.array(z.object({ id: Id, name: z.string(), kind: z.string() })),
  method: z.string(),
});
export type BudgetPlan = z.infer<typeof BudgetPlan>;

export const BudgetParetoInput = z
  .object({
    experimentId: ExperimentId,
    metricKey: z.string().min(1, 'Choose a metric').max(250),
    direction: z.enum(['higher', 'lower'], { error: 'direction is higher or lower' }),
  })
  .strict();

export const BudgetPareto = ParetoResultSchema.extend({
  experimentId: ExperimentId,
  experimentName: z.string(),
  metricKey: z.string(),
  direction: z.enum(['higher', 'lower']),
  currency: CurrencyCode,
  /** Runs still running: their cost is not final, so they are not placed. */
  running: z.array(z.object({ runId: RunId, name: z.string() })),
});
export type BudgetPareto = z.infer<typeof BudgetPareto>;

export const ProjectAlert = BudgetAlertResult.extend({ projectId: Id, projectName: z.string() });
export type ProjectAlert = z.infer<typeof ProjectAlert>;

export const budgetContract = {
  'budget.status': query(BudgetStatusInput, BudgetReport),
  'budget.plan': query(BudgetPlanInput, BudgetPlan),
  'budget.pareto': query(BudgetParetoInput, BudgetPareto),
  'budget.alerts': query(z.object({ today: Today }).strict(), z.object({ today: IsoDate, alerts: z.array(ProjectAlert) })),
} as const;
