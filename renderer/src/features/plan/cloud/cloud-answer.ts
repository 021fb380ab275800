import type { DeploymentComparison } from '../../../../../shared/contract/estimate';
import { countOf } from '../../../../../shared/domain/plain-words';
import type { MoneyWriter } from '../training/training-result';

/**
 * What the picked option of "Cloud or your own hardware?" costs, as the answer says it and the
 * saved plan lists it: the best guess (each figure's P50, shared/budget/best-guess.ts) a month
 * and over the months planned. Null when no option is allowed.
 */
export function pickedCost(result: DeploymentComparison, months: number, money: Pick<MoneyWriter, 'approx'>): { monthly: string; total: string } | null {
  const best = result.options.find((o) => o.option === result.recommendation.option);
  if (!best) return null;
  return { monthly: money.approx(best.monthlyCostUsd.p50), total: `${money.approx(best.totalCostUsd.p50)} over ${countOf(months, 'month')}` };
}

/** "€16 a month, €190 over 12 months": the line under the pick. */
export function pickedCostLine(result: DeploymentComparison, months: number, money: Pick<MoneyWriter, 'approx'>): string | null {
  const cost = pickedCost(result, months, money);
  return cost && `About ${cost.monthly} a month, ${cost.total}.`;
}
