/**
 * Monitors: a reference (a dataset, or an evaluation and its roles) and batches of new data
 * compared with it over time. A batch runs in the analysis worker process: the Check engine reads
 * the batch and the reference and measures drift per column (its tests and PSI bands); when the
 * monitor knows the label and output columns and the batch has them, the batch is evaluated too.
 * Only a finished batch is stored, in one transaction; cancel, crash or unreadable files store
 * nothing. A batch whose labels cannot be evaluated is stored with its drift and the reason.
 *
 * Slices (the roles' slice columns): the reference file is evaluated once per monitor and process
 * (its slices and the bins of its numeric slice columns), and every batch is sliced at those bins,
 * so each batch's slices stand next to the same slices of the reference (monitor-slices.ts).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { z } from 'zod';
import { DATA_FILE_EXTENSIONS } from '../../../shared/contract/files';
import type { Monitor, MonitorBatch, MonitorCreateInput, MonitorDetail, MonitorTaskState } from '../../../shared/contract/monitors';
import type { PredictionRoles } from '../../../shared/contract/evaluations';
import type { MetricMap } from '../../../shared/contract/evaluation-result';
import { DriftReport } from '../../../shared/contract/checks';
import { AppError, isAppError, notFound } from '../../../shared/domain/errors';
import { runEvaluation } from '../analysis/evaluate/run-evaluation';
import { runAnalysis } from '../analysis/run-analysis';
import type { BackendContext } from '../context';
import { getEvaluation } from '../db/repositories/evaluations.repository';
import * as repo from '../db/repositories/monitors.repository';
import { createTaskRegistry, type BackgroundTasks, type TaskEntry } from './background-tasks';
import { hashFile, requireDataFile, statDataFile } from './dataset-fingerprint';
import { mustGetDataset } from './datasets.service';
import { mustGetEvaluation } from './evaluations.service';
import { batchAlerts, DEFAULT_MONITOR_THRESHOLDS, HEADLINE_METRIC, headlineOf, monitorSummary } from './monitor-alerts';
import { markFellBehind, MONITOR_SLICE_RESAMPLES, monitorSlices, type ReferenceSlices } from './monitor-slices';
import { withSliceColumns } from './monitor-slice-columns';
import { mustGetProject } from './project-lookup';
import type { NumericBins } from '../../../shared/evaluation/slices';
import type { RunAnalysisOptions } from '../analysis/run-analysis';
import { knownError } from '../db/storage-errors';

type CreateInput = z.output<typeof MonitorCreateInput>;

const registries = new WeakMap<BackendContext, BackgroundTasks<MonitorTaskState>>();

function tasksOf(ctx: BackendContext): BackgroundTasks<MonitorTaskState> {
  let r = registries.get(ctx);
  if (!r) {
    r = createTaskRegistry<MonitorTaskState>(ctx, () => ({ batchIds: [] }));
    registries.set(ctx, r);
  }
  return r;
}

export function mustGetMonitor(ctx: BackendContext, id: string, field = 'id'): Monitor {
  const m = repo.getMonitor(ctx.db, id);
  if (!m) throw notFound('monitor', id, { field, hint: 'It may have been deleted.' });
  return m;
}

/**
 * Stores a monitor on a reference. Slice columns the user chose (`slices`, else the roles' own)
 * are checked against the reference file first: a column it lacks is refused, nothing stored.
 */
