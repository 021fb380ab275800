import type { PlanScenario } from '../../../shared/budget/spend';
import type { Project } from '../../../shared/contract/projects';
import { hasTotalCost, planMoney, projectYardsticks } from '../../../shared/budget/plan-money';
import type { StoredScenario } from '../../../shared/contract/scenarios';

/**
 * A saved Plan scenario as the budget math needs it: P10/P50/P90 cost in the project's currency
 * (scenarios store USD; the conversion is shared/budget/plan-money.ts, the one every plan view
 * uses), GPU-hours and wall-clock where the kind has them. Without a rate the cost stays null
 * and the reason says so, never a 1:1 copy.
 */
export interface ScenarioInCurrency {
  scenario: PlanScenario;
  /** Why the cost is missing, or null when present: the kind has no total cost, or there is no USD rate. */
  costMissing: 'no-total' | 'no-rate' | null;
  costNote: string | null;
}

interface Size {
  gpuHours?: number;
  wallClockHours?: number;
}

/** GPU-hours and wall-clock of the plan's best guess, where the kind has them. */
function sizeOf(s: StoredScenario): Size {
  if (s.kind === 'training') return { gpuHours: s.result.range.p50.gpuHours, wallClockHours: s.result.range.p50.wallClockHours };
  if (s.kind === 'pilot') return { gpuHours: s.result.range.p50.deviceHours, wallClockHours: s.result.range.p50.wallClockHours };
  return {};
}

export function scenarioInCurrency(s: StoredScenario, project: Project): ScenarioInCurrency {
  const base: PlanScenario = { id: s.id, name: s.name, kind: s.kind, p10CostCents: null, p50CostCents: null, p90CostCents: null, currency: project.currency, ...sizeOf(s) };
  const money = planMoney(s, projectYardsticks(project));
  if (money.totalCents !== null) {
    const { p10, p50, p90 } = money.totalCents;
    return { scenario: { ...base, p10CostCents: p10, p50CostCents: p50, p90CostCents: p90 }, costMissing: null, costNote: null };
  }
  if (hasTotalCost(s)) {
    return { scenario: base, costMissing: 'no-rate', costNote: `its cost is in USD and the project counts in ${project.currency} without a USD exchange rate; set the rate to compare` };
  }
  return { scenario: base, costMissing: 'no-total', costNote: `a ${s.kind} plan has no total cost` };
}
