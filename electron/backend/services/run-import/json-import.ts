import type { z } from 'zod';
import { ExportedRun, RunsExportDocument } from '../../../../shared/contract/runs-io';
import { AppError } from '../../../../shared/domain/errors';
import { fromWireValue, type WireMetricValue } from '../../../../shared/track/metric-value';
import type { BackendContext } from '../../context';
import type { RunFields } from '../../db/repositories/runs.repository';
import type { Progress } from '../import-mlruns/mlruns-import';
import type { Points } from '../metric-store';
import { MLFLOW_NOTE_TAG } from '../run-tags';
import { groupWrite } from '../write-queue';
import { readImportFile } from './file-text';
import { resolveExperiment, type ProjectChoice } from './import-experiments';
import type { ImportReport, Origin } from './import-report';
import { writeImportedRun, writeRun, type MetricSource, type RunToImport } from './import-writer';

/**
 * Runs from the JSON that runs.export writes: every field of a run comes back (status, times,
 * params, tags, notes, compute, the latest point of each metric with its step and timestamp, and
 * the full histories when the export had them), so exporting and importing into another
 * workspace gives the same runs, and importing into the same one changes nothing. One bad run is
 * skipped and named by its index and field; the rest are imported.
 */
function lineOf(text: string, message: string): number | undefined {
  const at = /line (\d+)/.exec(message);
  if (at) return Number(at[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return undefined;
  let line = 1;
  for (let i = 0; i < Math.min(text.length, Number(pos[1])); i++) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function parseDocument(path: string, text: string): z.output<typeof RunsExportDocument> {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    const line = lineOf(text, (e as Error).message);
    throw new AppError('PARSE_ERROR', `${path}${line ? ` line ${line}` : ''}: not valid JSON (${(e as Error).message})`, { location: { file: path, ...(line ? { line } : {}) } });
  }
  const doc = RunsExportDocument.safeParse(value);
  if (!doc.success) {
    const issue = doc.error.issues[0]!;
    const field = issue.path.join('.') || '(top level)';
    throw new AppError('INVALID_INPUT', `${path}: ${field}: ${issue.message}`, { location: { file: path, field } });
  }
  return doc.data;
}

const ms = (iso: string | null) => (iso === null ? null : Date.parse(iso));

function columns(steps: readonly number[], timestamps: readonly number[], values: ReadonlyArray<WireMetricValue>): Points {
  return { steps: Float64Array.from(steps), timestamps: Float64Array.from(timestamps), values: Float64Array.from(values, (v) => fromWireValue(v)) };
}

function metricsOf(r: ExportedRun, at: (field: string) => Origin): MetricSource[] {
  const out: MetricSource[] = [];
  const history = r.history ?? {};
  for (const [key, h] of Object.entries(history)) out.push({ key, origin: at(`history.${key}`), read: (sink) => sink(columns(h.steps, h.timestamps, h.values)) });
  for (const m of r.metrics) {
    if (history[m.key]) continue;
    out.push({ key: m.key, origin: at(`metrics.${m.key}`), read: (sink) => sink(columns([m.step], [m.timestamp], [m.value])) });
  }
  return out;
}

function fieldsOf(r: ExportedRun): RunFields {
  const c = r.compute;
  const f: RunFields = {};
  if (c.hardwareId !== undefined) f.hardwareId = c.hardwareId === null ? null : c.hardwareId.toLowerCase();
  if (c.devices !== undefined) f.devices = c.devices;
  if (c.durationS !== undefined) f.durationS = c.durationS;
  if (c.energyKwhMeasured !== undefined) f.energyKwhMeasured = c.energyKwhMeasured;
  if (c.manualCostCents !== undefined) f.manualCostCents = c.manualCostCents;
  if (c.manualCostCurrency !== undefined) f.manualCostCurrency = c.manualCostCurrency;
  if (c.pricePerDeviceHourUsd !== undefined) f.pricePerDeviceHourMicros = c.pricePerDeviceHourUsd === null ? null : Math.round(c.pricePerDeviceHourUsd * 1e6);
  return f;
}

function toImport(path: string, index: number, r: ExportedRun, experimentId: number): RunToImport {
  const at = (field: string | null): Origin => ({ path, line: null, field: field === null ? `runs[${index}]` : `runs[${index}].${field}` });
  const tags = { ...r.tags };
  if (r.notes !== '' && tags[MLFLOW_NOTE_TAG] === undefined) tags[MLFLOW_NOTE_TAG] = r.notes;
  return {
    id: r.id,
    experimentId,
    origin: at(null),
    name: r.name || null,
    status: r.status,
    startTime: ms(r.startTime),
    endTime: ms(r.endTime),
    userId: r.userId,
    artifactUri: '',
    lifecycleStage: r.lifecycleStage,
    deletedTime: null,
    params: Object.entries(r.params).map(([key, value]) => ({ key, value, origin: at(`params.${key}`) })),
    tags: Object.entries(tags).map(([key, value]) => ({ key, value, origin: at(`tags.${key}`) })),
    metrics: metricsOf(r, at),
    fields: fieldsOf(r),
  };
}

export async function importRunsJson(ctx: BackendContext, path: string, choice: ProjectChoice, report: ImportReport, progress: Progress): Promise<void> {
  const doc = parseDocument(path, readImportFile(path));
  const described = new Map(doc.experiments.map((e) => [e.name.trim(), e]));
  const experiments = new Map<string, number>();
  let done = 0;
  for (const [index, raw] of doc.runs.entries()) {
    const parsed = ExportedRun.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      report.skip('run', { path, line: null, field: `runs[${index}]${issue.path.length ? `.${issue.path.join('.')}` : ''}` }, `${issue.message}; the run was skipped`);
      continue;
    }
    const run = parsed.data;
    let experimentId = experiments.get(run.experiment);
    if (experimentId === undefined) {
      const e = described.get(run.experiment);
      const want = {
        name: run.experiment,
        artifactLocation: e?.artifactLocation ?? '',
        tags: e?.tags ?? {},
        lifecycleStage: e?.lifecycleStage ?? ('active' as const),
        creationTime: null,
        fileProject: doc.project?.name ?? null,
        origin: { path, line: null, field: `runs[${index}].experiment` },
      };
      experimentId = (await groupWrite(ctx, () => resolveExperiment(ctx, want, choice, report))).id;
      experiments.set(run.experiment, experimentId);
    }
    const id = experimentId;
    await writeRun(ctx, { path, line: null, field: `runs[${index}]` }, report, () => writeImportedRun(ctx, toImport(path, index, run, id), report));
    done += 1;
    progress(done, doc.runs.length, `${done} of ${doc.runs.length} runs read`);
  }
}
