import { formatCents, formatShare } from '../../../../shared/budget/spend/spend-format';
import type { BudgetReport } from '../../../../shared/contract/budget';

/**
 * The budget gauge in numbers and plain words. One money format everywhere on the budget pages:
 * formatCents (the one the forecasts' and alerts' sentences use).
 */
export type Status = BudgetReport['status'];

export interface GaugeParts {
  /** Shares of the bar's width (0-1): spent, committed, remaining; `over` when spent + committed passes the budget. */
  spent: number;
  committed: number;
  remaining: number;
  over: number;
  /** Where the budget line falls on the bar (1 unless spent + committed passes it). */
  budgetAt: number;
  /** Where 80% of the budget falls. */
  warnAt: number;
}

/** The bar spans the budget, or spent + committed when that is larger, so an overrun shows past the budget line. */
export function gaugeParts(s: Status): GaugeParts | null {
  if (s.budgetCents === null || s.budgetCents <= 0) return null;
  const spent = Math.max(0, s.spentCents);
  const committed = Math.max(0, s.committed.totalCents);
  const full = Math.max(s.budgetCents, spent + committed);
  const within = Math.min(spent + committed, s.budgetCents);
  return {
    spent: Math.min(spent, full) / full,
    committed: (Math.min(spent + committed, s.budgetCents) - Math.min(spent, s.budgetCents)) / full,
    remaining: (s.budgetCents - within) / full,
    over: (spent + committed - within) / full,
    budgetAt: s.budgetCents / full,
    warnAt: (0.8 * s.budgetCents) / full,
  };
}

export function gaugeWords(s: Status): string[] {
  const money = (c: number) => formatCents(c, s.currency);
  const c = s.committed;
  const out: string[] = [];
  out.push(s.budgetCents === null ? `You have spent ${money(s.spentCents)}. The project has no total budget to measure it against.` : `You have spent ${money(s.spentCents)} of your ${money(s.budgetCents)} budget${s.shareSpent === null ? '' : ` (${formatShare(s.shareSpent)})`}.`);
  const runs = c.runningSoFarCents + c.toFinishCents;
  const parts = [runs > 0 ? `${money(runs)} by ${c.runningRuns === 1 ? 'a running run' : `${c.runningRuns} running runs`}${c.toFinishCents > 0 ? ' (so far and to finish)' : ' so far'}` : '', c.scheduledCents !== 0 ? `${money(c.scheduledCents)} in entries dated after today` : ''].filter(Boolean);
  out.push(parts.length === 0 ? 'Nothing else is committed: no run is running and no entry is dated later.' : `Committed but not yet spent: ${parts.join(' and ')}.`);
  if (s.remainingCents !== null) out.push(s.remainingCents >= 0 ? `${money(s.remainingCents)} is left to spend.` : `Spent and committed money is ${money(-s.remainingCents)} over the budget.`);
  return out;
}

export function monthWords(s: Status): string {
  const money = (c: number) => formatCents(c, s.currency);
  const m = s.month;
  if (m.capCents === null) return `${money(m.spentCents)} spent this month; the project has no monthly cap.`;
  return `${money(m.spentCents)} of the ${money(m.capCents)} monthly cap spent this month${m.shareOfCap === null ? '' : ` (${formatShare(m.shareOfCap)})`}.`;
}
