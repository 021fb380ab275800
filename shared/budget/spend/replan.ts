import type { HardwareSpec } from '../../domain/hardware';
import { invalid, requirePositive } from '../input-checks';
import { extrapolatePilot } from '../pilot-extrapolation';
import { checkScenarios, requireCents } from './spend-checks';
import { formatCents, formatCentsRange } from './spend-format';
import type { Explained, PlanScenario } from './spend-types';
import { smallSampleHalfWidth, widen } from './small-sample';

/**
 * Planned versus actual for one Plan scenario, and a re-forecast of the rest of it from what its
 * finished runs measured.
 *
 * Work is counted in units: by default one unit per run and a plan of one run; a sweep of 20
 * runs is `plannedUnits: 20`, a training job measured in epochs can use epochs. The finished
 * runs did `unitsDone` of `plannedUnits`, so the plan's share for them is unitsDone / plannedUnits
 * of its cost (and GPU-hours and wall-clock, where the scenario has them).
 *
 * The rest is the pilot extrapolation (pilot-extrapolation.ts) fed by real runs: the finished
 * runs are the pilot (units per device-hour as measured, on their hardware), the rest of the
 * plan is the full job, on the same hardware unless `target` moves it. The measured price per
 * GPU-hour carries over unless the target names its own. The pilot's range (±10% on the same
 * hardware, wider across a hardware jump) is then widened for few runs (small-sample.ts).
 */
export interface FinishedRunMeasure {
  runId: string;
  costCents: number;
  /** Device-hours (GPU-hours on GPUs). */
  gpuHours: number;
  wallClockHours: number;
  /** Work this run did, in the plan's units (default 1). */
  units?: number;
}

export interface ReplanInput {
  scenario: PlanScenario;
  currency: string;
  runs: readonly FinishedRunMeasure[];
  /** Units of work the scenario covers (default 1: one run). */
  plannedUnits?: number;
  /** The hardware the finished runs used; without it the rest is assumed to run on the same. */
  hardware?: HardwareSpec;
  target?: { hardware: HardwareSpec; devices?: number; pricePerDeviceHourCents?: number };
  samples?: number;
  seed?: number;
}

export type ReplanVerdict = 'under' | 'within' | 'over';
export interface ReplanComparison {
  measure: 'cost' | 'gpuHours' | 'wallClockHours';
  /** The plan's figure for the work done (share × scenario), or null when the scenario has none. */
  planned: number | null;
  /** For cost: the plan's P10-P90 for the work done. */
  plannedRange: { p10: number; p90: number } | null;
  actual: number;
  ratio: number | null;
  verdict: ReplanVerdict | null;
}

export interface ReplanRange { p10: number; p50: number; p90: number }
export interface Reforecast {
  restCostCents: ReplanRange;
  totalCostCents: ReplanRange;
  restGpuHours: ReplanRange;
  restWallClockHours: ReplanRange;
  /** Total against the scenario's P50 cost (1.2 = 20% over). */
  vsPlan: number | null;
  /** Log half-width added for few runs. */
  smallSampleWidening: number;
}

export interface Replan extends Explained {
  scenarioId: string;
  scenarioName: string;
  basis: { runs: number; unitsDone: number; plannedUnits: number; unitsLeft: number };
  comparisons: ReplanComparison[];
  reforecast: Reforecast | null;
  message: string;
}

/** Hours estimates within ±10% of the plan count as on plan: the pilot's own same-hardware spread. */
export const ON_PLAN_TOLERANCE = 0.1;

// Unnamed hardware for runs whose device is unknown: only its identity matters (same hardware,
// peak ratio 1).
const MEASURED: HardwareSpec = { id: 'measured', name: 'the measured hardware', vendor: 'unknown', kind: 'datacenter-gpu', fp32Tflops: 1, tf32Tflops: null, bf16Tflops: 1, fp8Tflops: null, int8Tops: null, memoryGb: 1, bandwidthGbs: 1, tdpW: null };

