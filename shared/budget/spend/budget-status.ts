import { invalid } from '../input-checks';
import { checkProjectBudget, checkRunningRuns, checkSpendItems } from './spend-checks';
import { dayLabel, dayNumber, firstOfMonth, monthLabel, monthOf } from './spend-dates';
import { formatCents } from './spend-format';
import { SPEND_CATEGORIES, type Explained, type IsoDay, type ProjectBudget, type RunningRun, type SpendCategory, type SpendItem } from './spend-types';

/**
 * Where a project's money stands on a given day: spent, committed, remaining, this month against
 * the monthly cap, and the split by category and by experiment.
 *
 * Committed is money the project will pay without anyone doing anything more:
 * - a running run's cost so far, until the run's cost reaches the ledger (a ledger entry with
 *   the run's id means it has, so the cost is never counted twice);
 * - a running run's cost to finish when it has a planned duration: planned hours × its hourly
 *   rate, less what it has cost so far (never below zero). A run is started to be finished, so
 *   a gauge that left this out would show money as free that is already promised. It is an
 *   estimate, so it is reported apart from the cost so far;
 * - ledger entries dated after today (a prepaid or scheduled bill).
 */
export interface BudgetStatusInput {
  budget: ProjectBudget;
  items: readonly SpendItem[];
  running?: readonly RunningRun[];
  today: IsoDay;
}

export interface CommittedSpend {
  /** Running runs' cost so far that is not in the ledger yet. */
  runningSoFarCents: number;
  /** Running runs' cost to finish, for runs with a planned duration (an estimate). */
  toFinishCents: number;
  /** Ledger entries dated after today. */
  scheduledCents: number;
  totalCents: number;
  runningRuns: number;
  runsWithoutPlannedDuration: number;
}

export interface CategorySpend {
  category: SpendCategory;
  spentCents: number;
  /** Share of all spend (null when nothing net was spent). */
  share: number | null;
}

export interface ExperimentSpend {
  /** null groups the entries that belong to no experiment. */
  experimentId: string | null;
  name: string;
  spentCents: number;
  committedCents: number;
}

export interface MonthSpend {
  month: string;
  from: IsoDay;
  to: IsoDay;
  spentCents: number;
  capCents: number | null;
  remainingCents: number | null;
  shareOfCap: number | null;
}

export interface BudgetStatus extends Explained {
  currency: string;
  today: IsoDay;
  budgetCents: number | null;
  spentCents: number;
  committed: CommittedSpend;
  /** Budget less spent less committed; negative when over. */
  remainingCents: number | null;
  /** Spent / budget (null without a positive budget). */
  shareSpent: number | null;
  /** (Spent + committed) / budget. */
  shareSpentOrCommitted: number | null;
  month: MonthSpend;
  byCategory: CategorySpend[];
  byExperiment: ExperimentSpend[];
}

export const NO_EXPERIMENT_NAME = 'Not in an experiment';

function shareOf(part: number, whole: number | null): number | null {
  return whole === null || whole <= 0 ? null : part / whole;
}

function committedOf(run: RunningRun, ledgered: ReadonlySet<string>): { soFar: number; toFinish: number } {
  const soFar = ledgered.has(run.runId) ? 0 : run.costSoFarCents;
  const toFinish = run.plannedHours === undefined ? 0 : Math.max(0, Math.round(run.plannedHours * run.ratePerHourCents) - run.costSoFarCents);
  return { soFar, toFinish };
}

