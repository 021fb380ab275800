import { z } from 'zod';
import type { BudgetAlert as BudgetAlertT, BudgetStatus as BudgetStatusT, BurnDown as BurnDownT, BurnRate as BurnRateT, MonthEndForecast as MonthEndForecastT, ParetoResult as ParetoResultT, Replan as ReplanT, RunoutForecast as RunoutForecastT } from '../budget/spend';
import { SPEND_CATEGORIES } from '../budget/spend/spend-types';

/**
 * The results of the budget-versus-actual math (shared/budget/spend) as zod schemas, so the
 * budget.* procedures can declare their outputs. They mirror the TypeScript types one to one:
 * the assertions at the bottom fail the typecheck when either side changes without the other.
 * Money is integer cents in the project's currency; days are 'YYYY-MM-DD'.
 */
const Int = z.number().int();
const Day = z.string();
const Explained = { method: z.string(), assumptions: z.array(z.string()) };

export const CommittedSpend = z.object({
  runningSoFarCents: Int,
  toFinishCents: Int,
  scheduledCents: Int,
  totalCents: Int,
  runningRuns: Int,
  runsWithoutPlannedDuration: Int,
});

export const BudgetStatusResult = z.object({
  currency: z.string(),
  today: Day,
  budgetCents: Int.nullable(),
  spentCents: Int,
  committed: CommittedSpend,
  remainingCents: Int.nullable(),
  shareSpent: z.number().nullable(),
  shareSpentOrCommitted: z.number().nullable(),
  month: z.object({ month: z.string(), from: Day, to: Day, spentCents: Int, capCents: Int.nullable(), remainingCents: Int.nullable(), shareOfCap: z.number().nullable() }),
  byCategory: z.array(z.object({ category: z.enum(SPEND_CATEGORIES), spentCents: Int, share: z.number().nullable() })),
  byExperiment: z.array(z.object({ experimentId: z.string().nullable(), name: z.string(), spentCents: Int, committedCents: Int })),
  ...Explained,
});

export const BurnDownSeriesId = z.enum(['actual', 'plan', 'plan-p10', 'plan-p90', 'budget', 'monthly-cap']);
export const BurnDownResult = z.object({
  currency: z.string(),
  from: Day,
  to: Day,
  stepDays: Int,
  series: z.array(z.object({ id: BurnDownSeriesId, data: z.array(z.object({ x: Day, y: z.number() })) })),
  planTotal: z.object({ p10Cents: Int, p50Cents: Int, p90Cents: Int }).nullable(),
  scenariosLeftOut: z.array(z.object({ id: z.string(), name: z.string(), reason: z.string() })),
  ...Explained,
});

export const BurnRateResult = z.object({
  perDayCents: z.number(),
  lowPerDayCents: z.number(),
  highPerDayCents: z.number(),
  from: Day,
  to: Day,
  days: Int,
  daysWithSpend: Int,
  widened: z.boolean(),
});

export const RunoutForecastResult = z.object({
  status: z.enum(['no-budget', 'no-spend', 'exceeded', 'runs-out', 'after-end', 'not-at-this-rate']),
  date: Day.nullable(),
  range: z.object({ earliest: Day.nullable(), latest: Day.nullable() }),
  exceededOn: Day.nullable(),
  remainingCents: Int.nullable(),
  rate: BurnRateResult.nullable(),
  endDate: Day.nullable(),
  atEnd: z.object({ lowCents: Int, cents: Int, highCents: Int }).nullable(),
  message: z.string(),
  ...Explained,
});

export const MonthEndForecastResult = z.object({
  status: z.enum(['no-cap', 'under', 'over', 'already-over']),
  month: z.string(),
  capCents: Int.nullable(),
  spentCents: Int,
  cents: Int,
  lowCents: Int,
  highCents: Int,
  rate: BurnRateResult.nullable(),
  message: z.string(),
  ...Explained,
});

export const BudgetAlertResult = z.object({
  id: z.string(),
  kind: z.enum(['budget-100', 'budget-80', 'committed-over-budget', 'month-100', 'month-80', 'runout-before-end', 'month-end-over-cap']),
  severity: z.enum(['warning', 'error']),
  message: z.string(),
  amountCents: Int,
  limitCents: Int,
  share: z.number().nullable(),
});

const Range3 = z.object({ p10: z.number(), p50: z.number(), p90: z.number() });
export const ReplanResult = z.object({
  scenarioId: z.string(),
  scenarioName: z.string(),
  basis: z.object({ runs: Int, unitsDone: z.number(), plannedUnits: z.number(), unitsLeft: z.number() }),
  comparisons: z.array(
    z.object({
      measure: z.enum(['cost', 'gpuHours', 'wallClockHours']),
      planned: z.number().nullable(),
      plannedRange: z.object({ p10: z.number(), p90: z.number() }).nullable(),
      actual: z.number(),
      ratio: z.number().nullable(),
      verdict: z.enum(['under', 'within', 'over']).nullable(),
    }),
  ),
  reforecast: z
    .object({ restCostCents: Range3, totalCostCents: Range3, restGpuHours: Range3, restWallClockHours: Range3, vsPlan: z.number().nullable(), smallSampleWidening: z.number() })
    .nullable(),
  message: z.string(),
  ...Explained,
});

export const ParetoResultSchema = z.object({
  points: z.array(z.object({ id: z.string(), name: z.string(), metric: z.number(), costCents: Int, onFront: z.boolean(), dominatedBy: z.string().nullable() })),
  front: z.array(z.string()),
  excluded: z.array(z.object({ id: z.string(), reason: z.enum(['no metric', 'no cost', 'no metric and no cost']) })),
  bestValue: z.string().nullable(),
  best: z.string().nullable(),
  answer: z.string(),
  ...Explained,
});

// Compile-time proof that each schema describes exactly the math's result type.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const MIRRORS_MATCH: [
  Same<z.infer<typeof BudgetStatusResult>, BudgetStatusT>,
  Same<z.infer<typeof BurnDownResult>, BurnDownT>,
  Same<z.infer<typeof BurnRateResult>, BurnRateT>,
  Same<z.infer<typeof RunoutForecastResult>, RunoutForecastT>,
  Same<z.infer<typeof MonthEndForecastResult>, MonthEndForecastT>,
  Same<z.infer<typeof BudgetAlertResult>, BudgetAlertT>,
  Same<z.infer<typeof ReplanResult>, ReplanT>,
  Same<z.infer<typeof ParetoResultSchema>, ParetoResultT>,
] = [true, true, true, true, true, true, true, true];
