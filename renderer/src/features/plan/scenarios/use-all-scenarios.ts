import { useQueries } from '@tanstack/react-query';
import type { Project } from '../../../../../shared/contract/projects';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import type { AppError } from '../../../../../shared/domain/errors';
import { rpcQueryOptions, useRpcQuery } from '../../../data/rpc-query';

export interface ScenarioWithProject {
  scenario: Scenario;
  project: Project;
}

/**
 * Every saved plan of every active project, newest first, for the Plan page. Each project's list
 * is its own cached read (scenarios.list by project), so a plan saved in one project, or a
 * project renamed, refreshes only what changed.
 */
export function useAllScenarios(): { rows: ScenarioWithProject[]; ready: boolean; error: AppError | null } {
  const projects = useRpcQuery('projects.list', {});
  const list = projects.data ?? [];
  const lists = useQueries({
    queries: list.map((p) => rpcQueryOptions('scenarios.list', { projectId: p.id })),
  });
  const rows = list.flatMap((project, i) => (lists[i]?.data ?? []).map((scenario) => ({ scenario, project })));
  rows.sort((a, b) => b.scenario.updatedAt.localeCompare(a.scenario.updatedAt));
  return {
    rows,
    ready: projects.isSuccess && lists.every((q) => q.isSuccess),
    error: projects.error ?? lists.find((q) => q.error)?.error ?? null,
  };
}
