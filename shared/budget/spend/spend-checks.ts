import { invalid } from '../input-checks';
import { dayNumber } from './spend-dates';
import { SPEND_CATEGORIES, SPEND_SOURCES, type PlanScenario, type ProjectBudget, type RunningRun, type SpendItem } from './spend-types';

/**
 * Second-line input guards (the contract's zod schemas should refuse bad input first). Each
 * throws AppError('INVALID_INPUT') whose message and issue path name the field, e.g.
 * `items[3].amountCents must be a whole number of cents, got 12.5`.
 */
export function requireCents(field: string, value: number): number {
  if (!Number.isSafeInteger(value)) throw invalid(field, `must be a whole number of cents, got ${String(value)}`);
  return value;
}

function requireNonNegativeCents(field: string, value: number): number {
  if (requireCents(field, value) < 0) throw invalid(field, `must not be negative, got ${value}`);
  return value;
}

export function checkSpendItems(items: readonly SpendItem[], field = 'items'): void {
  items.forEach((item, i) => {
    const at = `${field}[${i}]`;
    dayNumber(item.date, `${at}.date`);
    requireCents(`${at}.amountCents`, item.amountCents);
    if (!(SPEND_CATEGORIES as readonly string[]).includes(item.category)) throw invalid(`${at}.category`, `must be one of ${SPEND_CATEGORIES.join(', ')}, got ${JSON.stringify(item.category)}`);
    if (!(SPEND_SOURCES as readonly string[]).includes(item.source)) throw invalid(`${at}.source`, `must be one of ${SPEND_SOURCES.join(', ')}, got ${JSON.stringify(item.source)}`);
  });
}

export function checkRunningRuns(runs: readonly RunningRun[], field = 'running'): void {
  runs.forEach((run, i) => {
    const at = `${field}[${i}]`;
    requireNonNegativeCents(`${at}.costSoFarCents`, run.costSoFarCents);
    if (!Number.isFinite(run.ratePerHourCents) || run.ratePerHourCents < 0) throw invalid(`${at}.ratePerHourCents`, `must be zero or a positive number, got ${String(run.ratePerHourCents)}`);
    if (run.plannedHours !== undefined && (!Number.isFinite(run.plannedHours) || run.plannedHours < 0)) throw invalid(`${at}.plannedHours`, `must be zero or a positive number of hours, got ${String(run.plannedHours)}`);
  });
}

export function checkProjectBudget(budget: ProjectBudget, field = 'budget'): void {
  if (budget.budgetCents !== null) requireNonNegativeCents(`${field}.budgetCents`, budget.budgetCents);
  if (budget.monthlyCapCents !== null) requireNonNegativeCents(`${field}.monthlyCapCents`, budget.monthlyCapCents);
  const start = budget.startDate === null ? null : dayNumber(budget.startDate, `${field}.startDate`);
  const end = budget.endDate === null ? null : dayNumber(budget.endDate, `${field}.endDate`);
  if (start !== null && end !== null && end < start) throw invalid(`${field}.endDate`, `must not be before the start date ${budget.startDate}, got ${budget.endDate}`);
}

export function checkScenarios(scenarios: readonly PlanScenario[], currency: string, field = 'scenarios'): void {
  scenarios.forEach((s, i) => {
    const at = `${field}[${i}]`;
    if (s.currency !== undefined && s.currency !== currency) throw invalid(`${at}.currency`, `is ${s.currency} but the project counts in ${currency}; convert the scenario first`);
    const costs = [s.p10CostCents, s.p50CostCents, s.p90CostCents];
    const given = costs.filter((c) => c !== null).length;
    if (given !== 0 && given !== 3) throw invalid(`${at}.p50CostCents`, 'P10, P50 and P90 cost are given together or not at all');
    if (given === 3) {
      const [p10, p50, p90] = costs.map((c, k) => requireNonNegativeCents(`${at}.${['p10', 'p50', 'p90'][k]}CostCents`, c as number));
      if (!((p10 as number) <= (p50 as number) && (p50 as number) <= (p90 as number))) throw invalid(`${at}.p50CostCents`, `expected P10 <= P50 <= P90, got ${p10}, ${p50}, ${p90}`);
    }
  });
}