export async function createMonitor(ctx: BackendContext, input: CreateInput): Promise<Monitor> {
  mustGetProject(ctx, input.projectId);
  let reference: Monitor['reference'];
  let roles: PredictionRoles | null = input.roles ?? null;
  if (input.reference.kind === 'dataset') {
    const d = mustGetDataset(ctx, input.reference.datasetId, 'reference.datasetId');
    if (d.projectId !== input.projectId) throw new AppError('NOT_FOUND', `Dataset ${d.name} belongs to another project.`, { location: { field: 'reference.datasetId' } });
    reference = { kind: 'dataset', datasetId: d.id, evaluationId: null, name: d.name, path: d.path, hash: d.hash };
  } else {
    const e = mustGetEvaluation(ctx, input.reference.evaluationId, 'reference.evaluationId');
    if (e.projectId !== input.projectId) throw new AppError('NOT_FOUND', `Evaluation ${e.name} belongs to another project.`, { location: { field: 'reference.evaluationId' } });
    reference = { kind: 'evaluation', datasetId: null, evaluationId: e.id, name: e.name, path: e.path, hash: e.hash };
    roles ??= e.roles;
  }
  const stat = requireDataFile(reference.path, input.reference.kind === 'dataset' ? 'reference.datasetId' : 'reference.evaluationId');
  if (input.folder !== undefined) {
    let folder = false;
    try {
      folder = statSync(input.folder).isDirectory();
    } catch {
      // not there
    }
    if (!folder) throw new AppError('FILE_NOT_FOUND', `There is no folder at ${input.folder}.`, { location: { field: 'folder', file: input.folder } });
  }
  const chosen = input.slices ?? input.roles?.slices;
  if (chosen !== undefined) roles = await withSliceColumns(reference, roles, chosen);
  const monitor = {
    id: ctx.newId(),
    projectId: input.projectId,
    name: input.name,
    reference,
    folder: input.folder ?? null,
    roles,
    thresholds: { ...DEFAULT_MONITOR_THRESHOLDS, ...input.thresholds },
    createdAt: ctx.clock().toISOString(),
  };
  // The project may have gone while the reference's columns were read.
  ctx.db.transaction(() => {
    mustGetProject(ctx, input.projectId);
    repo.insertMonitor(ctx.db, monitor, stat);
  })();
  ctx.emit({ type: 'monitors.changed', payload: { id: monitor.id, projectId: monitor.projectId, change: 'created' } });
  return mustGetMonitor(ctx, monitor.id);
}

export function listMonitors(ctx: BackendContext, projectId: string): Monitor[] {
  return repo.listMonitors(ctx.db, projectId);
}

/** The reference's metrics and the headline metric, when the reference is an evaluation still stored. */
function referenceFacts(ctx: BackendContext, m: Monitor): { metrics: MetricMap | null; headline: string | null; task: 'binary' | 'multiclass' | 'regression' | null } {
  const e = m.reference.evaluationId ? getEvaluation(ctx.db, m.reference.evaluationId) : undefined;
  if (e) return { metrics: e.result.metrics, headline: HEADLINE_METRIC[e.task], task: e.task };
  return { metrics: null, headline: null, task: null };
}

export function getMonitorDetail(ctx: BackendContext, id: string): MonitorDetail {
  const m = mustGetMonitor(ctx, id);
  const batches = repo.listBatches(ctx.db, id);
  const ref = referenceFacts(ctx, m);
  const headline = ref.headline ?? headlineOf(batches.find((b) => b.metrics)?.metrics ?? null);
  // A dataset reference's metrics come from evaluating its file with the batches (the latest one's).
  const referenceMetrics = ref.metrics ?? batches.findLast((b) => b.referenceMetrics !== null)?.referenceMetrics ?? null;
  return { ...m, batches, referenceMetrics, headlineMetric: headline, summary: monitorSummary(batches, headline, referenceMetrics, m.thresholds.metricDrop) };
}

/** The reference file evaluated with the monitor's roles (its metrics, slices and bins), or why it could not be. */
type SliceBaseline = (ReferenceSlices & { metrics: MetricMap; bins: Record<string, NumericBins> }) | { reason: string };

/** Per backend: monitor id and reference hash -> its slice baseline (the reference does not change under a monitor). */
const baselines = new WeakMap<BackendContext, Map<string, SliceBaseline>>();

