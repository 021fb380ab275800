import type { z } from 'zod';
import type { RunDetail } from '../../../../shared/contract/runs';
import { RUNS_EXPORT_FORMAT, type RunExportInput } from '../../../../shared/contract/runs-io';
import { notFound } from '../../../../shared/domain/errors';
import { toWireValue } from '../../../../shared/track/metric-value';
import { runsToCsv, type CsvRunOut } from '../../../../shared/track/runs-csv';
import type { BackendContext } from '../../context';
import { getExperiment } from '../../db/repositories/experiments.repository';
import { getProject } from '../../db/repositories/projects.repository';
import { readSeries } from '../metric-store';
import { searchRunDetails } from '../run-search.service';
import { mustGetProject } from '../project-lookup';

/**
 * runs.export: the runs of a project (or of some experiments) as CSV (one row per run, see
 * shared/track/runs-csv.ts) or as the JSON document runs.import reads back (shared/contract/
 * runs-io.ts), optionally with every metric's full history. Oldest run first.
 */
type Input = z.output<typeof RunExportInput>;

const PAGE = 5000;

function allDetails(ctx: BackendContext, input: Input): RunDetail[] {
  const out: RunDetail[] = [];
  let pageToken: string | undefined;
  do {
    const page = searchRunDetails(ctx, {
      ...(input.projectId !== undefined ? { projectId: input.projectId } : {}),
      ...(input.experimentIds !== undefined ? { experimentIds: input.experimentIds } : {}),
      filter: [],
      orderBy: [{ kind: 'attribute', key: 'start_time', ascending: true }],
      view: input.view,
      maxResults: PAGE,
      ...(pageToken ? { pageToken } : {}),
      columns: { params: 'all', tags: 'all', metrics: 'all' },
    });
    out.push(...page.runs);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}

export function csvRun(d: RunDetail): CsvRunOut {
  return {
    id: d.id,
    name: d.name,
    experiment: d.experimentName,
    status: d.status,
    startTime: d.startTime,
    endTime: d.endTime,
    hours: d.hours,
    hardware: d.hardwareId,
    devices: d.devices,
    costCents: d.costCents,
    currency: d.currency,
    costBasis: d.costBasis,
    energyKwh: d.energyKwh,
    energyBasis: d.energyBasis,
    co2Kg: d.co2Kg,
    params: d.params,
    metrics: d.metrics,
    tags: d.tags,
  };
}

function jsonRun(ctx: BackendContext, d: RunDetail, withHistory: boolean) {
  const { note: _note, scenarioId: _scenario, ...compute } = d.compute;
  const run = {
    id: d.id,
    name: d.name,
    experiment: d.experimentName,
    status: d.status,
    lifecycleStage: d.lifecycleStage,
    startTime: d.startTime,
    endTime: d.endTime,
    userId: d.userId,
    notes: d.notes,
    params: d.params,
    tags: d.tags,
    metrics: d.latestMetrics.map((m) => ({ key: m.key, value: m.value, step: m.step, timestamp: m.timestamp })),
    compute,
    cost: { costCents: d.cost.costCents, currency: d.cost.currency, costUsdCents: d.cost.costUsdCents, basis: d.cost.basis, hours: d.cost.hours, hoursBasis: d.cost.hoursBasis, energyKwh: d.cost.energyKwh, energyBasis: d.cost.energyBasis, co2Kg: d.cost.co2Kg, unknownReason: d.cost.unknownReason },
  };
  if (!withHistory) return run;
  const history: Record<string, { steps: number[]; timestamps: number[]; values: Array<number | string> }> = {};
  for (const m of d.latestMetrics) {
    const s = readSeries(ctx.db, d.id, m.key);
    history[m.key] = { steps: Array.from(s.steps), timestamps: Array.from(s.timestamps), values: Array.from(s.values, toWireValue) };
  }
  return { ...run, history };
}

/** A file name from a project or experiment name: letters, digits, dashes; never empty. */
export function exportFileName(name: string, format: 'csv' | 'json'): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .replace(/[\s_]+/g, '-')
    .toLowerCase()
    .slice(0, 80);
  return `${slug || 'tally'}-runs.${format}`;
}

export function exportRuns(ctx: BackendContext, input: Input): { format: 'csv' | 'json'; fileName: string; text: string; runs: number } {
  const project = input.projectId !== undefined ? mustGetProject(ctx, input.projectId) : undefined;
  const experiments = (input.experimentIds ?? []).map((id) => {
    const e = /^\d{1,15}$/.test(id) ? getExperiment(ctx.db, Number(id)) : undefined;
    if (!e) throw notFound('experiment', id, { field: 'experimentIds' });
    return e;
  });
  const runs = allDetails(ctx, input);
  const single = experiments.length === 1 ? experiments[0] : undefined;
  const fileName = exportFileName(project?.name ?? single?.name ?? 'tally', input.format);
  if (input.format === 'csv') return { format: 'csv', fileName, text: runsToCsv(runs.map(csvRun)), runs: runs.length };
  const docProject = project ?? (experiments.length > 0 && experiments.every((e) => e.projectId === experiments[0]!.projectId) ? getProject(ctx.db, experiments[0]!.projectId) : undefined);
  const names = [...new Set(runs.map((r) => r.experimentId))];
  const described = names.map((id) => getExperiment(ctx.db, Number(id))!).map((e) => ({ name: e.name, lifecycleStage: e.lifecycleStage, artifactLocation: e.artifactLocation, tags: e.tags }));
  const doc = {
    format: RUNS_EXPORT_FORMAT,
    version: 1,
    exportedAt: ctx.clock().toISOString(),
    project: docProject ? { name: docProject.name, currency: docProject.currency } : null,
    experiments: described,
    runs: runs.map((d) => jsonRun(ctx, d, input.withHistory)),
  };
  return { format: 'json', fileName, text: `${JSON.stringify(doc)}\n`, runs: runs.length };
}
