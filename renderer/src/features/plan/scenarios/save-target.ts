/** Where the save form puts a plan: an existing project, or a new one it names. Pure and tested. */

/** The project select's value for "New project…" (never a real id: ids are UUIDs). */
export const NEW_PROJECT = '__new-project__';

export type SaveTarget = { kind: 'existing'; projectId: string } | { kind: 'new'; name: string } | { kind: 'invalid'; message: string };

export function saveTarget(chosen: string, newProjectName: string): SaveTarget {
  if (chosen === NEW_PROJECT) {
    const name = newProjectName.trim();
    return name ? { kind: 'new', name } : { kind: 'invalid', message: 'Name the new project' };
  }
  return chosen ? { kind: 'existing', projectId: chosen } : { kind: 'invalid', message: 'Choose a project' };
}
