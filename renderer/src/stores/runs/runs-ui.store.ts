import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import type { LifecycleView, RunFilterClause } from '../../../../shared/contract/runs-filter';
import { emptyTableUi, nextSort, toggleColumn, toggleSelected, type ChosenKeys, type KeyKind, type RunsTableUi } from './runs-ui';

/**
 * The runs table's UI state per project. The column choice and the sort survive a restart (local
 * storage of this window's origin); filters, view and the compare picks are per session.
 */
interface RunsUiState {
  byProject: Record<string, RunsTableUi>;
  toggleColumn(projectId: string, base: ChosenKeys, kind: KeyKind, key: string): void;
  resetColumns(projectId: string): void;
  sortBy(projectId: string, columnId: string): void;
  setFilter(projectId: string, filter: RunFilterClause[]): void;
  setView(projectId: string, view: LifecycleView): void;
  setExperiments(projectId: string, ids: string[]): void;
  /** Returns false when the pick was refused (already 10). */
  toggleSelected(projectId: string, runId: string): boolean;
  clearSelection(projectId: string): void;
}

export function tableUiOf(state: Pick<RunsUiState, 'byProject'>, projectId: string): RunsTableUi {
  return state.byProject[projectId] ?? EMPTY;
}

const EMPTY = emptyTableUi();

export const useRunsUi = create<RunsUiState>()(
  persist(
    (set, get) => {
      const patch = (projectId: string, change: (t: RunsTableUi) => Partial<RunsTableUi>) =>
        set((s) => {
          const t = tableUiOf(s, projectId);
          return { byProject: { ...s.byProject, [projectId]: { ...t, ...change(t) } } };
        });
      return {
        byProject: {},
        toggleColumn: (projectId, base, kind, key) => patch(projectId, (t) => ({ columns: toggleColumn(t.columns ?? base, kind, key) })),
        resetColumns: (projectId) => patch(projectId, () => ({ columns: null })),
        sortBy: (projectId, columnId) => patch(projectId, (t) => ({ sort: nextSort(t.sort, columnId) })),
        setFilter: (projectId, filter) => patch(projectId, () => ({ filter })),
        setView: (projectId, view) => patch(projectId, () => ({ view, selected: [] })),
        setExperiments: (projectId, experimentIds) => patch(projectId, () => ({ experimentIds })),
        toggleSelected: (projectId, runId) => {
          const r = toggleSelected(tableUiOf(get(), projectId).selected, runId);
          if (!r.refused) patch(projectId, () => ({ selected: r.selected }));
          return !r.refused;
        },
        clearSelection: (projectId) => patch(projectId, () => ({ selected: [] })),
      };
    },
    {
      name: 'tally.runs-table',
      version: 1,
      storage: createJSONStorage(() => localStorage),
      // Only the layout is kept: a filter or a pick from last week would surprise.
      partialize: (s) => ({
        byProject: Object.fromEntries(Object.entries(s.byProject).map(([id, t]) => [id, { ...emptyTableUi(), columns: t.columns, sort: t.sort }])),
      }),
    },
  ),
);