async function sliceBaseline(ctx: BackendContext, m: Monitor, roles: PredictionRoles, task: 'binary' | 'multiclass' | 'regression' | null, options: RunAnalysisOptions): Promise<SliceBaseline> {
  let cache = baselines.get(ctx);
  if (!cache) baselines.set(ctx, (cache = new Map()));
  const key = `${m.id}:${m.reference.hash}`;
  const known = cache.get(key);
  if (known) return known;
  let baseline: SliceBaseline;
  try {
    const samples = roles.slices?.length ? MONITOR_SLICE_RESAMPLES : 0;
    const outcome = await runEvaluation({ file: m.reference.path, roles, options: { bootstrapSamples: samples, labelIssues: false, ...(task ? { task } : {}) } }, options);
    baseline = { rows: outcome.result.n, metrics: outcome.result.metrics, slices: outcome.result.slices, bins: outcome.sliceBins };
  } catch (e) {
    if (!isAppError(e) || (e.code !== 'PARSE_ERROR' && e.code !== 'INVALID_INPUT')) throw e;
    baseline = { reason: `The reference ${m.reference.name} could not be evaluated (${e.message}), so the slices are not compared with it.` };
  }
  cache.set(key, baseline);
  return baseline;
}

export function deleteMonitor(ctx: BackendContext, id: string): { id: string } {
  const m = mustGetMonitor(ctx, id);
  repo.deleteMonitor(ctx.db, id);
  ctx.emit({ type: 'monitors.changed', payload: { id, projectId: m.projectId, change: 'deleted' } });
  return { id };
}

export function addBatch(ctx: BackendContext, monitorId: string, path: string): { taskId: string } {
  const m = mustGetMonitor(ctx, monitorId, 'monitorId');
  requireDataFile(path, 'path');
  return { taskId: startBatches(ctx, m, [path], true) };
}

