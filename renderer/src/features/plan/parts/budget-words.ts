import type { PlanMoney } from '../../../../../shared/budget/plan-money';
import { formatAmount } from '../../../../../shared/domain/money-format';

/**
 * A planner's answer held against the project's total budget, in words that add no second
 * figure for the cost: the answer's headline is the estimate's own best guess, and the saved
 * plan's median of the likely range can differ from it by a few percent, so only the verdict and
 * the high case (the range's top, as the answer shows it) are said. Null without a budget.
 */
export function budgetWords(money: PlanMoney): string | null {
  if (!money.cap || !money.capStatus || !money.totalCents || money.cap.kind !== 'project-total') return null;
  const budget = `the project's ${formatAmount(money.cap.cents / 100, { currency: money.currency })} budget`;
  const high = formatAmount(money.totalCents.p90 / 100, { currency: money.currency, approx: true });
  if (money.capStatus === 'within') return `Within ${budget}, even in the high case (${high}).`;
  if (money.capStatus === 'at-risk') return `Within ${budget} at the best guess, but not in the high case (${high}).`;
  return `Over ${budget} at the best guess.`;
}
