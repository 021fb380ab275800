import type { PlanMoney } from '../../../../../shared/budget/plan-money';
import { estimateCentsText } from '../../../../../shared/budget/best-guess';
import { formatCents } from '../../../../../shared/budget/spend/spend-format';

/**
 * A planner's answer held against the project's total budget. The best guess is the figure the
 * answer leads with and the saved plan shows (the range's P50, best-guess.ts), so the sentence
 * can name it; the high case is the range's top. Null without a budget.
 */
export function budgetWords(money: PlanMoney): string | null {
  if (!money.cap || !money.capStatus || !money.totalCents || money.cap.kind !== 'project-total') return null;
  const budget = `the project's ${formatCents(money.cap.cents, money.currency)} budget`;
  const best = estimateCentsText(money.totalCents.p50, money.currency);
  const high = estimateCentsText(money.totalCents.p90, money.currency);
  if (money.capStatus === 'within') return `Within ${budget}, even in the high case (${high}).`;
  if (money.capStatus === 'at-risk') return `Within ${budget} at the best guess (${best}), but not in the high case (${high}).`;
  return `Over ${budget} at the best guess (${best}).`;
}
