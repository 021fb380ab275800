import type { LifecycleView, RunFilterClause } from '../../../../shared/contract/runs-filter';

/**
 * UI state of a project's runs table (not server data): the chosen columns, the sort, the filter
 * clauses, the lifecycle view, the experiments shown and the runs picked for comparison. Pure
 * functions here; runs-ui.store.ts holds them per project and persists the column choice.
 */
export interface ChosenKeys {
  params: string[];
  metrics: string[];
  tags: string[];
}
export type KeyKind = keyof ChosenKeys;

export interface SortState {
  columnId: string;
  ascending: boolean;
}

export interface RunsTableUi {
  /** null until the user picks: then the defaults follow the keys the runs have. */
  columns: ChosenKeys | null;
  sort: SortState | null;
  filter: RunFilterClause[];
  view: LifecycleView;
  /** Empty: every experiment of the project. */
  experimentIds: string[];
  selected: string[];
}

export const MAX_COMPARE = 10;
export const MIN_COMPARE = 2;
const DEFAULT_COUNTS: ChosenKeys = { params: [], metrics: [], tags: [] };

export function emptyTableUi(): RunsTableUi {
  return { columns: null, sort: null, filter: [], view: 'active', experimentIds: [], selected: [] };
}

/** Until the user chooses: the first 4 metrics and 3 params (alphabetical, as the backend lists keys), no tags. */
export function defaultColumns(available: ChosenKeys): ChosenKeys {
  return { params: available.params.slice(0, 3), metrics: available.metrics.slice(0, 4), tags: DEFAULT_COUNTS.tags };
}

/**
 * The columns to show: the user's choice without keys no run has any more (so a stale choice does
 * not draw empty columns), or the defaults. While the keys are still loading the choice stands.
 */
export function effectiveColumns(chosen: ChosenKeys | null, available: ChosenKeys | null): ChosenKeys {
  if (!available) return chosen ?? { params: [], metrics: [], tags: [] };
  if (!chosen) return defaultColumns(available);
  const keep = (kind: KeyKind) => chosen[kind].filter((k) => available[kind].includes(k));
  return { params: keep('params'), metrics: keep('metrics'), tags: keep('tags') };
}

/** Adds or removes one key; added keys go last, so the table grows to the right. */
export function toggleColumn(current: ChosenKeys, kind: KeyKind, key: string): ChosenKeys {
  const list = current[kind];
  const next = list.includes(key) ? list.filter((k) => k !== key) : [...list, key];
  return { ...current, [kind]: next };
}

/** Click on a header: a new column sorts ascending, the same column flips direction. */
export function nextSort(sort: SortState | null, columnId: string): SortState {
  if (sort?.columnId === columnId) return { columnId, ascending: !sort.ascending };
  return { columnId, ascending: true };
}

/** Picks or unpicks a run for comparison; an 11th pick is refused (the caller says why). */
export function toggleSelected(selected: readonly string[], id: string): { selected: string[]; refused: boolean } {
  if (selected.includes(id)) return { selected: selected.filter((s) => s !== id), refused: false };
  if (selected.length >= MAX_COMPARE) return { selected: [...selected], refused: true };
  return { selected: [...selected, id], refused: false };
}

export function canCompare(selected: readonly string[]): boolean {
  return selected.length >= MIN_COMPARE && selected.length <= MAX_COMPARE;
}

/** What the compare button says: how many are picked and what is needed. */
export function compareHint(selected: readonly string[]): string {
  const n = selected.length;
  if (n === 0) return 'Tick 2 to 10 runs to compare them.';
  if (n === 1) return '1 run picked: tick at least one more to compare.';
  return `${n} runs picked (at most ${MAX_COMPARE}).`;
}

/** The keys present in some rows (sorted): the column defaults before the full key list has loaded. */
export function keysOfRows(rows: ReadonlyArray<{ params: Record<string, string>; metrics: Record<string, unknown>; tags: Record<string, string> }>): ChosenKeys {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  for (const r of rows) {
    for (const k in r.params) params.add(k);
    for (const k in r.metrics) metrics.add(k);
    for (const k in r.tags) if (!k.startsWith('mlflow.')) tags.add(k);
  }
  return { params: [...params].sort(), metrics: [...metrics].sort(), tags: [...tags].sort() };
}