function checkRuns(runs: readonly FinishedRunMeasure[]): void {
  const seen = new Set<string>();
  runs.forEach((r, i) => {
    const at = `runs[${i}]`;
    if (seen.has(r.runId)) throw invalid(`${at}.runId`, `repeats run ${r.runId}`);
    seen.add(r.runId);
    if (requireCents(`${at}.costCents`, r.costCents) < 0) throw invalid(`${at}.costCents`, `must not be negative, got ${r.costCents}`);
    if (!Number.isFinite(r.gpuHours) || r.gpuHours < 0) throw invalid(`${at}.gpuHours`, `must be zero or a positive number, got ${String(r.gpuHours)}`);
    requirePositive(`${at}.wallClockHours`, r.wallClockHours);
    if (r.units !== undefined) requirePositive(`${at}.units`, r.units);
  });
}

function compare(measure: ReplanComparison['measure'], actual: number, planned: number | null, range: ReplanComparison['plannedRange']): ReplanComparison {
  const ratio = planned === null || planned <= 0 ? null : actual / planned;
  let verdict: ReplanVerdict | null = null;
  if (range) verdict = actual < range.p10 ? 'under' : actual > range.p90 ? 'over' : 'within';
  else if (ratio !== null) verdict = ratio < 1 - ON_PLAN_TOLERANCE ? 'under' : ratio > 1 + ON_PLAN_TOLERANCE ? 'over' : 'within';
  return { measure, planned, plannedRange: range, actual, ratio, verdict };
}

