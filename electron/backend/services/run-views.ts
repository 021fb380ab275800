import type { RunCost } from '../../../shared/budget/run-cost';
import type { RunDetail, RunRow, RunStatus } from '../../../shared/contract/runs';
import { toWireValue } from '../../../shared/track/metric-value';
import type { BackendContext } from '../context';
import { latestOfRun, latestOfRuns } from '../db/repositories/metrics.repository';
import { inputsOf, paramsOfRuns, tagsOfRuns } from '../db/repositories/run-data.repository';
import type { RunRecord } from '../db/repositories/runs.repository';
import * as runsRepo from '../db/repositories/runs.repository';
import { computeNotes, currentRunCost, figuresAt, hardwareNames } from './run-costs';

/** Contract shapes of runs: table rows (in bulk) and the full detail of one run. */
const iso = (ms: number | null) => (ms == null ? null : new Date(ms).toISOString());

export interface RowColumns {
  params: 'all' | readonly string[];
  tags: 'all' | readonly string[];
  metrics: 'all' | readonly string[];
}

const ALL: RowColumns = { params: 'all', tags: 'all', metrics: 'all' };

function wireMetrics(m: Record<string, number> | undefined): Record<string, RunRow['metrics'][string]> {
  const out: Record<string, RunRow['metrics'][string]> = {};
  if (m) for (const [k, v] of Object.entries(m)) out[k] = toWireValue(v);
  return out;
}

/** Rows for runs, in the order given, with one query per kind of data for the whole page. */
export function runRows(ctx: BackendContext, runs: readonly RunRecord[], columns: RowColumns = ALL): RunRow[] {
  const ids = runs.map((r) => r.id);
  const params = paramsOfRuns(ctx.db, ids, columns.params);
  const tags = tagsOfRuns(ctx.db, ids, columns.tags);
  const metrics = latestOfRuns(ctx.db, ids, columns.metrics);
  const names = hardwareNames(ctx);
  const now = ctx.clock().getTime();
  return runs.map((r) => {
    const f = figuresAt(r, now);
    const running = r.durationS == null && r.endTime == null && r.status === 'RUNNING' && r.startTime != null;
    return {
      id: r.id,
      name: r.name,
      experimentId: String(r.experimentId),
      experimentName: r.experimentName,
      projectId: r.projectId,
      status: r.status as RunStatus,
      lifecycleStage: r.lifecycleStage,
      startTime: iso(r.startTime),
      endTime: iso(r.endTime),
      userId: r.userId,
      params: params.get(r.id) ?? {},
      tags: tags.get(r.id) ?? {},
      metrics: wireMetrics(metrics.get(r.id)),
      hardwareId: r.hardwareId,
      hardwareName: r.hardwareId ? (names.get(r.hardwareId) ?? null) : null,
      devices: r.devices,
      hours: f.hours,
      hoursBasis: running ? 'running' : r.durationS != null ? 'duration' : r.startTime != null && r.endTime != null ? 'start-end' : 'unknown',
      costCents: f.costCents,
      currency: r.projectCurrency,
      costUsdCents: f.costUsdCents,
      costBasis: r.costBasis,
      energyKwh: f.energyKwh,
      energyBasis: r.energyBasis,
      co2Kg: f.co2Kg,
      costUnknownReason: r.costUnknownReason,
    };
  });
}

/** Everything about one run: its row, latest metrics with steps, inputs, compute fields and the full cost. */
export function runDetail(ctx: BackendContext, r: RunRecord): RunDetail {
  const row = runRows(ctx, [r])[0]!;
  const running = row.hoursBasis === 'running';
  const cost: RunCost = (running ? undefined : runsRepo.runCostDetail(ctx.db, r.id)) ?? currentRunCost(ctx, r);
  const note = Object.entries(computeNotes(r)).map(([tag, n]) => `${tag}: ${n}`).join('\n');
  return {
    ...row,
    currency: cost.currency,
    notes: r.notes,
    artifactUri: r.artifactUri,
    deletedTime: iso(r.deletedTime),
    latestMetrics: latestOfRun(ctx.db, r.id).map((m) => ({ key: m.key, value: toWireValue(m.isNan ? Number.NaN : (m.value as number)), step: m.step, timestamp: m.timestamp, points: m.pointCount })),
    inputs: inputsOf(ctx.db, r.id),
    compute: {
      hardwareId: r.hardwareId,
      devices: r.devices,
      durationS: r.durationS,
      energyKwhMeasured: r.energyKwhMeasured,
      manualCostCents: r.manualCostCents,
      manualCostCurrency: r.manualCostCurrency,
      pricePerDeviceHourUsd: r.pricePerDeviceHourMicros == null ? null : r.pricePerDeviceHourMicros / 1e6,
      scenarioId: r.scenarioId,
      note,
    },
    cost,
  };
}

export function runDetailById(ctx: BackendContext, id: string): RunDetail | undefined {
  const r = runsRepo.getRun(ctx.db, id);
  return r && runDetail(ctx, r);
}
