import { invalid } from '../input-checks';
import { dailyNet, firstSpendDay } from './daily-spend';
import { checkProjectBudget, checkScenarios, checkSpendItems } from './spend-checks';
import { dayLabel, dayNumber, isoDay, monthsBetween } from './spend-dates';
import { formatCents } from './spend-format';
import type { Explained, IsoDay, PlanScenario, ProjectBudget, SpendItem } from './spend-types';

/**
 * The burn-down chart's series, shaped for @nivo/line: cumulative actual spend, the plan (the
 * chosen scenarios' P50 spread evenly over the project's days, with P10 and P90 lines that bound
 * its band) and the cap lines. Every series shares one x grid of 'YYYY-MM-DD' days; y is integer
 * cents in the project's currency.
 *
 * Long projects are downsampled: daily up to `maxPoints` days, otherwise every 7·k days with the
 * smallest k that fits. Cumulative values are exact at every point shown (they are read, not
 * averaged); only the wiggles between points (a refund and its re-charge) are not drawn. Today
 * and the last day are always points, so the actual line ends on today's true total.
 */
export interface BurnDownInput {
  budget: ProjectBudget;
  items: readonly SpendItem[];
  /** The scenarios the plan line is made of (those with no cost are left out and listed). */
  scenarios?: readonly PlanScenario[];
  today: IsoDay;
  /** Most points per series before the series is thinned to weekly steps (default 180). */
  maxPoints?: number;
}

export type BurnDownSeriesId = 'actual' | 'plan' | 'plan-p10' | 'plan-p90' | 'budget' | 'monthly-cap';

export interface BurnDownSeries {
  id: BurnDownSeriesId;
  data: { x: IsoDay; y: number }[];
}

export interface BurnDown extends Explained {
  currency: string;
  from: IsoDay;
  to: IsoDay;
  /** Days between points: 1 (daily) or a multiple of 7 (weekly). */
  stepDays: number;
  series: BurnDownSeries[];
  /** The plan's total over the project, or null when there is no plan line. */
  planTotal: { p10Cents: number; p50Cents: number; p90Cents: number } | null;
  scenariosLeftOut: { id: string; name: string; reason: string }[];
}

export const DEFAULT_BURN_DOWN_POINTS = 180;

/** Grid of day numbers from..to: every `step` days, plus today and the last day. */
function grid(from: number, to: number, step: number, today: number): number[] {
  const xs = new Set<number>();
  for (let d = from; d <= to; d += step) xs.add(d);
  xs.add(to);
  if (today >= from && today <= to) xs.add(today);
  return [...xs].sort((a, b) => a - b);
}

export function burnDown(input: BurnDownInput): BurnDown {
  const { budget, items, today } = input;
  const scenarios = input.scenarios ?? [];
  const maxPoints = input.maxPoints ?? DEFAULT_BURN_DOWN_POINTS;
  if (!Number.isSafeInteger(maxPoints) || maxPoints < 2) throw invalid('maxPoints', `must be a whole number of at least 2, got ${String(maxPoints)}`);
  const todayN = dayNumber(today, 'today');
  checkProjectBudget(budget);
  checkSpendItems(items);
  checkScenarios(scenarios, budget.currency);

  const firstSpend = firstSpendDay(items);
  const from = budget.startDate !== null ? dayNumber(budget.startDate) : Math.min(firstSpend ?? todayN, todayN);
  const end = budget.endDate === null ? null : dayNumber(budget.endDate);
  const to = Math.max(end ?? todayN, todayN, from);
  const span = to - from + 1;
  const step = span <= maxPoints ? 1 : 7 * Math.ceil(span / (7 * maxPoints));
  const xs = grid(from, to, step, todayN);
  const money = (c: number) => formatCents(c, budget.currency);
  const assumptions: string[] = [];

  const daily = dailyNet(items, from, Math.min(todayN, to), true);
  const cumulative: number[] = [];
  daily.reduce((sum, c) => (cumulative.push(sum + c), sum + c), 0);
  const actual = xs.filter((d) => d <= todayN).map((d) => ({ x: isoDay(d), y: cumulative[d - from] as number }));
  const early = items.filter((it) => dayNumber(it.date) < from).length;
  if (early > 0) assumptions.push(`${early} ${early === 1 ? 'entry' : 'entries'} dated before ${dayLabel(isoDay(from))} ${early === 1 ? 'is' : 'are'} counted on the first day.`);
  assumptions.push(`Actual spend runs to ${dayLabel(today)}; entries dated later are not actual spend yet.`);

  const left: BurnDown['scenariosLeftOut'] = [];
  const costed = scenarios.filter((s) => {
    if (s.p50CostCents !== null) return true;
    left.push({ id: s.id, name: s.name, reason: `a ${s.kind} plan has no total cost` });
    return false;
  });
  const series: BurnDownSeries[] = [{ id: 'actual', data: actual }];
  let planTotal: BurnDown['planTotal'] = null;
  if (costed.length > 0 && end !== null) {
    const sum = (k: 'p10CostCents' | 'p50CostCents' | 'p90CostCents') => costed.reduce((s, c) => s + (c[k] as number), 0);
    planTotal = { p10Cents: sum('p10CostCents'), p50Cents: sum('p50CostCents'), p90Cents: sum('p90CostCents') };
    const planDays = end - from + 1;
    const line = (total: number) => xs.map((d) => ({ x: isoDay(d), y: Math.round((total * Math.min(Math.max(d - from + 1, 0), planDays)) / planDays) }));
    series.push({ id: 'plan', data: line(planTotal.p50Cents) }, { id: 'plan-p10', data: line(planTotal.p10Cents) }, { id: 'plan-p90', data: line(planTotal.p90Cents) });
    assumptions.push(
      `The plan is ${costed.map((s) => s.name).join(', ')}: ${money(planTotal.p50Cents)} (P10-P90 ${money(planTotal.p10Cents)}–${money(planTotal.p90Cents)}) spread evenly over ${planDays} days from ${dayLabel(isoDay(from))} to ${dayLabel(isoDay(end))}.`,
    );
    if (costed.length > 1) assumptions.push('The band adds the scenarios\' P10s and P90s, so it is wider than the true P10-P90 of their sum when their errors are independent.');
  } else if (costed.length > 0) {
    assumptions.push('No plan line: the project needs an end date to spread the plan over.');
  } else {
    assumptions.push('No plan line: no chosen scenario has a total cost.');
  }

  if (budget.budgetCents !== null) {
    series.push({ id: 'budget', data: xs.map((d) => ({ x: isoDay(d), y: budget.budgetCents as number })) });
  }
  if (budget.monthlyCapCents !== null) {
    const cap = budget.monthlyCapCents;
    const startDay = isoDay(from);
    series.push({ id: 'monthly-cap', data: xs.map((d) => ({ x: isoDay(d), y: cap * (monthsBetween(startDay, isoDay(d)) + 1) })) });
    assumptions.push(`The monthly-cap line is what the project could have spent by then at ${money(cap)} in each calendar month begun.`);
  }
  return {
    currency: budget.currency,
    from: isoDay(from),
    to: isoDay(to),
    stepDays: step,
    series,
    planTotal,
    scenariosLeftOut: left,
    method: step === 1 ? 'Cumulative sums of the ledger, one point a day.' : `Cumulative sums of the ledger, one point every ${step} days (the project spans ${span} days); today and the last day are points too.`,
    assumptions,
  };
}