/** Data files in the monitor's folder not taken yet (same path, size and time), oldest first. */
export function rescan(ctx: BackendContext, monitorId: string): { taskId: string | null; files: string[] } {
  const m = mustGetMonitor(ctx, monitorId, 'monitorId');
  if (m.folder === null) throw new AppError('INVALID_INPUT', `Monitor ${m.name} has no folder to scan; add batches one file at a time.`, { location: { field: 'monitorId' } });
  let names: string[];
  try {
    names = readdirSync(m.folder);
  } catch (e) {
    throw new AppError('FILE_NOT_FOUND', `The folder ${m.folder} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, { location: { file: m.folder } });
  }
  const known = repo.batchFiles(ctx.db, monitorId);
  const extensions = new Set<string>(DATA_FILE_EXTENSIONS);
  const files = names
    .filter((n) => !n.startsWith('.') && extensions.has(extname(n).slice(1).toLowerCase()))
    .map((n) => ({ path: join(m.folder!, n), stat: statDataFile(join(m.folder!, n)) }))
    .filter((f): f is { path: string; stat: NonNullable<typeof f.stat> } => f.stat !== null && f.path !== m.reference.path)
    .filter((f) => {
      const k = known.get(f.path);
      return !k || k.sizeBytes !== f.stat.sizeBytes || k.mtimeMs !== f.stat.mtimeMs;
    })
    .sort((a, b) => a.stat.mtimeMs - b.stat.mtimeMs || a.path.localeCompare(b.path))
    .map((f) => f.path);
  return { taskId: files.length === 0 ? null : startBatches(ctx, m, files, false), files };
}

function startBatches(ctx: BackendContext, m: Monitor, files: string[], explicit: boolean): string {
  const tasks = tasksOf(ctx);
  const entry = tasks.create(ctx.newId(), m.projectId);
  void runBatches(ctx, entry, m, files, explicit).catch((e: unknown) => {
    ctx.logger.error('monitor batch failed', e instanceof Error ? e.stack : e);
    tasks.finish(entry, { error: { code: 'INTERNAL', message: 'The batch failed unexpectedly. Your files were not changed; the details are in the log.' } });
  });
  return entry.task.taskId;
}

async function checkReference(ctx: BackendContext, m: Monitor, signal: AbortSignal): Promise<void> {
  const now = requireDataFile(m.reference.path);
  const then = repo.referenceFingerprint(ctx.db, m.id);
  if (then && now.sizeBytes === then.sizeBytes && now.mtimeMs === then.mtimeMs) return;
  if ((await hashFile(m.reference.path, { signal })) !== m.reference.hash) {
    throw new AppError('FILE_CHANGED', `The reference ${m.reference.name} changed since the monitor was created, so batches cannot be compared with what the monitor was set up on. Create a new monitor on the current file.`, { location: { file: m.reference.path } });
  }
}

function hasColumns(names: Set<string>, roles: PredictionRoles): string | null {
  if (!names.has(roles.label)) return `The batch has no label column "${roles.label}", so only drift is measured.`;
  const outputs = [roles.score, roles.prediction].filter((x): x is string => x !== undefined);
  for (const o of outputs) if (!names.has(o)) return `The batch has no model output column "${o}", so only drift is measured.`;
  if (roles.probabilityPrefix !== undefined && ![...names].some((n) => n.startsWith(roles.probabilityPrefix!))) return `The batch has no probability columns starting with "${roles.probabilityPrefix}", so only drift is measured.`;
  return null;
}

async function runBatches(ctx: BackendContext, entry: TaskEntry<MonitorTaskState>, m: Monitor, files: string[], explicit: boolean): Promise<void> {
  const tasks = tasksOf(ctx);
  const signal = entry.controller.signal;
  const launcher = ctx.analysisLauncher ? { launcher: ctx.analysisLauncher } : {};
  const ref = referenceFacts(ctx, m);
  try {
    await checkReference(ctx, m, signal);
    for (const file of files) {
      const before = requireDataFile(file, 'path');
      tasks.progress(entry, { phase: 'hashing', file, rows: 0, bytes: 0, totalBytes: before.sizeBytes });
      const hash = await hashFile(file, { signal, onBytes: (bytes) => tasks.progress(entry, { phase: 'hashing', bytes }) });
      if (repo.batchHashes(ctx.db, m.id).has(hash)) {
        if (explicit) throw new AppError('CONFLICT', `${basename(file)} is already a batch of this monitor (the same content).`, { location: { file } });
        continue;
      }
      const analysis = await runAnalysis(
        { file, reference: m.reference.path, ...(m.roles?.time ? { time: m.roles.time } : {}) },
        { signal, ...launcher, onWorkerLog: (stderr) => ctx.logger.error('the monitor worker failed; what it wrote', stderr), onProgress: (p) => tasks.progress(entry, p.totalBytes > 0 ? { phase: p.phase, file: p.file, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes } : { phase: p.phase }) },
      );
      const drift = DriftReport.parse(analysis.report.drift ?? { columns: [], driftedColumns: 0, share: 0, datasetDrift: false });
      const columns = analysis.checkInput.columns;
      const names = new Set(columns.map((c) => c.name));
      let metrics: MetricMap | null = null;
      let metricsReason: string | null = m.roles ? hasColumns(names, m.roles) : 'The monitor has no label and model output columns, so only drift is measured.';
      let slices: MonitorBatch['slices'] = [];
      let slicesReason: string | null = null;
      let referenceMetrics = ref.metrics;
      const watched = m.roles?.slices ?? [];
      if (m.roles && metricsReason === null) {
        // The reference file is evaluated when its slices are followed, or when it is a data file (no stored metrics).
        const needed = watched.length > 0 || ref.metrics === null;
        const baseline = needed ? await sliceBaseline(ctx, m, m.roles, ref.task, { signal, ...launcher, onProgress: () => tasks.progress(entry, { phase: 'reading-reference' }) }) : null;
        if (baseline !== null && 'metrics' in baseline) referenceMetrics ??= baseline.metrics;
        const bins = baseline && 'bins' in baseline ? baseline.bins : null;
        try {
          const outcome = await runEvaluation(
            { file, roles: m.roles, options: { bootstrapSamples: watched.length > 0 ? MONITOR_SLICE_RESAMPLES : 0, labelIssues: false, ...(ref.task ? { task: ref.task } : {}) }, ...(bins ? { sliceBins: bins } : {}) },
            { signal, ...launcher, onProgress: (p) => tasks.progress(entry, { phase: p.phase === 'reading' ? 'evaluating' : p.phase, ...(p.rows > 0 ? { rows: p.rows } : {}) }) },
          );
          metrics = outcome.result.metrics;
          if (baseline !== null && watched.length > 0) {
            const reference = 'reason' in baseline ? null : baseline;
            slices = monitorSlices({ rows: outcome.result.n, slices: outcome.result.slices }, reference, watched, outcome.sliceBins);
            slicesReason = 'reason' in baseline ? baseline.reason : null;
          }
        } catch (e) {
          if (!isAppError(e) || e.code !== 'PARSE_ERROR') throw e;
          metricsReason = `The batch could not be evaluated: ${e.message}`;
        }
      }
      if (signal.aborted) throw new AppError('CANCELLED', 'The batch was cancelled.');
      const now = statDataFile(file);
      if (!now || now.sizeBytes !== before.sizeBytes || now.mtimeMs !== before.mtimeMs) {
        throw new AppError('FILE_CHANGED', `${basename(file)} changed while it was being read. Nothing was saved; add it again.`, { location: { file } });
      }
      if (!ctx.db.open) return;
      const outputs = new Set([m.roles?.score, m.roles?.prediction].filter((x): x is string => x !== undefined));
      const prefix = m.roles?.probabilityPrefix;
      const predictionDrift = drift.columns.filter((c) => outputs.has(c.column) || (prefix !== undefined && c.column.startsWith(prefix)));
      const time = m.roles?.time ? columns.find((c) => c.name === m.roles!.time)?.timeRange : undefined;
      const batch: repo.BatchRecord = {
        id: ctx.newId(),
        monitorId: m.id,
        path: file,
        fileName: basename(file),
        sizeBytes: before.sizeBytes,
        mtimeMs: before.mtimeMs,
        hash,
        rows: analysis.current.rows,
        periodStart: time ? new Date(time.min).toISOString() : null,
        periodEnd: time ? new Date(time.max).toISOString() : null,
        drift,
        predictionDrift,
        metrics,
        metricsReason,
        referenceMetrics: metrics === null ? null : referenceMetrics,
        slices,
        slicesReason,
        alerts: [],
        createdAt: ctx.clock().toISOString(),
      };
      batch.alerts = batchAlerts(batch, m.thresholds, ref.headline);
      batch.slices = markFellBehind(batch, ref.headline ?? headlineOf(batch.metrics), m.thresholds.metricDrop);
      tasks.progress(entry, { phase: 'saving' });
      ctx.db.transaction(() => repo.insertBatch(ctx.db, batch))();
      entry.task.batchIds.push(batch.id);
      ctx.emit({ type: 'monitors.changed', payload: { id: m.id, projectId: m.projectId, change: 'batch-added' } });
    }
    tasks.finish(entry, { done: {} });
  } catch (e) {
    // A full disk or an I/O error while storing the result is the user's to act on, not a bug.
    const known = knownError(e, ctx.dbPath);
    if (!known) throw e;
    tasks.finish(entry, { error: known.toJSON() });
  }
}

function mustGetTask(ctx: BackendContext, taskId: string): TaskEntry<MonitorTaskState> {
  const e = tasksOf(ctx).get(taskId);
  if (!e) throw notFound('monitor task', taskId, { field: 'taskId', hint: 'Tasks are forgotten when the app restarts.' });
  return e;
}

export function monitorTaskStatus(ctx: BackendContext, taskId: string): MonitorTaskState {
  const t = mustGetTask(ctx, taskId).task;
  return { ...t, batchIds: [...t.batchIds] };
}

export function cancelMonitorTask(ctx: BackendContext, taskId: string): MonitorTaskState {
  const e = mustGetTask(ctx, taskId);
  if (e.task.state === 'running') {
    e.controller.abort();
    tasksOf(ctx).finish(e, { error: { code: 'CANCELLED', message: 'The batch was cancelled. Batches finished before it are kept; the one running was not saved.' } });
  }
  return monitorTaskStatus(ctx, taskId);
}
