import { replanScenario, type FinishedRunMeasure } from '../../../shared/budget/spend';
import type { BudgetPlan, ScenarioPlan } from '../../../shared/contract/budget';
import type { BackendContext } from '../context';
import type { SpendRun } from '../db/repositories/budget.repository';
import { isRunning, projectSpend } from './budget-inputs';
import { scenarioInCurrency } from './budget-scenarios';
import { scenarioLinks, scenarioOfRun } from './budget.service';
import { mustGetProject } from './project-lookup';
import { listScenarios } from './scenarios.service';

/**
 * budget.plan: for each Plan scenario that runs or experiments carry out, the estimate against
 * what the finished runs cost and took (cost, GPU-hours, wall-clock), and the rest of the plan
 * re-forecast from them (shared/budget/spend/replan.ts: the pilot extrapolation fed by real runs).
 *
 * Units of work: each linked run is one unit. Unless the caller says how many runs a scenario
 * covers, it covers the runs linked to it so far (at least one), so running runs are the part
 * still to do and a scenario whose runs have all finished is done.
 */
const SEED = 20_261_130;

type Measured = { ok: true; measure: FinishedRunMeasure } | { ok: false; reason: string };

/** A finished run's figures (they no longer move with the clock). */
function measured(r: SpendRun): Measured {
  if (r.costCents == null) return { ok: false, reason: r.costUnknownReason ?? 'its cost is unknown' };
  if (r.hours == null || !(r.hours > 0)) return { ok: false, reason: 'it recorded no run time' };
  // A run without a device count ran on at least one device; the cost already counts its devices.
  return { ok: true, measure: { runId: r.id, costCents: r.costCents, gpuHours: r.hours * (r.devices ?? 1), wallClockHours: r.hours } };
}

export function budgetPlan(ctx: BackendContext, input: { projectId: string; plannedUnits?: Record<string, number> | undefined }): BudgetPlan {
  const project = mustGetProject(ctx, input.projectId);
  const spend = projectSpend(ctx, project);
  const links = scenarioLinks(ctx, project.id, spend);
  const runsOf = new Map<string, SpendRun[]>();
  for (const r of spend.runs) {
    const s = scenarioOfRun(links, r);
    if (s !== null && r.status !== 'SCHEDULED') runsOf.set(s, [...(runsOf.get(s) ?? []), r]);
  }

  const scenarios: ScenarioPlan[] = [];
  const notLinked: BudgetPlan['notLinked'] = [];
  for (const s of listScenarios(ctx, project.id)) {
    if (!links.ids.has(s.id)) {
      notLinked.push({ id: s.id, name: s.name, kind: s.kind });
      continue;
    }
    const runs = runsOf.get(s.id) ?? [];
    const finished: FinishedRunMeasure[] = [];
    const runsLeftOut: ScenarioPlan['runsLeftOut'] = [];
    let running = 0;
    for (const r of runs) {
      if (isRunning(r)) {
        running += 1;
        continue;
      }
      const m = measured(r);
      if (m.ok) finished.push(m.measure);
      else runsLeftOut.push({ runId: r.id, runName: r.name, reason: m.reason });
    }
    const given = input.plannedUnits?.[s.id];
    const plannedUnits = given ?? Math.max(1, finished.length + running);
    const converted = scenarioInCurrency(s, project);
    const experiments = [...links.experiments.entries()].filter(([, e]) => e.scenarioId === s.id).map(([id, e]) => ({ id: String(id), name: e.name }));
    scenarios.push({
      scenarioId: s.id,
      name: s.name,
      kind: s.kind,
      experiments,
      finishedRuns: finished.length,
      runningRuns: running,
      runsLeftOut,
      plannedUnits,
      plannedUnitsFrom: given === undefined ? 'linked-runs' : 'given',
      costNote: converted.costNote,
      replan: replanScenario({ scenario: converted.scenario, currency: project.currency, runs: finished, plannedUnits, seed: SEED }),
    });
  }
  return {
    projectId: project.id,
    currency: project.currency,
    scenarios,
    notLinked,
    method: 'A run carries out the scenario it is linked to, or else its experiment\'s. Each linked run is one unit of work; the plan covers the runs linked so far unless told how many it covers. GPU-hours are hours x devices (one device when the run does not say).',
  };
}
