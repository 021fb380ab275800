import { AppError } from '../../../../shared/domain/errors';
import { parseRunsCsv, RunsCsvError, type CsvRunIn } from '../../../../shared/track/runs-csv';
import type { BackendContext } from '../../context';
import { metricStatements } from '../../db/repositories/metrics.repository';
import type { RunFields } from '../../db/repositories/runs.repository';
import type { Progress } from '../import-mlruns/mlruns-import';
import { TALLY_DEVICES, TALLY_HARDWARE } from '../run-compute-tags';
import { groupWrite } from '../write-queue';
import { readImportFile } from './file-text';
import { resolveExperiment, type ProjectChoice } from './import-experiments';
import type { ImportReport, Origin } from './import-report';
import { MetricSkip, writeImportedRun, writeRun, type MetricSource, type RunToImport } from './import-writer';

/**
 * Runs from a CSV in the layout runs.export writes (shared/track/runs-csv.ts). A metric column
 * holds one value, the latest: it becomes one point (step 0, at the run's end or start) for a
 * run that has no history of that metric yet; beside a history Tally already has it is kept out
 * (an equal value silently, another value reported). Cost and energy are recomputed; only a
 * manual cost and a measured energy are taken from the file. Hardware and devices are written as
 * the tags tally.hardware and tally.devices, as an MLflow client would.
 */
function singlePoint(ctx: BackendContext, runId: string, key: string, value: number, timestamp: number, origin: Origin): MetricSource {
  return {
    key,
    origin,
    read(sink) {
      const state = metricStatements(ctx.db).getState(runId, key);
      if (state) {
        const stored = state.isNan ? Number.NaN : (state.value as number);
        if (Object.is(stored, value) || stored === value) return;
        throw new MetricSkip(`Tally already has a history of "${key}" for this run (latest ${stored}); the file's single value ${value} was not added to it`);
      }
      sink({ steps: Float64Array.of(0), timestamps: Float64Array.of(timestamp), values: Float64Array.of(value) });
    },
  };
}

function fieldsOf(r: CsvRunIn, status: string): RunFields {
  const fields: RunFields = {};
  if (r.durationHours !== null && status !== 'RUNNING') {
    const fromTimes = r.startTime !== null && r.endTime !== null ? (r.endTime - r.startTime) / 3_600_000 : null;
    // The exported duration is end - start unless the run was given its own; keep only a real one.
    if (fromTimes === null || Math.abs(fromTimes - r.durationHours) * 3600 > 1) fields.durationS = r.durationHours * 3600;
  }
  if (r.costBasis === 'manual' && r.costCents !== null) {
    fields.manualCostCents = r.costCents;
    fields.manualCostCurrency = r.currency;
  }
  if (r.energyBasis === 'measured-kwh' && r.energyKwh !== null) fields.energyKwhMeasured = r.energyKwh;
  return fields;
}

function toImport(ctx: BackendContext, path: string, line: number, r: CsvRunIn, experimentId: number): RunToImport {
  const at = (field: string | null): Origin => ({ path, line, field });
  const status = r.status ?? (r.endTime !== null ? 'FINISHED' : 'RUNNING');
  const tags = { ...r.tags };
  if (r.hardware !== null && tags[TALLY_HARDWARE] === undefined) tags[TALLY_HARDWARE] = r.hardware;
  if (r.devices !== null && tags[TALLY_DEVICES] === undefined) tags[TALLY_DEVICES] = String(r.devices);
  const ts = r.endTime ?? r.startTime ?? 0;
  return {
    id: r.id,
    experimentId,
    origin: at('id'),
    name: r.name,
    status,
    startTime: r.startTime,
    endTime: r.endTime,
    userId: '',
    artifactUri: '',
    lifecycleStage: 'active',
    deletedTime: null,
    params: Object.entries(r.params).map(([key, value]) => ({ key, value, origin: at(`param.${key}`) })),
    tags: Object.entries(tags).map(([key, value]) => ({ key, value, origin: at(`tag.${key}`) })),
    metrics: Object.entries(r.metrics).map(([key, value]) => singlePoint(ctx, r.id, key, value, ts, at(`metric.${key}`))),
    fields: fieldsOf(r, status),
  };
}

export async function importRunsCsv(ctx: BackendContext, path: string, choice: ProjectChoice, report: ImportReport, progress: Progress): Promise<void> {
  const text = readImportFile(path);
  let parsed;
  try {
    parsed = parseRunsCsv(text);
  } catch (e) {
    if (e instanceof RunsCsvError) throw new AppError('PARSE_ERROR', `${path}: ${e.message}`, { location: { file: path, line: e.line } });
    throw e;
  }
  for (const name of parsed.ignoredColumns) report.skip('field', { path, line: 1, field: name }, 'not a runs column (id, name, experiment, ..., param.<key>, metric.<key>, tag.<key>); the column was ignored');
  for (const p of parsed.problems) report.skip('row', { path, line: p.line, field: p.field }, `${p.reason}; the row was skipped`);
  const experiments = new Map<string, number>();
  let done = 0;
  for (const { line, run } of parsed.rows) {
    let experimentId = experiments.get(run.experiment);
    if (experimentId === undefined) {
      const want = { name: run.experiment, artifactLocation: '', tags: {}, lifecycleStage: 'active' as const, creationTime: null, fileProject: null, origin: { path, line, field: 'experiment' } };
      experimentId = (await groupWrite(ctx, () => resolveExperiment(ctx, want, choice, report))).id;
      experiments.set(run.experiment, experimentId);
    }
    const id = experimentId;
    await writeRun(ctx, { path, line, field: null }, report, () => writeImportedRun(ctx, toImport(ctx, path, line, run, id), report));
    done += 1;
    progress(done, parsed.rows.length, `${done} of ${parsed.rows.length} rows read`);
  }
}
