import { z } from 'zod';
import { gpuEnergyFromSeries, isGpuPowerMetric } from '../../../shared/budget/power-energy';
import { computeRunCost, type ProjectMoney, type RunCost, type RunCostInput } from '../../../shared/budget/run-cost';
import type { Catalog } from '../../../shared/catalog/catalog-types';
import type { BackendContext } from '../context';
import { metricKeysLike } from '../db/repositories/metrics.repository';
import { getProject } from '../db/repositories/projects.repository';
import { getRate } from '../db/repositories/rates.repository';
import * as runsRepo from '../db/repositories/runs.repository';
import { effectiveCatalog } from './catalog-effective';
import { catalogPrice } from './estimate-catalog';
import { readSeries } from './metric-store';
import { noteRunsChanged } from './track-events';

/**
 * Resolves what shared/budget/run-cost.ts needs for a run (catalog device and default price,
 * the project's currency, USD rate and negotiated rate, the GPU power series) and materializes
 * the result on the run row. Called inside the transaction that changed an input, so the stored
 * cost is never stale; a running run's cost so far is recomputed at read time.
 */
interface CostEnv {
  catalog: Catalog;
  now: number;
  projects: Map<string, ProjectMoney>;
}

function env(ctx: BackendContext): CostEnv {
  return { catalog: effectiveCatalog(ctx.db), now: ctx.clock().getTime(), projects: new Map() };
}

function projectMoney(ctx: BackendContext, e: CostEnv, projectId: string): ProjectMoney {
  let m = e.projects.get(projectId);
  if (!m) {
    const p = getProject(ctx.db, projectId);
    m = { currency: p?.currency ?? 'USD', usdRate: p?.usdRate ?? null, usdRateAsOf: p?.usdRateAsOf ?? null };
    e.projects.set(projectId, m);
  }
  return m;
}

/** Notes per compute tag (why a value could not be used), stored as a JSON object of strings. */
const ComputeNotes = z.record(z.string(), z.string());

/** The run's compute notes; notes only explain, so one that cannot be read is dropped, never fatal. */
export function computeNotes(run: Pick<runsRepo.RunRecord, 'computeNote'>): Record<string, string> {
  if (!run.computeNote) return {};
  let value: unknown;
  try {
    value = JSON.parse(run.computeNote);
  } catch {
    return {};
  }
  const r = ComputeNotes.safeParse(value);
  return r.success ? r.data : {};
}

function gpuEnergy(ctx: BackendContext, runId: string) {
  const keys = metricKeysLike(ctx.db, runId, 'system/gpu_*_power_usage_watts').filter(isGpuPowerMetric);
  if (keys.length === 0) return null;
  return gpuEnergyFromSeries(keys.map((key) => ({ key, ...readSeries(ctx.db, runId, key) })));
}

function inputOf(ctx: BackendContext, e: CostEnv, run: runsRepo.RunRecord): RunCostInput {
  const hw = run.hardwareId ? e.catalog.hardware.find((h) => h.id === run.hardwareId) : undefined;
  const price = hw ? catalogPrice(e.catalog, hw) : null;
  const rate = run.hardwareId ? getRate(ctx.db, run.projectId, run.hardwareId) : undefined;
  return {
    now: e.now,
    status: run.status,
    startTime: run.startTime,
    endTime: run.endTime,
    durationS: run.durationS,
    hardwareId: run.hardwareId,
    hardware: hw ? { id: hw.id, name: hw.name, tdpW: hw.tdpW, asOf: hw.asOf } : null,
    devices: run.devices,
    energyKwhMeasured: run.energyKwhMeasured,
    systemPower: run.energyKwhMeasured == null ? gpuEnergy(ctx, run.id) : null,
    manualCost: run.manualCostCents != null ? { cents: run.manualCostCents, currency: run.manualCostCurrency ?? projectMoney(ctx, e, run.projectId).currency } : null,
    perRunPriceUsdMicros: run.pricePerDeviceHourMicros,
    projectRate: rate ? { micros: rate.micros, currency: rate.currency, asOf: rate.asOf, note: rate.note } : null,
    catalogPrice: price ? { usdPerDeviceHour: price.value.p50, source: `median of ${price.source}`, asOf: price.asOf } : null,
    project: projectMoney(ctx, e, run.projectId),
    notes: Object.entries(computeNotes(run)).map(([tag, note]) => `${tag}: ${note}`),
  };
}

/** Recomputes and stores the cost of the given runs (inside the caller's transaction) and tells the UI. */
export function recomputeRunCosts(ctx: BackendContext, runIds: readonly string[]): void {
  if (runIds.length === 0) return;
  const e = env(ctx);
  for (const run of runsRepo.getRuns(ctx.db, runIds)) {
    runsRepo.writeRunCost(ctx.db, run.id, computeRunCost(inputOf(ctx, e, run)));
    noteRunsChanged(ctx, run.projectId, run.experimentId, run.id);
  }
}

/** The full cost of one run on the backend's clock now, with every assumption. */
export function currentRunCost(ctx: BackendContext, run: runsRepo.RunRecord): RunCost {
  return computeRunCost(inputOf(ctx, env(ctx), run));
}

/** A hardware name per catalog id, for tables. */
export function hardwareNames(ctx: BackendContext): Map<string, string> {
  return new Map(effectiveCatalog(ctx.db).hardware.map((h) => [h.id, h.name]));
}

/**
 * The figures of a runs-table row at `now`: the stored ones, or for a run whose cost grows with
 * the clock, the per-hour rates times its hours so far (the same arithmetic SQL sorts by).
 */
export function figuresAt(run: runsRepo.RunRecord, now: number) {
  const running = run.durationS == null && run.endTime == null && run.status === 'RUNNING' && run.startTime != null;
  if (!running) return { hours: run.hours, costCents: run.costCents, costUsdCents: run.costUsdCents, energyKwh: run.energyKwh, co2Kg: run.co2Kg };
  const hours = Math.max(0, now - (run.startTime as number)) / 3_600_000;
  const round = (x: number) => Math.sign(x) * Math.round(Math.abs(x));
  const energy = run.energyKwhPerHour != null ? run.energyKwhPerHour * hours : run.energyKwh;
  return {
    hours,
    costCents: run.costCentsPerHour != null ? round(run.costCentsPerHour * hours) : run.costCents,
    costUsdCents: run.costUsdCentsPerHour != null ? round(run.costUsdCentsPerHour * hours) : run.costUsdCents,
    energyKwh: energy,
    co2Kg: run.energyKwhPerHour != null && energy != null && run.co2KgPerKwh != null ? energy * run.co2KgPerKwh : run.co2Kg,
  };
}

/** After a catalog edit: the runs on the devices a changed hardware or price row names. */
export function recomputeRunsOnHardware(ctx: BackendContext, rows: ReadonlyArray<{ kind: string; row: { id: string; hardwareId?: string } }>): void {
  const ids = new Set<string>();
  for (const r of rows) {
    if (r.kind === 'hardware') ids.add(r.row.id);
    else if (r.kind === 'cloud-gpu-price' && r.row.hardwareId) ids.add(r.row.hardwareId);
  }
  if (ids.size > 0) recomputeRunCosts(ctx, runsRepo.runIdsOnHardware(ctx.db, [...ids]));
}
