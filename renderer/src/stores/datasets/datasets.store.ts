import { create } from 'zustand';
import type { ColumnGuesses, Dataset, DatasetDetail, DatasetRole } from '../../../../shared/contract/datasets';
import type { BrowseResult } from '../../../../shared/contract/files';
import { AppError, type AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

export function asError(e: unknown): AppErrorData {
  return e instanceof AppError ? e.toJSON() : { code: 'INTERNAL', message: String((e as Error)?.message ?? e) };
}

interface DatasetsState {
  projectId: string | null;
  list: Dataset[];
  status: Status;
  error: AppErrorData | null;
  detail: DatasetDetail | null;
  detailError: AppErrorData | null;
  /** The folder the file picker shows, and why it could not list one. */
  browse: BrowseResult | null;
  browseError: AppErrorData | null;
  load(projectId: string): Promise<void>;
  open(id: string): Promise<void>;
  browseTo(dir?: string): Promise<void>;
  /** Rethrows AppError so the picker can show it next to the path. */
  /** Register a file with a project (the caller's: the store's own projectId is only set once a list has loaded). */
  register(projectId: string, path: string, role?: DatasetRole): Promise<Dataset>;
  relink(id: string, path: string): Promise<Dataset>;
  remove(id: string): Promise<void>;
  guessColumns(datasetId: string): Promise<ColumnGuesses | null>;
}

/**
 * Loads in flight: only the latest started may write the list. A page's first load and the reload
 * after a register can be in flight together; an older answer arriving last would put back a
 * list without the new file.
 */
let latestLoad = 0;
/** Likewise for folder listings: the picker's first listing must not land after a typed path's. */
let latestBrowse = 0;

/** Datasets of one project: the only code that calls datasets.* and files.browse. */
export const useDatasets = create<DatasetsState>((set, get) => ({
  projectId: null,
  list: [],
  status: 'idle',
  error: null,
  detail: null,
  detailError: null,
  browse: null,
  browseError: null,
  async load(projectId) {
    const seq = ++latestLoad;
    set({ projectId, status: 'loading', ...(get().projectId !== projectId ? { list: [] } : {}) });
    try {
      const list = await api().call('datasets.list', { projectId });
      if (seq === latestLoad) set({ list, status: 'ready', error: null });
    } catch (e) {
      if (seq === latestLoad) set({ status: 'error', error: asError(e) });
    }
  },
  async open(id) {
    set({ detail: get().detail?.id === id ? get().detail : null, detailError: null });
    try {
      set({ detail: await api().call('datasets.get', { id }) });
    } catch (e) {
      set({ detailError: asError(e) });
    }
  },
  async browseTo(dir) {
    const mine = ++latestBrowse;
    try {
      const browse = await api().call('files.browse', dir ? { dir } : {});
      if (mine === latestBrowse) set({ browse, browseError: null });
    } catch (e) {
      if (mine === latestBrowse) set({ browseError: asError(e) });
    }
  },
  async register(projectId, path, role) {
    const d = await api().call('datasets.register', { projectId, path, ...(role ? { role } : {}) });
    await get().load(projectId);
    return d;
  },
  async relink(id, path) {
    const d = await api().call('datasets.relink', { id, path });
    if (get().projectId) await get().load(get().projectId!);
    if (get().detail?.id === id) await get().open(id);
    return d;
  },
  async remove(id) {
    await api().call('datasets.remove', { id });
    if (get().detail?.id === id) set({ detail: null });
    if (get().projectId) await get().load(get().projectId!);
  },
  async guessColumns(datasetId) {
    try {
      return await api().call('datasets.guessColumns', { datasetId });
    } catch {
      // Guesses are a convenience: without them the wizard simply starts with empty choices.
      return null;
    }
  },
}));