export function budgetStatus(input: BudgetStatusInput): BudgetStatus {
  const { budget, items, today } = input;
  const running = input.running ?? [];
  const todayN = dayNumber(today, 'today');
  checkProjectBudget(budget);
  checkSpendItems(items);
  checkRunningRuns(running);
  const seen = new Set<string>();
  for (const [i, r] of running.entries()) {
    if (seen.has(r.runId)) throw invalid(`running[${i}].runId`, `repeats run ${r.runId}`);
    seen.add(r.runId);
  }

  const monthStart = dayNumber(firstOfMonth(today));
  const ledgered = new Set(items.flatMap((it) => (it.runId === undefined ? [] : [it.runId])));
  const byCategory = new Map<SpendCategory, number>(SPEND_CATEGORIES.map((c) => [c, 0]));
  const byExperiment = new Map<string | null, ExperimentSpend>();
  const experiment = (id: string | undefined, name: string | undefined): ExperimentSpend => {
    const key = id ?? null;
    let e = byExperiment.get(key);
    if (!e) {
      e = { experimentId: key, name: key === null ? NO_EXPERIMENT_NAME : (name ?? key), spentCents: 0, committedCents: 0 };
      byExperiment.set(key, e);
    }
    return e;
  };

  let spent = 0;
  let scheduled = 0;
  let scheduledCount = 0;
  let monthSpent = 0;
  let beforeStart = 0;
  const startN = budget.startDate === null ? null : dayNumber(budget.startDate);
  for (const it of items) {
    const d = dayNumber(it.date);
    if (d > todayN) {
      scheduled += it.amountCents;
      scheduledCount += 1;
      experiment(it.experimentId, it.experimentName).committedCents += it.amountCents;
      continue;
    }
    spent += it.amountCents;
    if (d >= monthStart) monthSpent += it.amountCents;
    if (startN !== null && d < startN) beforeStart += 1;
    byCategory.set(it.category, (byCategory.get(it.category) as number) + it.amountCents);
    experiment(it.experimentId, it.experimentName).spentCents += it.amountCents;
  }

  let runningSoFar = 0;
  let toFinish = 0;
  let withoutPlan = 0;
  for (const run of running) {
    const c = committedOf(run, ledgered);
    runningSoFar += c.soFar;
    toFinish += c.toFinish;
    if (run.plannedHours === undefined) withoutPlan += 1;
    experiment(run.experimentId, run.experimentName).committedCents += c.soFar + c.toFinish;
  }
  const committedTotal = runningSoFar + toFinish + scheduled;
  const cap = budget.monthlyCapCents;
  const money = (c: number) => formatCents(c, budget.currency);

  const assumptions = [
    `Spent counts the ledger entries dated on or before ${dayLabel(today)}; refunds (negative entries) reduce it.`,
    'A running run\'s cost so far counts as committed until the run\'s cost is in the ledger (an entry with its run id).',
    running.length === 0
      ? 'No run is running, so nothing is committed by runs.'
      : `Cost to finish is counted for the ${running.length - withoutPlan} of ${running.length} running runs with a planned duration (planned hours × hourly rate, less the cost so far); a run without one counts only what it has cost so far.`,
    `This month is ${monthLabel(today)}: entries from ${dayLabel(firstOfMonth(today))} to ${dayLabel(today)}.`,
  ];
  if (scheduledCount > 0) assumptions.push(`${scheduledCount} ledger ${scheduledCount === 1 ? 'entry' : 'entries'} dated after today (${money(scheduled)}) count as committed, not spent.`);
  if (beforeStart > 0) assumptions.push(`${beforeStart} ${beforeStart === 1 ? 'entry is' : 'entries are'} dated before the project start (${dayLabel(budget.startDate as string)}) and counted all the same.`);
  if (budget.budgetCents === null) assumptions.push('The project has no total budget, so there is no remaining amount or share.');

  return {
    currency: budget.currency,
    today,
    budgetCents: budget.budgetCents,
    spentCents: spent,
    committed: { runningSoFarCents: runningSoFar, toFinishCents: toFinish, scheduledCents: scheduled, totalCents: committedTotal, runningRuns: running.length, runsWithoutPlannedDuration: withoutPlan },
    remainingCents: budget.budgetCents === null ? null : budget.budgetCents - spent - committedTotal,
    shareSpent: shareOf(spent, budget.budgetCents),
    shareSpentOrCommitted: shareOf(spent + committedTotal, budget.budgetCents),
    month: { month: monthOf(today), from: firstOfMonth(today), to: today, spentCents: monthSpent, capCents: cap, remainingCents: cap === null ? null : cap - monthSpent, shareOfCap: shareOf(monthSpent, cap) },
    byCategory: SPEND_CATEGORIES.map((category) => {
      const c = byCategory.get(category) as number;
      return { category, spentCents: c, share: spent > 0 ? c / spent : null };
    }),
    byExperiment: [...byExperiment.values()].sort((a, b) => b.spentCents + b.committedCents - (a.spentCents + a.committedCents) || a.name.localeCompare(b.name)),
    method: 'Sums of the ledger\'s integer cents up to today, plus what running runs have cost and will cost to finish; nothing is sampled.',
    assumptions,
  };
}
