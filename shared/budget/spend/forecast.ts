import { checkProjectBudget, checkSpendItems, requireCents } from './spend-checks';
import { DEFAULT_RESAMPLES, DEFAULT_WINDOW_DAYS, recentBurnRate, type BurnRate, type BurnRateOptions } from './burn-rate';
import { dailyNet, firstSpendDay } from './daily-spend';
import { dayLabel, dayNumber, firstOfMonth, isoDay, lastOfMonth, monthLabel, monthOf } from './spend-dates';
import { formatCents, formatCentsRange } from './spend-format';
import type { Explained, IsoDay, ProjectBudget, SpendItem } from './spend-types';

/**
 * When the budget runs out, and where this month ends against the monthly cap, at the recent
 * burn rate (burn-rate.ts: mean of the last 28 days, bootstrap P10-P90).
 *
 * Run-out day: the first day on which cumulative spend reaches the budget, counting today's
 * entries as spent and adding the rate for each day after today: today + ceil(remaining / rate).
 * The earliest day comes from the high rate, the latest from the low one; when the low rate is
 * zero or negative the latest is "not at this rate" (null). Dates beyond 100 years are not
 * given. Remaining = budget - spent - `committedCents` (what running runs have promised).
 */
export interface ForecastInput extends BurnRateOptions {
  budget: ProjectBudget;
  items: readonly SpendItem[];
  today: IsoDay;
  /** Money promised but not in the ledger yet (BudgetStatus.committed.totalCents); default 0. */
  committedCents?: number;
}

export type RunoutStatus = 'no-budget' | 'no-spend' | 'exceeded' | 'runs-out' | 'after-end' | 'not-at-this-rate';

export interface RunoutForecast extends Explained {
  status: RunoutStatus;
  /** The day the budget runs out at the recent rate. */
  date: IsoDay | null;
  /** Earliest (at the high rate) and latest (at the low rate; null = not at that rate). */
  range: { earliest: IsoDay | null; latest: IsoDay | null };
  /** For 'exceeded': the day the ledger first reached the budget (null when only committed money tips it over). */
  exceededOn: IsoDay | null;
  remainingCents: number | null;
  rate: BurnRate | null;
  endDate: IsoDay | null;
  /** Spent + committed by the project's end date at the low, recent and high rate. */
  atEnd: { lowCents: number; cents: number; highCents: number } | null;
  message: string;
}

export const HORIZON_DAYS = 36_525;

/** The earlier of the project's start and its first entry up to today (day number). */
function historyStart(budget: ProjectBudget, items: readonly SpendItem[], today: number): number | null {
  const first = firstSpendDay(items.filter((it) => dayNumber(it.date) <= today));
  const start = budget.startDate === null ? null : dayNumber(budget.startDate);
  if (first === null) return start;
  return start === null ? first : Math.min(start, first);
}

function rateFor(input: ForecastInput, since: number | null): BurnRate | null {
  return recentBurnRate(input.items, input.today, since === null ? null : isoDay(since), input);
}

function rateWords(rate: BurnRate, currency: string): string {
  const perDay = `${formatCents(Math.round(rate.perDayCents), currency)} a day`;
  return rate.days === 1 ? `${perDay}, from today's spend alone` : `${perDay} over the last ${rate.days} days`;
}

function rateAssumptions(rate: BurnRate | null, windowDays: number): string[] {
  const out = [`The rate is the mean net spend per day over the last ${windowDays} days, no further back than the project's first day; days without entries count as zero and refunds as negative spend.`, 'The days ahead are assumed to look like the days in that window.'];
  if (rate?.widened) out.push(`Only ${rate.days} ${rate.days === 1 ? 'day' : 'days'} of history: the range is at least half to double the rate (Tally judgement), not a statistical interval.`);
  return out;
}