export function replanScenario(input: ReplanInput): Replan {
  const { scenario, runs, currency } = input;
  checkScenarios([scenario], currency, 'scenario');
  checkRuns(runs);
  const plannedUnits = requirePositive('plannedUnits', input.plannedUnits ?? 1);
  const unitsOf = (r: FinishedRunMeasure) => r.units ?? 1;
  const sum = (f: (r: FinishedRunMeasure) => number) => runs.reduce((s, r) => s + f(r), 0);
  const unitsDone = sum(unitsOf);
  const cost = sum((r) => r.costCents);
  const gpu = sum((r) => r.gpuHours);
  const wall = sum((r) => r.wallClockHours);
  const unitsLeft = Math.max(0, plannedUnits - unitsDone);
  const share = unitsDone / plannedUnits;
  const money = (c: number) => formatCents(c, currency);
  const costed = scenario.p50CostCents !== null;

  const comparisons = [
    compare('cost', cost, costed ? Math.round(share * (scenario.p50CostCents as number)) : null, costed ? { p10: Math.round(share * (scenario.p10CostCents as number)), p90: Math.round(share * (scenario.p90CostCents as number)) } : null),
    compare('gpuHours', gpu, scenario.gpuHours === undefined ? null : share * scenario.gpuHours, null),
    compare('wallClockHours', wall, scenario.wallClockHours === undefined ? null : share * scenario.wallClockHours, null),
  ];
  const basis = { runs: runs.length, unitsDone, plannedUnits, unitsLeft };
  const assumptions = [
    `${runs.length} finished ${runs.length === 1 ? 'run' : 'runs'} did ${unitsDone} of the plan's ${plannedUnits} units of work, so the plan's share for them is ${Math.round(share * 1000) / 10}% of its figures.`,
    'Wall-clock adds up the finished runs\' durations, as if they ran one after another.',
    `GPU-hours and wall-clock within ±${ON_PLAN_TOLERANCE * 100}% of the plan count as on plan; cost is on plan inside the plan's P10-P90.`,
  ];
  if (unitsDone > plannedUnits) assumptions.push(`More work finished (${unitsDone} units) than the plan's ${plannedUnits}: the plan's share is scaled up to match.`);
  const base = { scenarioId: scenario.id, scenarioName: scenario.name, basis, comparisons };
  const method = 'Estimate against actual for the work done; the rest re-forecast by the pilot extrapolation with the finished runs as the pilot, its range widened for few runs.';

  if (runs.length === 0) return { ...base, reforecast: null, method, assumptions, message: `No run of ${scenario.name} has finished yet, so there is nothing to compare or re-forecast from.` };
  if (gpu <= 0 && unitsLeft > 0) return { ...base, reforecast: null, method, assumptions, message: `The finished runs of ${scenario.name} recorded no GPU-hours, so the rest of the plan cannot be re-forecast from them.` };

  let rest = { cost: { p10: 0, p50: 0, p90: 0 }, gpu: { p10: 0, p50: 0, p90: 0 }, wall: { p10: 0, p50: 0, p90: 0 } };
  let widening = 0;
  if (unitsLeft > 0) {
    const hardware = input.hardware ?? MEASURED;
    const pilotDevices = Math.max(1, Math.round(gpu / wall));
    const price = input.target?.pricePerDeviceHourCents ?? cost / gpu;
    const e = extrapolatePilot(
      {
        // seconds chosen so items / seconds / devices is exactly units per measured device-hour.
        pilot: { items: unitsDone, seconds: (gpu * 3600) / pilotDevices, hardware, devices: pilotDevices },
        fullItems: unitsLeft,
        target: { hardware: input.target?.hardware ?? hardware, devices: input.target?.devices ?? pilotDevices },
        // The extrapolation's price is unit-free: cents in, cents out.
        pricePerDeviceHourUsd: price,
        // Energy is not reported here, so a placeholder power spares hardware without a TDP.
        powerW: 1,
      },
      { samples: input.samples, seed: input.seed },
    );
    const perUnit = (f: (r: FinishedRunMeasure) => number) => runs.map((r) => f(r) / unitsOf(r));
    const wHours = smallSampleHalfWidth(perUnit((r) => r.gpuHours));
    const wCost = smallSampleHalfWidth(perUnit((r) => r.costCents));
    widening = Math.max(wHours, wCost);
    const pick = (k: 'deviceHours' | 'wallClockHours' | 'costUsd', point: number) => ({ p10: Math.min(e.range.p10[k] as number, point), p50: point, p90: Math.max(e.range.p90[k] as number, point) });
    rest = {
      gpu: widen(pick('deviceHours', e.deviceHours), wHours),
      wall: widen(pick('wallClockHours', e.wallClockHours), wHours),
      cost: widen(pick('costUsd', e.costUsd as number), wCost),
    };
    assumptions.push(
      `The rest (${unitsLeft} units) runs at the measured ${Math.round((gpu / unitsDone) * 100) / 100} GPU-hours per unit on ${pilotDevices} ${pilotDevices === 1 ? 'device' : 'devices'}${input.target ? `, moved to ${input.target.devices ?? pilotDevices} x ${input.target.hardware.name} (peak ratio ${Math.round(e.peakRatio * 100) / 100})` : ''}, at ${input.target?.pricePerDeviceHourCents !== undefined ? 'the target\'s' : 'the measured'} ${money(Math.round(price))} per GPU-hour.`,
      `The range rests on ${runs.length} ${runs.length === 1 ? 'run' : 'runs'}: it is widened by ±${Math.round((Math.exp(widening) - 1) * 100)}% for so few (Tally judgement; see small-sample).`,
    );
  }
  const cents = (r: ReplanRange): ReplanRange => ({ p10: Math.round(r.p10), p50: Math.round(r.p50), p90: Math.round(r.p90) });
  const restCost = cents(rest.cost);
  const total = { p10: cost + restCost.p10, p50: cost + restCost.p50, p90: cost + restCost.p90 };
  const vsPlan = costed && (scenario.p50CostCents as number) > 0 ? total.p50 / (scenario.p50CostCents as number) : null;
  const reforecast: Reforecast = { restCostCents: restCost, totalCostCents: total, restGpuHours: rest.gpu, restWallClockHours: rest.wall, vsPlan, smallSampleWidening: widening };

  const spanText = total.p10 === total.p90 ? money(total.p50) : `${money(total.p50)} (${formatCentsRange(total.p10, total.p90, currency)})`;
  const against = vsPlan === null ? '' : ` against ${money(scenario.p50CostCents as number)} planned (${vsPlan >= 1 ? '+' : '-'}${Math.round(Math.abs(vsPlan - 1) * 100)}%)`;
  const basisText = `${runs.length} finished ${runs.length === 1 ? 'run' : 'runs'} (${unitsDone} of ${plannedUnits} units)`;
  const message = unitsLeft === 0 ? `${scenario.name} is done: it cost ${money(cost)}${against}.` : `From ${basisText}, ${scenario.name} now looks like ${spanText}${against}.`;
  return { ...base, reforecast, method, assumptions, message };
}
