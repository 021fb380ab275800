/** The threshold tool's plain sentence about money. */
import { formatMoney } from '../../domain/money';
import type { ThresholdCosts, ThresholdPoint } from './threshold-types';

const plain = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2, minimumFractionDigits: 2 });

export function formatCost(amount: number, costs: ThresholdCosts): string {
  if (costs.unit === 'cents') return formatMoney(Math.round(amount), costs.currency ?? 'USD', 'en-US');
  return plain.format(amount);
}

export function formatThreshold(t: number): string {
  return Number(t.toPrecision(3)).toString();
}

export function costText(costs: ThresholdCosts, atDefault: ThresholdPoint, cheapest: ThresholdPoint, saving: number): string {
  const money = (x: number | null) => formatCost(x ?? 0, costs);
  const price = `at ${money(costs.falsePositive)} per false alarm and ${money(costs.falseNegative)} per missed case`;
  const at = atDefault.threshold === null ? '' : formatThreshold(atDefault.threshold);
  if (saving <= 0 || cheapest.threshold === atDefault.threshold) {
    return `A threshold of ${at} is already the cheapest: ${price}, mistakes cost ${money(atDefault.costPer1000)} per 1,000 predictions.`;
  }
  const rule = cheapest.threshold === null ? 'Flagging nothing' : `Flagging rows that score ${formatThreshold(cheapest.threshold)} or more`;
  const share = (atDefault.costPer1000 as number) > 0 ? ` (${Math.round((saving / (atDefault.costPer1000 as number)) * 100)}%)` : '';
  return `${rule} is the cheapest choice ${price}: mistakes cost ${money(cheapest.costPer1000)} per 1,000 predictions, against ${money(atDefault.costPer1000)} at ${at}, a saving of ${money(saving)} per 1,000${share}.`;
}
