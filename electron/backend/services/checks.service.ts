import type { z } from 'zod';
import type { CheckRun, CheckRunSummary, CheckStartInput, CheckTask, SavedReport } from '../../../shared/contract/checks';
import type { DatasetRole } from '../../../shared/contract/datasets';
import { AppError, notFound } from '../../../shared/domain/errors';
import { countBySeverity, reachesFailOn } from '../../../shared/quality/verdict';
import type { BackendContext } from '../context';
import * as runsRepo from '../db/repositories/check-runs.repository';
import * as datasetsRepo from '../db/repositories/datasets.repository';
import type { DatasetRecord } from '../db/repositories/datasets.repository';
import { renderHtmlReport } from '../reports/html-report';
import { analyseAndCheck, type CheckOutcome } from './check-analysis';
import { tasksOf, type TaskEntry } from './check-tasks';
import { hashFile, requireDataFile, statDataFile } from './dataset-fingerprint';
import { mustGetDataset } from './datasets.service';
import { mustGetProject } from './project-lookup';
import { knownError } from '../db/storage-errors';
import { saveReportFile } from './report-save';

type StartInput = z.output<typeof CheckStartInput>;

/** Words the findings use for each file ("12% of test rows also appear in the training data"). */
const ROLE_WORD: Partial<Record<DatasetRole, string>> = { training: 'training', test: 'test', production: 'production', reference: 'reference' };

function datasetOfProject(ctx: BackendContext, projectId: string, id: string, field: string): DatasetRecord {
  const d = mustGetDataset(ctx, id, field);
  if (d.projectId !== projectId) throw new AppError('NOT_FOUND', `Dataset ${d.name} belongs to another project.`, { location: { field } });
  requireDataFile(d.path, field);
  return d;
}

/**
 * Starts an analysis and returns at once. The task hashes the file(s), runs the engine in its
 * worker process and the checks, and stores the run in ONE transaction at the end; a cancel, a
 * crash or unreadable input stores nothing and leaves the error (with its code) on the task.
 */
export function startCheck(ctx: BackendContext, input: StartInput): { taskId: string } {
  mustGetProject(ctx, input.projectId);
  const dataset = datasetOfProject(ctx, input.projectId, input.datasetId, 'datasetId');
  const reference = input.referenceDatasetId ? datasetOfProject(ctx, input.projectId, input.referenceDatasetId, 'referenceDatasetId') : undefined;
  const tasks = tasksOf(ctx);
  const entry = tasks.create(ctx.newId(), input.projectId);
  void runTask(ctx, entry, input, dataset, reference).catch((e: unknown) => {
    ctx.logger.error('check task failed', e instanceof Error ? e.stack : e);
    tasks.finish(entry, { error: { code: 'INTERNAL', message: 'The check failed unexpectedly. Your files were not changed; the details are in the log.' } });
  });
  return { taskId: entry.task.taskId };
}

async function runTask(ctx: BackendContext, entry: TaskEntry, input: StartInput, dataset: DatasetRecord, reference: DatasetRecord | undefined): Promise<void> {
  const tasks = tasksOf(ctx);
  const signal = entry.controller.signal;
  const started = Date.now();
  try {
    const fingerprints = new Map<string, { hash: string; sizeBytes: number; mtimeMs: number }>();
    for (const d of reference ? [reference, dataset] : [dataset]) {
      const before = requireDataFile(d.path);
      tasks.progress(entry, { phase: 'hashing', file: d.path, rows: 0, bytes: 0, totalBytes: before.sizeBytes });
      const hash = await hashFile(d.path, { signal, onBytes: (bytes) => tasks.progress(entry, { phase: 'hashing', bytes }) });
      fingerprints.set(d.id, { hash, ...before });
    }
    const outcome = await analyseAndCheck(
      {
        file: dataset.path,
        ...(reference ? { reference: reference.path } : {}),
        ...(input.target ? { target: input.target } : {}),
        ...(input.id ? { id: input.id } : {}),
        ...(input.time ? { time: input.time } : {}),
        ...(input.population ? { population: input.population } : {}),
        ...(input.thresholds ? { thresholds: definedOnly(input.thresholds) } : {}),
        roles: { ...wordFor('current', dataset.role), ...wordFor('reference', reference?.role ?? null) },
      },
      {
        signal,
        ...(ctx.analysisLauncher ? { launcher: ctx.analysisLauncher } : {}),
        onQueued: () => tasks.progress(entry, { phase: 'queued' }),
        onWorkerLog: (stderr) => ctx.logger.error('the analysis worker failed; what it wrote', stderr),
        // Phases after reading report no byte counts: keep the last figures instead of dropping to 0.
        onProgress: (p) =>
          tasks.progress(entry, p.totalBytes > 0 ? { phase: p.phase, file: p.file, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes } : { phase: p.phase, ...(p.rows > 0 ? { rows: p.rows } : {}) }),
      },
    );
    if (signal.aborted) throw new AppError('CANCELLED', 'The analysis was cancelled.');
    // A file rewritten while it was read gives figures that match neither version.
    for (const d of reference ? [reference, dataset] : [dataset]) {
      const now = statDataFile(d.path);
      const f = fingerprints.get(d.id)!;
      if (!now || now.sizeBytes !== f.sizeBytes || now.mtimeMs !== f.mtimeMs) {
        throw new AppError('FILE_CHANGED', `${d.name} changed while it was being checked. Nothing was saved; run the check again.`, { location: { file: d.path } });
      }
    }
    if (!ctx.db.open) return; // the backend closed while the worker ran: nothing to save into
    tasks.progress(entry, { phase: 'saving' });
    const runId = saveRun(ctx, input, dataset, reference, outcome, fingerprints, Date.now() - started);
    tasks.finish(entry, { done: { runId } });
  } catch (e) {
    // A full disk or an I/O error while storing the result is the user's to act on, not a bug.
    const known = knownError(e, ctx.dbPath);
    if (!known) throw e;
    tasks.finish(entry, { error: known.toJSON() });
  }
}

