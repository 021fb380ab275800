/**
 * Running checks of one backend, by task id: a background task whose success carries the stored
 * run's id (background-tasks.ts holds the shared life cycle).
 */
import type { CheckTask } from '../../../shared/contract/checks';
import type { BackendContext } from '../context';
import { createTaskRegistry, type BackgroundTasks, type TaskEntry as BackgroundTaskEntry } from './background-tasks';

export type TaskEntry = BackgroundTaskEntry<CheckTask>;

const registries = new WeakMap<BackendContext, BackgroundTasks<CheckTask>>();

export function tasksOf(ctx: BackendContext): BackgroundTasks<CheckTask> {
  let r = registries.get(ctx);
  if (!r) {
    r = createTaskRegistry<CheckTask>(ctx, () => ({ runId: null }), 'The check was stopped because Tally is closing. Nothing was saved.');
    registries.set(ctx, r);
  }
  return r;
}