function rateMethod(input: ForecastInput): string {
  const resamples = (input.resamples ?? DEFAULT_RESAMPLES).toLocaleString('en-US');
  return `Recent burn rate: mean net spend per day over the last ${input.windowDays ?? DEFAULT_WINDOW_DAYS} days, with a P10-P90 range from ${resamples} seeded bootstrap resamples of those days`;
}

export function forecastRunout(input: ForecastInput): RunoutForecast {
  const { budget, items } = input;
  const today = dayNumber(input.today, 'today');
  checkProjectBudget(budget);
  checkSpendItems(items);
  const committed = requireCents('committedCents', input.committedCents ?? 0);
  const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  const money = (c: number) => formatCents(c, budget.currency);
  const end = budget.endDate === null ? null : dayNumber(budget.endDate);
  const since = historyStart(budget, items, today);
  const rate = rateFor(input, since);
  const assumptions = rateAssumptions(rate, windowDays);
  if (committed !== 0) assumptions.push(`${money(committed)} committed by running runs and scheduled entries counts as spent.`);
  const base = { date: null, range: { earliest: null, latest: null }, exceededOn: null, rate, endDate: budget.endDate, atEnd: null, method: `${rateMethod(input)}; run-out day = today + ceil(remaining / rate).`, assumptions };

  if (budget.budgetCents === null) return { ...base, status: 'no-budget', remainingCents: null, message: 'The project has no budget, so there is nothing to run out of.' };
  const budgetCents = budget.budgetCents;
  const daily = since === null ? [] : dailyNet(items, since, today);
  const spent = daily.reduce((s, c) => s + c, 0);
  const remaining = budgetCents - spent - committed;

  // Exactly spent counts as run out, except that a zero budget with nothing spent is not exceeded.
  if (remaining < 0 || (remaining === 0 && spent + committed > 0)) {
    let cum = 0;
    const first = daily.findIndex((c) => (cum += c) >= budgetCents);
    const exceededOn = first < 0 || since === null ? null : isoDay(since + first);
    const message = exceededOn === null
      ? `Spent and committed (${money(spent + committed)}) already exceed the ${money(budgetCents)} budget.`
      : `The ${money(budgetCents)} budget ran out on ${dayLabel(exceededOn)}; ${money(spent + committed)} is spent or committed.`;
    return { ...base, status: 'exceeded', exceededOn, remainingCents: remaining, message };
  }
  if (rate === null || rate.daysWithSpend === 0) {
    return { ...base, status: 'no-spend', remainingCents: remaining, message: `Nothing has been spent ${rate === null ? 'yet' : `in the last ${rate.days} days`}, so there is no rate to forecast from.` };
  }

  const dayAt = (perDay: number): number | null => {
    if (perDay <= 0) return null;
    const k = Math.ceil(remaining / perDay - 1e-9);
    return k > HORIZON_DAYS ? null : today + k;
  };
  const point = dayAt(rate.perDayCents);
  const earliest = dayAt(rate.highPerDayCents);
  const latest = dayAt(rate.lowPerDayCents);
  const toEnd = end === null ? null : Math.max(0, end - today);
  const atEnd = toEnd === null ? null : {
    lowCents: spent + committed + Math.round(rate.lowPerDayCents * toEnd),
    cents: spent + committed + Math.round(rate.perDayCents * toEnd),
    highCents: spent + committed + Math.round(rate.highPerDayCents * toEnd),
  };
  const range = { earliest: earliest === null ? null : isoDay(earliest), latest: latest === null ? null : isoDay(latest) };
  const result = { ...base, date: point === null ? null : isoDay(point), range, remainingCents: remaining, atEnd };
  const between = range.earliest === null ? '' : range.latest === null ? ` (from ${dayLabel(range.earliest)}, or not at all at the slowest likely rate)` : range.earliest === range.latest ? '' : ` (between ${dayLabel(range.earliest)} and ${dayLabel(range.latest)})`;

  if (point === null && rate.perDayCents <= 0) {
    return { ...result, status: 'not-at-this-rate', message: `At the recent rate (${rateWords(rate, budget.currency)}) the budget does not run out: refunds match or beat the spend.` };
  }
  if (end !== null && (point === null || point > end)) {
    const left = budgetCents - (atEnd as { cents: number }).cents;
    const fast = earliest !== null && earliest <= end ? `, though at the fastest likely rate it runs out on ${dayLabel(isoDay(earliest))}` : '';
    return { ...result, status: 'after-end', message: `At this rate (${rateWords(rate, budget.currency)}) the budget lasts beyond the project's end on ${dayLabel(isoDay(end))}, with about ${money(left)} left${fast}.` };
  }
  if (point === null) return { ...result, status: 'not-at-this-rate', message: `At the recent rate (${rateWords(rate, budget.currency)}) the budget lasts more than 100 years.` };
  return { ...result, status: 'runs-out', message: `At this rate (${rateWords(rate, budget.currency)}) the ${money(budgetCents)} budget runs out on ${dayLabel(isoDay(point))}${between}.` };
}

