import type { ProjectYardsticks } from '../../../../../shared/budget/plan-money';
import { formatCents } from '../../../../../shared/budget/spend/spend-format';
import type { Project } from '../../../../../shared/contract/projects';
import { dollarsToProjectCents, rateNote, usdRateOf } from '../../../../../shared/domain/currency';

/**
 * The currency a wizard's answer is shown in: the project the plan is for. Estimates come in US
 * dollars; with the project's rate every figure is converted once (shared/domain/currency.ts).
 * A project in another currency without a rate keeps the answer in dollars and says why, and no
 * budget in its currency is set beside those dollars.
 */
export interface PlanCurrency {
  /** The currency figures are shown in. */
  currency: string;
  /** The project's currency, its rate, budget and cap; null when no project is chosen. */
  yardsticks: ProjectYardsticks | null;
  /** Dollars -> the shown currency's major units (for charts). */
  fromUsd(usd: number): number;
  /** Dollars as money in the shown currency ("€16", "€1,200", "€0.45"). */
  money(usd: number): string;
  /** "at 0.92 EUR per US dollar of 2026-11-30" when figures were converted. */
  rateNote: string | null;
  /** Why figures stay in US dollars for a project in another currency (no rate yet). */
  missingRate: string | null;
}

function usdMoney(usd: number): string {
  return formatCents(Math.round(usd * 100), 'USD');
}

export function planCurrency(project: Pick<Project, 'name' | 'currency' | 'usdRate' | 'usdRateAsOf' | 'budgetCents' | 'monthlyCapCents'> | null): PlanCurrency {
  const dollars: PlanCurrency = { currency: 'USD', yardsticks: null, fromUsd: (x) => x, money: usdMoney, rateNote: null, missingRate: null };
  if (!project) return dollars;
  const yardsticks: ProjectYardsticks = { currency: project.currency, usdRate: project.usdRate ?? null, usdRateAsOf: project.usdRateAsOf ?? null, budgetCents: project.budgetCents, monthlyCapCents: project.monthlyCapCents };
  const rate = usdRateOf(yardsticks);
  if (rate === null) {
    return {
      ...dollars,
      yardsticks,
      missingRate: `“${project.name}” counts in ${project.currency} and has no exchange rate from US dollars yet, so these figures stay in US dollars. Set the rate on the project (how many ${project.currency} one US dollar buys) to see them in ${project.currency}.`,
    };
  }
  return {
    currency: project.currency,
    yardsticks,
    fromUsd: (x) => x * rate,
    money: (x) => formatCents(dollarsToProjectCents(x, yardsticks) as number, project.currency),
    rateNote: rateNote(yardsticks),
    missingRate: null,
  };
}
