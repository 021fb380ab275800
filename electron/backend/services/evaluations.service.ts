/**
 * Evaluations of a project: start one (hash the file, read and evaluate it in the worker process,
 * judge the gates, store it in ONE transaction), follow and cancel it, and read, rename, link and
 * delete stored ones. A cancel, a crash or unusable input stores nothing and leaves the error on
 * the task, as checks do (checks.service.ts).
 */
import { basename } from 'node:path';
import type { z } from 'zod';
import type { EvaluationResult, MetricMap } from '../../../shared/contract/evaluation-result';
import type { Evaluation, EvaluationOptions, EvaluationStartInput, EvaluationSummary, EvaluationTaskState, RoleGuesses } from '../../../shared/contract/evaluations';
import { AppError, notFound } from '../../../shared/domain/errors';
import { sampleHead } from '../analysis/evaluate/head-sample';
import { guessRoles } from '../analysis/evaluate/role-guess';
import { runEvaluation } from '../analysis/evaluate/run-evaluation';
import { detectFormat } from '../analysis/read/format-detector';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/evaluations.repository';
import { createTaskRegistry, type BackgroundTasks, type TaskEntry } from './background-tasks';
import { hashFile, requireDataFile, statDataFile } from './dataset-fingerprint';
import { mustGetDataset } from './datasets.service';
import { checkGates, judgeGates } from './evaluation-gates';
import { renderEvalHtml } from '../reports/eval-html-report';
import { mustGetProject } from './project-lookup';
import { knownError } from '../db/storage-errors';

type StartInput = z.output<typeof EvaluationStartInput>;

const registries = new WeakMap<BackendContext, BackgroundTasks<EvaluationTaskState>>();

function tasksOf(ctx: BackendContext): BackgroundTasks<EvaluationTaskState> {
  let r = registries.get(ctx);
  if (!r) {
    r = createTaskRegistry<EvaluationTaskState>(ctx, () => ({ evaluationId: null }));
    registries.set(ctx, r);
  }
  return r;
}

/** The metrics a list shows for each task. */
const HEADLINE: Record<EvaluationResult['task'], string[]> = {
  binary: ['accuracy', 'f1', 'rocAuc', 'averagePrecision'],
  multiclass: ['accuracy', 'macroF1', 'rocAuc', 'logLoss'],
  regression: ['mae', 'rmse', 'r2'],
};

export function headlineOf(result: EvaluationResult): MetricMap {
  return Object.fromEntries(HEADLINE[result.task].map((k) => [k, result.metrics[k] ?? null]));
}

export function guessEvaluationRoles(path: string): Promise<RoleGuesses> {
  requireDataFile(path);
  const detected = detectFormat(path);
  return sampleHead(path, detected).then((sample) => guessRoles(path, detected.format, sample));
}

export function mustGetEvaluation(ctx: BackendContext, id: string, field = 'id'): Evaluation {
  const e = repo.getEvaluation(ctx.db, id);
  if (!e) throw notFound('evaluation', id, { field, hint: 'It may have been deleted.' });
  return e;
}

function mustGetSummary(ctx: BackendContext, id: string): EvaluationSummary {
  const e = repo.getSummary(ctx.db, id);
  if (!e) throw notFound('evaluation', id, { field: 'id', hint: 'It may have been deleted.' });
  return e;
}

export function startEvaluation(ctx: BackendContext, input: StartInput): { taskId: string } {
  mustGetProject(ctx, input.projectId);
  requireDataFile(input.path, 'path');
  if (input.datasetId) {
    const d = mustGetDataset(ctx, input.datasetId, 'datasetId');
    if (d.projectId !== input.projectId) throw new AppError('NOT_FOUND', `Dataset ${d.name} belongs to another project.`, { location: { field: 'datasetId' } });
  }
  const refId = input.options?.referenceEvaluationId;
  if (refId) mustGetSummary(ctx, refId);
  // A gate that cannot be read is refused now, not after a long read.
  checkGates(input.options?.gates ?? []);
  const tasks = tasksOf(ctx);
  const entry = tasks.create(ctx.newId(), input.projectId);
  void runTask(ctx, entry, input).catch((e: unknown) => {
    ctx.logger.error('evaluation task failed', e instanceof Error ? e.stack : e);
    tasks.finish(entry, { error: { code: 'INTERNAL', message: 'The evaluation failed unexpectedly. Your file was not changed; the details are in the log.' } });
  });
  return { taskId: entry.task.taskId };
}

