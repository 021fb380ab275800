import type { ProjectYardsticks } from '../../../shared/budget/plan-money';
import type { Project } from '../../../shared/contract/projects';

/** A project's currency, rate, budget and monthly cap, as the plan money view reads them. */
export function projectYardsticks(p: Project): ProjectYardsticks {
  return { currency: p.currency, usdRate: p.usdRate ?? null, usdRateAsOf: p.usdRateAsOf ?? null, budgetCents: p.budgetCents, monthlyCapCents: p.monthlyCapCents };
}