function wordFor(key: 'current' | 'reference', role: DatasetRole | null): { current?: string; reference?: string } {
  const word = role ? ROLE_WORD[role] : undefined;
  return word ? { [key]: word } : {};
}

function definedOnly(t: Record<string, number | undefined>): Record<string, number> {
  return Object.fromEntries(Object.entries(t).filter((e): e is [string, number] => e[1] !== undefined));
}

function saveRun(
  ctx: BackendContext,
  input: StartInput,
  dataset: DatasetRecord,
  reference: DatasetRecord | undefined,
  outcome: CheckOutcome,
  fingerprints: Map<string, { hash: string; sizeBytes: number; mtimeMs: number }>,
  durationMs: number,
): string {
  const { report, profile, referenceProfile, overlap, distributions } = outcome;
  const failOn = input.failOn ?? 'error';
  const now = ctx.clock().toISOString();
  const run: CheckRunSummary = {
    id: ctx.newId(),
    projectId: input.projectId,
    datasetId: dataset.id,
    referenceDatasetId: reference?.id ?? null,
    datasetName: dataset.name,
    referenceName: reference?.name ?? null,
    datasetHash: fingerprints.get(dataset.id)!.hash,
    verdict: report.verdict,
    summary: report.summary,
    counts: countBySeverity(report.findings),
    gateFailed: reachesFailOn(report.findings, failOn),
    rows: profile.rows,
    columns: profile.columns.length,
    options: {
      target: input.target ?? null,
      id: input.id ?? null,
      time: input.time ?? null,
      population: input.population ?? null,
      thresholds: input.thresholds ? definedOnly(input.thresholds) : {},
      failOn,
    },
    durationMs: Math.max(0, Math.round(durationMs)),
    createdAt: now,
  };
  ctx.db.transaction(() => {
    runsRepo.insertRun(ctx.db, run, { findings: report.findings, profile, referenceProfile, drift: report.drift ?? null, notes: report.notes, overlap, distributions });
    const files: Array<[DatasetRecord, typeof profile]> = [[dataset, profile]];
    if (reference && referenceProfile) files.push([reference, referenceProfile]);
    for (const [d, p] of files) {
      // The analysed content becomes the baseline that `changed` is judged against.
      const f = fingerprints.get(d.id)!;
      datasetsRepo.updateFingerprint(ctx.db, d.id, {
        path: d.path,
        name: d.name,
        format: p.format,
        ...f,
        schema: { ...d.schema, source: 'profile', columns: p.columns.map((c) => ({ name: c.name, type: c.type })), encoding: p.encoding },
      });
      datasetsRepo.markAnalysed(ctx.db, d.id, now);
    }
  })();
  // Every window's data list, profile and report list follow (the dataset's verdict and profile changed too).
  ctx.emit({ type: 'checks.completed', payload: { runId: run.id, projectId: run.projectId, datasetId: dataset.id } });
  return run.id;
}

function mustGetTask(ctx: BackendContext, taskId: string): TaskEntry {
  const e = tasksOf(ctx).get(taskId);
  if (!e) throw notFound('check task', taskId, { field: 'taskId', hint: 'Tasks are forgotten when the app restarts.' });
  return e;
}

export function cancelCheck(ctx: BackendContext, taskId: string): CheckTask {
  const e = mustGetTask(ctx, taskId);
  if (e.task.state === 'running') {
    e.controller.abort();
    tasksOf(ctx).finish(e, { error: { code: 'CANCELLED', message: 'The check was cancelled. Nothing was saved.' } });
  }
  return { ...e.task };
}

export function checkStatus(ctx: BackendContext, taskId: string): CheckTask {
  return { ...mustGetTask(ctx, taskId).task };
}

export function getRun(ctx: BackendContext, runId: string): CheckRun {
  const run = runsRepo.getRun(ctx.db, runId);
  if (!run) throw notFound('check run', runId, { field: 'runId', hint: 'It may have been deleted with its project.' });
  return run;
}

export function listRuns(ctx: BackendContext, projectId: string): CheckRunSummary[] {
  return runsRepo.listRuns(ctx.db, projectId);
}

export function latestRun(ctx: BackendContext, projectId: string): CheckRunSummary | null {
  return runsRepo.latestRun(ctx.db, projectId);
}

export function exportRunHtml(ctx: BackendContext, runId: string): { html: string; fileName: string } {
  const run = getRun(ctx, runId);
  const stem = run.datasetName.replace(/\.[^.]+$/, '').replace(/[^A-Za-z0-9._-]+/g, '-') || 'dataset';
  return { html: renderHtmlReport(run), fileName: `tally-check-${stem}-${run.createdAt.slice(0, 10)}.html` };
}

/** The HTML report written into a folder on this machine (default Downloads, else home). */
export function saveRunHtml(ctx: BackendContext, runId: string, folder: string | undefined, home?: string): SavedReport {
  const { html, fileName } = exportRunHtml(ctx, runId);
  return saveReportFile(html, fileName, folder, home);
}