async function runTask(ctx: BackendContext, entry: TaskEntry<EvaluationTaskState>, input: StartInput): Promise<void> {
  const tasks = tasksOf(ctx);
  const signal = entry.controller.signal;
  const started = Date.now();
  const options: EvaluationOptions = input.options ?? {};
  try {
    const before = requireDataFile(input.path, 'path');
    tasks.progress(entry, { phase: 'hashing', file: input.path, rows: 0, bytes: 0, totalBytes: before.sizeBytes });
    const hash = await hashFile(input.path, { signal, onBytes: (bytes) => tasks.progress(entry, { phase: 'hashing', bytes }) });
    const { gates: _gates, referenceEvaluationId: _ref, ...workerOptions } = options;
    const outcome = await runEvaluation(
      { file: input.path, roles: input.roles, options: workerOptions },
      {
        signal,
        ...(ctx.analysisLauncher ? { launcher: ctx.analysisLauncher } : {}),
        onWorkerLog: (stderr) => ctx.logger.error('the evaluation worker failed; what it wrote', stderr),
        onProgress: (p) => tasks.progress(entry, p.totalBytes > 0 ? { phase: p.phase, file: p.file, rows: p.rows, bytes: p.bytes, totalBytes: p.totalBytes } : { phase: p.phase, ...(p.rows > 0 ? { rows: p.rows } : {}) }),
      },
    );
    if (signal.aborted) throw new AppError('CANCELLED', 'The evaluation was cancelled.');
    const now = statDataFile(input.path);
    if (!now || now.sizeBytes !== before.sizeBytes || now.mtimeMs !== before.mtimeMs) {
      throw new AppError('FILE_CHANGED', `${basename(input.path)} changed while it was being evaluated. Nothing was saved; run the evaluation again.`, { location: { file: input.path } });
    }
    if (!ctx.db.open) return;
    const reference = options.referenceEvaluationId ? repo.getEvaluation(ctx.db, options.referenceEvaluationId)?.result ?? null : null;
    const result: EvaluationResult = { ...outcome.result, gates: judgeGates(outcome.result, options.gates ?? [], reference) };
    tasks.progress(entry, { phase: 'saving' });
    const id = ctx.newId();
    const record: repo.EvaluationRecord = {
      id,
      projectId: input.projectId,
      name: input.name ?? basename(input.path).replace(/\.[^.]+$/, ''),
      path: input.path,
      fileName: basename(input.path),
      sizeBytes: before.sizeBytes,
      mtimeMs: before.mtimeMs,
      hash,
      datasetId: input.datasetId ?? null,
      runId: input.runId ?? null,
      inferenceCostPer1000Micros: null,
      task: result.task,
      rows: result.n,
      headline: headlineOf(result),
      gateStatus: result.gates.length === 0 ? 'none' : result.gates.every((g) => g.passed === true) ? 'passed' : 'failed',
      durationMs: Math.max(0, Date.now() - started),
      createdAt: ctx.clock().toISOString(),
      roles: input.roles,
      options,
      result,
    };
    ctx.db.transaction(() => repo.insertEvaluation(ctx.db, record))();
    ctx.emit({ type: 'evaluations.changed', payload: { id, projectId: input.projectId, change: 'created' } });
    tasks.finish(entry, { done: { evaluationId: id } });
  } catch (e) {
    // A full disk or an I/O error while storing the result is the user's to act on, not a bug.
    const known = knownError(e, ctx.dbPath);
    if (!known) throw e;
    tasks.finish(entry, { error: known.toJSON() });
  }
}

function mustGetTask(ctx: BackendContext, taskId: string): TaskEntry<EvaluationTaskState> {
  const e = tasksOf(ctx).get(taskId);
  if (!e) throw notFound('evaluation task', taskId, { field: 'taskId', hint: 'Tasks are forgotten when the app restarts.' });
  return e;
}

export function cancelEvaluation(ctx: BackendContext, taskId: string): EvaluationTaskState {
  const e = mustGetTask(ctx, taskId);
  if (e.task.state === 'running') {
    e.controller.abort();
    tasksOf(ctx).finish(e, { error: { code: 'CANCELLED', message: 'The evaluation was cancelled. Nothing was saved.' } });
  }
  return { ...e.task };
}

export function evaluationStatus(ctx: BackendContext, taskId: string): EvaluationTaskState {
  return { ...mustGetTask(ctx, taskId).task };
}

export function listEvaluations(ctx: BackendContext, projectId: string): EvaluationSummary[] {
  return repo.listEvaluations(ctx.db, projectId);
}

export function deleteEvaluation(ctx: BackendContext, id: string): { id: string } {
  const e = mustGetSummary(ctx, id);
  repo.deleteEvaluation(ctx.db, id);
  ctx.emit({ type: 'evaluations.changed', payload: { id, projectId: e.projectId, change: 'deleted' } });
  return { id };
}

export function renameEvaluation(ctx: BackendContext, id: string, name: string): EvaluationSummary {
  const e = mustGetSummary(ctx, id);
  repo.renameEvaluation(ctx.db, id, name);
  ctx.emit({ type: 'evaluations.changed', payload: { id, projectId: e.projectId, change: 'updated' } });
  return mustGetSummary(ctx, id);
}

export function linkEvaluation(ctx: BackendContext, input: { id: string; runId?: string | null; datasetId?: string | null; inferenceCostPer1000Micros?: number | null }): EvaluationSummary {
  const e = mustGetSummary(ctx, input.id);
  if (input.datasetId) {
    const d = mustGetDataset(ctx, input.datasetId, 'datasetId');
    if (d.projectId !== e.projectId) throw new AppError('NOT_FOUND', `Dataset ${d.name} belongs to another project.`, { location: { field: 'datasetId' } });
  }
  ctx.db.transaction(() => repo.linkEvaluation(ctx.db, input.id, input))();
  ctx.emit({ type: 'evaluations.changed', payload: { id: input.id, projectId: e.projectId, change: 'updated' } });
  return mustGetSummary(ctx, input.id);
}


export function exportEvaluationHtml(ctx: BackendContext, id: string): { html: string; fileName: string } {
  const e = mustGetEvaluation(ctx, id);
  const stem = e.name.replace(/[^A-Za-z0-9._-]+/g, '-') || 'evaluation';
  return { html: renderEvalHtml(e.fileName, e.result, e.createdAt), fileName: `tally-eval-${stem}-${e.createdAt.slice(0, 10)}.html` };
}
