import type { ProjectYardsticks } from '../../../shared/budget/plan-money';
import type { Project } from '../../../shared/contract/projects';
import { moneyOf } from '../../../shared/domain/currency';

/** A project's currency, rate, budget and monthly cap, as the plan money view reads them. */
export function projectYardsticks(p: Project): ProjectYardsticks {
  return { ...moneyOf(p), budgetCents: p.budgetCents, monthlyCapCents: p.monthlyCapCents };
}
