/**
 * Running background tasks of one backend (checks, evaluations, monitor batches), by task id, each
 * kind with the fields its success carries. In memory on purpose: a task exists only while the app runs; what survives is what it stored.
 * Keyed by the backend's context so two backends in one process never see each other's tasks.
 */
import type { AppErrorData } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';

const KEEP_FINISHED = 100;

export interface BaseTaskState {
  taskId: string;
  projectId: string;
  state: 'running' | 'succeeded' | 'failed' | 'cancelled';
  phase: string;
  file: string | null;
  rows: number;
  bytes: number;
  totalBytes: number | null;
  error: { code: string; message: string; location?: AppErrorData['location'] } | null;
  startedAt: string;
  finishedAt: string | null;
}

export interface TaskEntry<T extends BaseTaskState> {
  task: T;
  controller: AbortController;
}

export type TaskProgressPatch = Partial<Pick<BaseTaskState, 'phase' | 'file' | 'rows' | 'bytes' | 'totalBytes'>> & { phase: string };

export class BackgroundTasks<T extends BaseTaskState> {
  private readonly entries = new Map<string, TaskEntry<T>>();

  constructor(
    private readonly ctx: BackendContext,
    private readonly extra: () => Omit<T, keyof BaseTaskState>,
  ) {}

  create(taskId: string, projectId: string): TaskEntry<T> {
    const base: BaseTaskState = {
      taskId,
      projectId,
      state: 'running',
      phase: 'starting',
      file: null,
      rows: 0,
      bytes: 0,
      totalBytes: null,
      error: null,
      startedAt: this.ctx.clock().toISOString(),
      finishedAt: null,
    };
    const entry: TaskEntry<T> = { task: { ...base, ...this.extra() } as T, controller: new AbortController() };
    this.entries.set(taskId, entry);
    this.forgetOld();
    return entry;
  }

  get(taskId: string): TaskEntry<T> | undefined {
    return this.entries.get(taskId);
  }

  running(): Array<TaskEntry<T>> {
    return [...this.entries.values()].filter((e) => e.task.state === 'running');
  }

  /** Updates a running task and tells every window (task.progress). */
  progress(entry: TaskEntry<T>, p: TaskProgressPatch): void {
    if (entry.task.state !== 'running') return;
    Object.assign(entry.task, p);
    this.emit(entry);
  }

  /** Moves a running task to its final state (first call wins) and announces it. */
  finish(entry: TaskEntry<T>, outcome: { done: Partial<Omit<T, keyof BaseTaskState>> } | { error: AppErrorData }): void {
    if (entry.task.state !== 'running') return;
    const t = entry.task;
    t.finishedAt = this.ctx.clock().toISOString();
    if ('done' in outcome) {
      Object.assign(t, outcome.done);
      t.state = 'succeeded';
      t.phase = 'done';
      // A stored result read every byte: the bar ends full, whatever the last throttled message said.
      if (t.totalBytes !== null && t.totalBytes > 0) t.bytes = t.totalBytes;
    } else {
      t.state = outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      t.phase = t.state;
      t.error = outcome.error.location ? { code: outcome.error.code, message: outcome.error.message, location: outcome.error.location } : { code: outcome.error.code, message: outcome.error.message };
    }
    this.emit(entry, t.error?.message);
  }

  /** Stops every running task (the backend is closing): their worker processes are killed. */
  stopAll(message: string): void {
    for (const e of this.running()) {
      e.controller.abort();
      this.finish(e, { error: { code: 'CANCELLED', message } });
    }
  }

  private emit(entry: TaskEntry<T>, message?: string): void {
    const t = entry.task;
    const text = message ?? (t.rows > 0 ? `${t.rows.toLocaleString('en-US')} rows read` : undefined);
    this.ctx.emit({ type: 'task.progress', payload: { taskId: t.taskId, phase: t.phase, done: t.bytes, total: t.totalBytes, ...(text ? { message: text } : {}) } });
  }

  private forgetOld(): void {
    const finished = [...this.entries.values()].filter((e) => e.task.state !== 'running');
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.entries.delete(e.task.taskId);
  }
}

const stoppers = new WeakMap<BackendContext, Array<() => void>>();

/** A registry of one kind of task for this backend, stopped (tasks killed) when the backend closes. */
export function createTaskRegistry<T extends BaseTaskState>(
  ctx: BackendContext,
  extra: () => Omit<T, keyof BaseTaskState>,
  stopMessage = 'Stopped because Tally is closing. Nothing was saved.',
): BackgroundTasks<T> {
  const r = new BackgroundTasks<T>(ctx, extra);
  const list = stoppers.get(ctx) ?? [];
  list.push(() => r.stopAll(stopMessage));
  stoppers.set(ctx, list);
  return r;
}

/** For the backend's close(): kill running checks, evaluations and batches; nothing is stored. */
export function stopBackgroundTasks(ctx: BackendContext): void {
  for (const stop of stoppers.get(ctx) ?? []) stop();
}