export type MonthEndStatus = 'no-cap' | 'under' | 'over' | 'already-over';

export interface MonthEndForecast extends Explained {
  status: MonthEndStatus;
  month: string;
  capCents: number | null;
  spentCents: number;
  /** This month's spend by its last day at the recent rate, and at the low and high rate. */
  cents: number;
  lowCents: number;
  highCents: number;
  rate: BurnRate | null;
  message: string;
}

/** Where this calendar month ends against the monthly cap: spent so far + rate × days left after today. */
export function forecastMonthEnd(input: ForecastInput): MonthEndForecast {
  const { budget, items } = input;
  const today = dayNumber(input.today, 'today');
  checkProjectBudget(budget);
  checkSpendItems(items);
  const windowDays = input.windowDays ?? DEFAULT_WINDOW_DAYS;
  const rate = rateFor(input, historyStart(budget, items, today));
  const spent = dailyNet(items, dayNumber(firstOfMonth(input.today)), today).reduce((s, c) => s + c, 0);
  const daysLeft = dayNumber(lastOfMonth(input.today)) - today;
  const at = (perDay: number) => spent + Math.round(perDay * daysLeft);
  const [low, mid, high] = rate === null ? [spent, spent, spent] : [at(rate.lowPerDayCents), at(rate.perDayCents), at(rate.highPerDayCents)];
  const cap = budget.monthlyCapCents;
  const money = (c: number) => formatCents(c, budget.currency);
  const month = monthLabel(input.today);
  const assumptions = [...rateAssumptions(rate, windowDays), `${daysLeft} ${daysLeft === 1 ? 'day is' : 'days are'} left in ${month} after today; today's entries count as spent.`, 'Running runs count in a month once their cost is in the ledger.'];
  const span = formatCentsRange(low, high, budget.currency);
  const projected = low === high ? money(mid) : `about ${money(mid)} (${span})`;
  const status: MonthEndStatus = cap === null ? 'no-cap' : spent > cap ? 'already-over' : mid > cap ? 'over' : 'under';
  const message = {
    'no-cap': `At this rate you will spend ${projected} in ${month}; the project has no monthly cap.`,
    'already-over': `You have already spent ${money(spent)} in ${month}, over your ${money(cap ?? 0)} monthly cap; at this rate the month ends at ${projected}.`,
    over: `At this rate you will spend ${projected} in ${month}, over your ${money(cap ?? 0)} monthly cap.`,
    under: `At this rate you will spend ${projected} in ${month}, within your ${money(cap ?? 0)} monthly cap.`,
  }[status];
  return { status, month: monthOf(input.today), capCents: cap, spentCents: spent, cents: mid, lowCents: low, highCents: high, rate, method: `${rateMethod(input)}; month end = spent this month + rate × days left.`, assumptions, message };
}
