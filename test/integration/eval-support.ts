/**
 * Helpers for the evaluation integration tests: wait for an evaluation (or monitor) task's final
 * task.progress event, then read its state (no polling, no sleeps).
 */
import type { Backend } from '../../electron/backend/create-backend';
import type { ProcedureName } from '../../shared/contract';
import { value } from './check-support';

const FINAL = new Set(['done', 'failed', 'cancelled']);

export async function runTask<T>(
  backend: Backend,
  start: { name: ProcedureName; input: Record<string, unknown> },
  status: ProcedureName,
  onEvent?: (phase: string, taskId: string) => void,
): Promise<T> {
  let taskId: string | undefined;
  const early = new Set<string>();
  let resolveFinal: (id: string) => void = () => undefined;
  const final = new Promise<string>((resolve) => (resolveFinal = resolve));
  const unsubscribe = backend.subscribe((e) => {
    if (e.type !== 'task.progress') return;
    onEvent?.(e.payload.phase, e.payload.taskId);
    if (!FINAL.has(e.payload.phase)) return;
    if (taskId === undefined) early.add(e.payload.taskId);
    else if (e.payload.taskId === taskId) resolveFinal(taskId);
  });
  try {
    const started = value<{ taskId: string | null }>(await backend.dispatch(start.name, start.input));
    if (started.taskId === null) throw new Error(`${start.name} started no task`);
    taskId = started.taskId;
    if (early.has(taskId)) resolveFinal(taskId);
    await final;
    return value<T>(await backend.dispatch(status, { taskId }));
  } finally {
    unsubscribe();
  }
}

export function runEvaluationTask<T>(backend: Backend, input: Record<string, unknown>, onEvent?: (phase: string, taskId: string) => void): Promise<T> {
  return runTask<T>(backend, { name: 'evaluations.start', input }, 'evaluations.status', onEvent);
}

/** Waits for a task that is already started (subscribe first, then look, so no event is missed). */
export async function waitForTask<T extends { state: string }>(backend: Backend, taskId: string, status: ProcedureName): Promise<T> {
  let resolveFinal: () => void = () => undefined;
  const final = new Promise<void>((resolve) => (resolveFinal = resolve));
  const unsubscribe = backend.subscribe((e) => {
    if (e.type === 'task.progress' && e.payload.taskId === taskId && FINAL.has(e.payload.phase)) resolveFinal();
  });
  try {
    const now = value<T>(await backend.dispatch(status, { taskId }));
    if (now.state === 'running') await final;
    return value<T>(await backend.dispatch(status, { taskId }));
  } finally {
    unsubscribe();
  }
}
