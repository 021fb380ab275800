import { create } from 'zustand';
import type { Project, ProjectCreateInput, ProjectDetail, ProjectPatch } from '../../../../shared/contract/projects';
import { AppError, type AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface ProjectsState {
  list: Project[];
  search: string;
  includeArchived: boolean;
  status: Status;
  error: AppErrorData | null;
  detail: ProjectDetail | null;
  load(): Promise<void>;
  setSearch(search: string): Promise<void>;
  setIncludeArchived(v: boolean): Promise<void>;
  open(id: string): Promise<void>;
  create(input: ProjectCreateInput): Promise<Project>;
  update(id: string, patch: ProjectPatch): Promise<Project>;
  setArchived(id: string, archived: boolean): Promise<void>;
  remove(id: string): Promise<void>;
}

function asError(e: unknown): AppErrorData {
  return e instanceof AppError ? e.toJSON() : { code: 'INTERNAL', message: String((e as Error)?.message ?? e) };
}

/** Projects: the only code that calls the projects procedures. Mutations rethrow AppError for forms. */
export const useProjects = create<ProjectsState>((set, get) => ({
  list: [],
  search: '',
  includeArchived: false,
  status: 'idle',
  error: null,
  detail: null,
  async load() {
    set({ status: 'loading' });
    try {
      const { search, includeArchived } = get();
      const list = await api().call('projects.list', { ...(search.trim() ? { search } : {}), includeArchived });
      set({ list, status: 'ready', error: null });
    } catch (e) {
      set({ status: 'error', error: asError(e) });
    }
  },
  async setSearch(search) {
    set({ search });
    await get().load();
  },
  async setIncludeArchived(includeArchived) {
    set({ includeArchived });
    await get().load();
  },
  async open(id) {
    set({ detail: null, error: null });
    try {
      set({ detail: await api().call('projects.get', { id }) });
    } catch (e) {
      set({ error: asError(e) });
    }
  },
  async create(input) {
    const p = await api().call('projects.create', input);
    await get().load();
    return p;
  },
  async update(id, patch) {
    const p = await api().call('projects.update', { id, patch });
    const detail = get().detail;
    if (detail?.id === id) set({ detail: { ...detail, ...p } });
    await get().load();
    return p;
  },
  async setArchived(id, archived) {
    const p = await api().call('projects.archive', { id, archived });
    const detail = get().detail;
    if (detail?.id === id) set({ detail: { ...detail, ...p } });
    await get().load();
  },
  async remove(id) {
    await api().call('projects.delete', { id });
    set({ detail: null });
    await get().load();
  },
}));
