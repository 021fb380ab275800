import type { BudgetStatus } from './budget-status';
import type { MonthEndForecast, RunoutForecast } from './forecast';
import { dayLabel, monthLabel } from './spend-dates';
import { formatCents, formatShare } from './spend-format';

/**
 * Budget alerts for the app's banner, the desktop notification and `tally budget status`.
 *
 * Thresholds: 80% (warning) and 100% (error) of the total budget and of this month's cap, on
 * money spent (the ledger); only the higher of the two shows for each limit. Warnings also when
 * spent plus committed passes the budget, when the recent rate runs the budget out before the
 * project ends, and when it takes this month over the cap.
 *
 * Ids are stable: the same crossing gives the same id on every call, so the UI shows a banner
 * once and the desktop app notifies once. An id names what was crossed (project, limit,
 * threshold, the limit's amount and, for the cap, the month), so a new month, a changed budget or
 * a changed cap is a new crossing; dipping under and back over the same limit is not.
 */
export type BudgetAlertKind = 'budget-100' | 'budget-80' | 'committed-over-budget' | 'month-100' | 'month-80' | 'runout-before-end' | 'month-end-over-cap';
export type BudgetAlertSeverity = 'warning' | 'error';

export interface BudgetAlert {
  id: string;
  kind: BudgetAlertKind;
  severity: BudgetAlertSeverity;
  /** One plain sentence with the figures. */
  message: string;
  /** The amount against the limit, for the UI's own display. */
  amountCents: number;
  limitCents: number;
  share: number | null;
}

export interface BudgetAlertsInput {
  projectId: string;
  status: BudgetStatus;
  runout?: RunoutForecast;
  monthEnd?: MonthEndForecast;
}

export const WARNING_SHARE = 0.8;

function thresholdReached(amount: number, limit: number): 100 | 80 | null {
  if (limit <= 0) return amount > 0 ? 100 : null;
  if (amount >= limit) return 100;
  return amount >= WARNING_SHARE * limit ? 80 : null;
}

export function budgetAlerts(input: BudgetAlertsInput): BudgetAlert[] {
  const { projectId, status, runout, monthEnd } = input;
  const money = (c: number) => formatCents(c, status.currency);
  const shareOf = (a: number, l: number) => (l > 0 ? a / l : null);
  const pct = (a: number, l: number) => (l > 0 ? ` (${formatShare(a / l)})` : '');
  const over = (a: number, l: number) => (a > l ? `, ${money(a - l)} over` : '');
  const alerts: BudgetAlert[] = [];

  const budget = status.budgetCents;
  if (budget !== null) {
    const spent = status.spentCents;
    const level = thresholdReached(spent, budget);
    if (level !== null) {
      alerts.push({
        id: `${projectId}:budget-${level}:${budget}`,
        kind: level === 100 ? 'budget-100' : 'budget-80',
        severity: level === 100 ? 'error' : 'warning',
        message: `You have spent ${money(spent)} of your ${money(budget)} budget${pct(spent, budget)}${over(spent, budget)}.`,
        amountCents: spent,
        limitCents: budget,
        share: shareOf(spent, budget),
      });
    }
    const withCommitted = spent + status.committed.totalCents;
    if (level !== 100 && withCommitted > budget) {
      alerts.push({
        id: `${projectId}:committed-over-budget:${budget}`,
        kind: 'committed-over-budget',
        severity: 'warning',
        message: `With running runs and scheduled entries, ${money(withCommitted)} of your ${money(budget)} budget is spent or committed${pct(withCommitted, budget)}.`,
        amountCents: withCommitted,
        limitCents: budget,
        share: shareOf(withCommitted, budget),
      });
    }
    if (level !== 100 && runout?.status === 'runs-out' && runout.date !== null && runout.endDate !== null && runout.date < runout.endDate) {
      const { earliest, latest } = runout.range;
      const range = earliest !== null && latest !== null && earliest !== latest ? ` (between ${dayLabel(earliest)} and ${dayLabel(latest)})` : '';
      alerts.push({
        id: `${projectId}:runout-before-end:${budget}:${runout.endDate}`,
        kind: 'runout-before-end',
        severity: 'warning',
        message: `At this rate the budget runs out on ${dayLabel(runout.date)}${range}, before the project ends on ${dayLabel(runout.endDate)}.`,
        amountCents: spent,
        limitCents: budget,
        share: shareOf(spent, budget),
      });
    }
  }

  const { month } = status;
  if (month.capCents !== null) {
    const cap = month.capCents;
    const level = thresholdReached(month.spentCents, cap);
    if (level !== null) {
      alerts.push({
        id: `${projectId}:month-${level}:${month.month}:${cap}`,
        kind: level === 100 ? 'month-100' : 'month-80',
        severity: level === 100 ? 'error' : 'warning',
        message: `You have spent ${money(month.spentCents)} of your ${money(cap)} monthly cap for ${monthLabel(month.from)}${pct(month.spentCents, cap)}${over(month.spentCents, cap)}.`,
        amountCents: month.spentCents,
        limitCents: cap,
        share: shareOf(month.spentCents, cap),
      });
    }
    if (level !== 100 && monthEnd?.status === 'over' && monthEnd.month === month.month) {
      alerts.push({
        id: `${projectId}:month-end-over-cap:${month.month}:${cap}`,
        kind: 'month-end-over-cap',
        severity: 'warning',
        message: monthEnd.message,
        amountCents: monthEnd.cents,
        limitCents: cap,
        share: shareOf(monthEnd.cents, cap),
      });
    }
  }
  // Errors first; within a severity, the order above (total budget before the month).
  return alerts.filter((a) => a.severity === 'error').concat(alerts.filter((a) => a.severity === 'warning'));
}
