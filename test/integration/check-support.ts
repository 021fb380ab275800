/**
 * Helpers for the check integration tests: a project to hang datasets on, and a way to wait for a
 * task's final task.progress event (no polling, no sleeps).
 */
import type { Backend } from '../../electron/backend/create-backend';
import type { CheckTask } from '../../shared/contract/checks';
import type { RpcResult } from '../../shared/rpc/result';

export function value<T>(r: RpcResult<unknown>): T {
  if (!r.ok) throw new Error(`expected ok, got ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}

export async function newProject(backend: Backend): Promise<string> {
  return value<{ id: string }>(await backend.dispatch('projects.create', { name: 'Churn model' })).id;
}

const FINAL = new Set(['done', 'failed', 'cancelled']);

/** Starts a check and resolves with its task once the task reaches a final state. */
export async function runCheck(backend: Backend, input: Record<string, unknown>, onEvent?: (phase: string, taskId: string) => void): Promise<CheckTask> {
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
    const started = await backend.dispatch('checks.start', input);
    taskId = value<{ taskId: string }>(started).taskId;
    if (early.has(taskId)) resolveFinal(taskId);
    await final;
    return value<CheckTask>(await backend.dispatch('checks.status', { taskId }));
  } finally {
    unsubscribe();
  }
}
