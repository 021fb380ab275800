import type { Experiment } from '../../../../shared/contract/experiments';
import type { Project } from '../../../../shared/contract/projects';
import type { RunRow } from '../../../../shared/contract/runs';
import type { Backend } from '../../../backend/create-backend';
import { call } from '../backend-call';
import { CliError } from '../io';
import { safeText } from '../terminal-text';

/** Finding projects and experiments by the name a user types, and reading every page of runs. */
export async function projectByName(backend: Backend, name: string): Promise<Project> {
  const found = await call(backend, 'projects.list', { search: name, includeArchived: true });
  const exact = found.find((p) => p.name === name) ?? found.find((p) => p.name.toLowerCase() === name.toLowerCase());
  if (exact) return exact;
  const byId = await backend.dispatch('projects.get', { id: name });
  if (byId.ok) return byId.value as Project;
  throw new CliError(`no project named "${safeText(name)}"; see tally projects list`);
}

export async function experimentByName(backend: Backend, name: string): Promise<Experiment> {
  const r = await backend.dispatch('experiments.get', { name });
  if (r.ok) return r.value as Experiment;
  if (/^\d+$/.test(name)) {
    const byId = await backend.dispatch('experiments.get', { id: name });
    if (byId.ok) return byId.value as Experiment;
  }
  throw new CliError(`no experiment named "${safeText(name)}"`);
}

/** Every run that matches, following the page tokens. */
export async function allRuns(backend: Backend, scope: { projectId: string } | { experimentIds: string[] }): Promise<RunRow[]> {
  const out: RunRow[] = [];
  let pageToken: string | undefined;
  do {
    const page = await call(backend, 'runs.list', { ...scope, maxResults: 50_000, ...(pageToken ? { pageToken } : {}) });
    out.push(...page.runs);
    pageToken = page.nextPageToken ?? undefined;
  } while (pageToken);
  return out;
}
