import type { PlanScenario } from '../../../shared/budget/spend';
import type { Project } from '../../../shared/contract/projects';
import type { Scenario } from '../../../shared/contract/scenarios';

/**
 * A saved Plan scenario as the budget math needs it: P10/P50/P90 cost in the project's currency
 * (scenarios store USD; P10 is read from the stored result), GPU-hours and wall-clock where the
 * kind has them. A USD scenario in a project of another currency is converted with the project's
 * dated USD rate; without one its cost stays null and the reason says so, never a 1:1 copy.
 */
export interface ScenarioInCurrency {
  scenario: PlanScenario;
  /** Why the cost is missing, or null when present: the kind has no total cost, or there is no USD rate. */
  costMissing: 'no-total' | 'no-rate' | null;
  costNote: string | null;
}

interface UsdFigures {
  p10: number;
  p50: number;
  p90: number;
  gpuHours?: number;
  wallClockHours?: number;
}

function usdFigures(s: Scenario): UsdFigures | null {
  switch (s.kind) {
    case 'training': {
      const r = s.result.range;
      return { p10: r.p10.costUsd, p50: r.p50.costUsd, p90: r.p90.costUsd, gpuHours: r.p50.gpuHours, wallClockHours: r.p50.wallClockHours };
    }
    case 'pilot': {
      const r = s.result.range;
      if (r.p10.costUsd === null || r.p50.costUsd === null || r.p90.costUsd === null) return null;
      return { p10: r.p10.costUsd, p50: r.p50.costUsd, p90: r.p90.costUsd, gpuHours: r.p50.deviceHours, wallClockHours: r.p50.wallClockHours };
    }
    case 'deployment': {
      const best = s.result.options.find((o) => o.option === s.result.recommendation.option);
      return best ? { p10: best.totalCostUsd.p10, p50: best.totalCostUsd.p50, p90: best.totalCostUsd.p90 } : null;
    }
    default:
      return null;
  }
}

export function scenarioInCurrency(s: Scenario, project: Project): ScenarioInCurrency {
  const base: PlanScenario = { id: s.id, name: s.name, kind: s.kind, p10CostCents: null, p50CostCents: null, p90CostCents: null, currency: project.currency };
  const usd = usdFigures(s);
  if (usd === null) return { scenario: base, costMissing: 'no-total', costNote: `a ${s.kind} plan has no total cost` };
  const hours = { ...(usd.gpuHours !== undefined ? { gpuHours: usd.gpuHours } : {}), ...(usd.wallClockHours !== undefined ? { wallClockHours: usd.wallClockHours } : {}) };
  const rate = project.currency === 'USD' ? 1 : project.usdRate;
  if (rate === undefined) {
    return { scenario: { ...base, ...hours }, costMissing: 'no-rate', costNote: `its cost is in USD and the project counts in ${project.currency} without a USD exchange rate; set the rate to compare` };
  }
  // Rounded from the same dollars in the same order, so P10 <= P50 <= P90 still holds.
  const cents = (x: number) => Math.round(Math.max(0, x) * 100 * rate);
  const [p10, p50, p90] = [usd.p10, usd.p50, usd.p90].map(cents) as [number, number, number];
  return { scenario: { ...base, ...hours, p10CostCents: Math.min(p10, p50), p50CostCents: p50, p90CostCents: Math.max(p90, p50) }, costMissing: null, costNote: null };
}
