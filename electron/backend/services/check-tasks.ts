/**
 * Running analyses of one backend, by task id. In memory on purpose: a task is a process that
 * exists only while the app runs; what survives is the stored run (or nothing). Keyed by the
 * backend's context so two backends in one process (tests) never see each other's tasks.
 */
import type { CheckTask } from '../../../shared/contract/checks';
import type { AppErrorData } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';

/** Finished tasks kept for checks.status; older ones are forgotten first. */
const KEEP_FINISHED = 100;

export interface TaskEntry {
  task: CheckTask;
  controller: AbortController;
}

export class CheckTasks {
  private readonly entries = new Map<string, TaskEntry>();

  constructor(private readonly ctx: BackendContext) {}

  create(taskId: string, projectId: string): TaskEntry {
    const entry: TaskEntry = {
      task: {
        taskId,
        projectId,
        state: 'running',
        phase: 'starting',
        file: null,
        rows: 0,
        bytes: 0,
        totalBytes: null,
        runId: null,
        error: null,
        startedAt: this.ctx.clock().toISOString(),
        finishedAt: null,
      },
      controller: new AbortController(),
    };
    this.entries.set(taskId, entry);
    this.forgetOld();
    return entry;
  }

  get(taskId: string): TaskEntry | undefined {
    return this.entries.get(taskId);
  }

  running(): TaskEntry[] {
    return [...this.entries.values()].filter((e) => e.task.state === 'running');
  }

  /** Updates a running task's progress and tells every window (task.progress). */
  progress(entry: TaskEntry, p: { phase: string; file?: string | null; rows?: number; bytes?: number; totalBytes?: number | null }): void {
    if (entry.task.state !== 'running') return;
    Object.assign(entry.task, p);
    this.emit(entry);
  }

  /** Moves a running task to its final state (first call wins) and announces it. */
  finish(entry: TaskEntry, outcome: { runId: string } | { error: AppErrorData }): void {
    if (entry.task.state !== 'running') return;
    const t = entry.task;
    t.finishedAt = this.ctx.clock().toISOString();
    if ('runId' in outcome) {
      t.state = 'succeeded';
      t.phase = 'done';
      t.runId = outcome.runId;
      // A stored run read every byte: the bar ends full, whatever the last throttled message said.
      if (t.totalBytes !== null && t.totalBytes > 0) t.bytes = t.totalBytes;
    } else {
      t.state = outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      t.phase = t.state;
      t.error = outcome.error.location
        ? { code: outcome.error.code, message: outcome.error.message, location: outcome.error.location }
        : { code: outcome.error.code, message: outcome.error.message };
    }
    this.emit(entry, t.error?.message);
  }

  private emit(entry: TaskEntry, message?: string): void {
    const t = entry.task;
    const text = message ?? (t.rows > 0 ? `${t.rows.toLocaleString('en-US')} rows read` : undefined);
    this.ctx.emit({
      type: 'task.progress',
      payload: { taskId: t.taskId, phase: t.phase, done: t.bytes, total: t.totalBytes, ...(text ? { message: text } : {}) },
    });
  }

  private forgetOld(): void {
    const finished = [...this.entries.values()].filter((e) => e.task.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(e.task.taskId);
  }
}

const registries = new WeakMap<BackendContext, CheckTasks>();

/**
 * Kills every running analysis of this backend (their worker processes) and stores nothing.
 * For the backend's close(): a quitting app should not leave workers reading files behind it.
 */
export function stopCheckTasks(ctx: BackendContext): void {
  const r = registries.get(ctx);
  if (!r) return;
  for (const e of r.running()) {
    e.controller.abort();
    r.finish(e, { error: { code: 'CANCELLED', message: 'The check was stopped because Tally is closing. Nothing was saved.' } });
  }
}

export function tasksOf(ctx: BackendContext): CheckTasks {
  let r = registries.get(ctx);
  if (!r) {
    r = new CheckTasks(ctx);
    registries.set(ctx, r);
  }
  return r;
}
