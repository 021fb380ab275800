import type { Input } from '../../../../shared/contract';
import { useRpcQuery } from '../../data/rpc-query';
import { linkChoices, runCostText } from './link-choices';

/** Runs offered for linking: the newest of the project, names and costs only. */
const RUN_LIST_LIMIT = 500;
const NO_KEYS = { params: [], tags: [], metrics: [] };

/** What an evaluation can be linked to in a project: its runs (with cost) and its data files. */
export function useProjectLinks(projectId: string) {
  const runs = useRpcQuery('runs.list', { projectId, maxResults: RUN_LIST_LIMIT, columns: NO_KEYS } as Input<'runs.list'>);
  const datasets = useRpcQuery('datasets.list', { projectId });
  const runRows = runs.data?.runs ?? [];
  return {
    runs: linkChoices(runRows),
    datasets: (datasets.data ?? []).map((d) => ({ id: d.id, label: d.name })),
    runById: (id: string | null) => (id ? (runRows.find((r) => r.id === id) ?? null) : null),
    datasetName: (id: string | null) => (id ? (datasets.data?.find((d) => d.id === id)?.name ?? null) : null),
    runCostText,
    error: runs.error ?? datasets.error ?? null,
  };
}

/** The runs these evaluations are linked to (one call), for their names and costs. */
export function useLinkedRuns(projectId: string, runIds: readonly (string | null)[]) {
  const ids = [...new Set(runIds.filter((x): x is string => x !== null))].sort();
  const q = useRpcQuery(
    'runs.list',
    { projectId, filter: ids.length ? [{ kind: 'attribute', key: 'run_id', op: 'IN', value: ids }] : [], maxResults: Math.max(1, ids.length), columns: NO_KEYS, view: 'all' } as Input<'runs.list'>,
    { enabled: ids.length > 0 },
  );
  const rows = q.data?.runs ?? [];
  return { byId: (id: string | null) => (id ? (rows.find((r) => r.id === id) ?? null) : null), error: q.error ?? null, loading: ids.length > 0 && q.isPending };
}
