/** Where the save form puts a plan: the chosen project, never a half-made one. Pure and tested. */

/** The project select's value for "New project…" (never a real id: ids are UUIDs). */
export const NEW_PROJECT = '__new-project__';

export type SaveTarget = { kind: 'existing'; projectId: string } | { kind: 'invalid'; message: string };

export function saveTarget(chosen: string): SaveTarget {
  // A new project is made by its own button first, so its currency and rate are set before the
  // plan's money is written into it.
  if (chosen === NEW_PROJECT) return { kind: 'invalid', message: 'Create the new project first (the “Create project” button), or choose one' };
  return chosen ? { kind: 'existing', projectId: chosen } : { kind: 'invalid', message: 'Choose a project' };
}
