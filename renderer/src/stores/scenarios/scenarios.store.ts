import { create } from 'zustand';
import type { Input } from '../../../../shared/contract';
import type { Project } from '../../../../shared/contract/projects';
import type { Scenario } from '../../../../shared/contract/scenarios';
import type { AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';
import { asError } from '../catalog/catalog.store';
import { toggleCompare } from './scenarios.selectors';

export interface ScenarioWithProject {
  scenario: Scenario;
  project: Project;
}

interface ScenariosState {
  /** Every scenario of every active project, for the Plan page. */
  all: ScenarioWithProject[];
  byProject: Record<string, Scenario[]>;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: AppErrorData | null;
  /** Ids picked for the side-by-side comparison (at most three). */
  compareIds: string[];
  loadAll(): Promise<void>;
  loadForProject(projectId: string): Promise<void>;
  get(id: string): Promise<Scenario>;
  create(input: Input<'scenarios.create'>): Promise<Scenario>;
  update(input: Input<'scenarios.update'>): Promise<Scenario>;
  duplicate(id: string): Promise<Scenario>;
  remove(id: string): Promise<void>;
  setAsBudget(input: Input<'scenarios.setAsBudget'>): Promise<Project>;
  toggleCompare(id: string): void;
}

/** Scenarios: the only code that calls the scenarios procedures. Mutations rethrow for forms. */
export const useScenarios = create<ScenariosState>((set, get) => {
  async function refresh(projectId: string) {
    const list = await api().call('scenarios.list', { projectId });
    set((s) => ({ byProject: { ...s.byProject, [projectId]: list } }));
    if (get().status !== 'idle') await get().loadAll();
  }
  return {
    all: [],
    byProject: {},
    status: 'idle',
    error: null,
    compareIds: [],
    async loadAll() {
      if (get().status === 'idle') set({ status: 'loading' });
      try {
        const projects = await api().call('projects.list', {});
        const lists = await Promise.all(projects.map((p) => api().call('scenarios.list', { projectId: p.id })));
        const all = projects.flatMap((project, i) => (lists[i] ?? []).map((scenario) => ({ scenario, project })));
        all.sort((a, b) => b.scenario.updatedAt.localeCompare(a.scenario.updatedAt));
        const ids = new Set(all.map((x) => x.scenario.id));
        set((s) => ({ all, status: 'ready', error: null, compareIds: s.compareIds.filter((id) => ids.has(id)) }));
      } catch (e) {
        set({ status: 'error', error: asError(e) });
      }
    },
    async loadForProject(projectId) {
      try {
        await refresh(projectId);
      } catch (e) {
        set({ error: asError(e) });
      }
    },
    async get(id) {
      return api().call('scenarios.get', { id });
    },
    async create(input) {
      const s = await api().call('scenarios.create', input);
      await refresh(s.projectId);
      return s;
    },
    async update(input) {
      const s = await api().call('scenarios.update', input);
      await refresh(s.projectId);
      return s;
    },
    async duplicate(id) {
      const s = await api().call('scenarios.duplicate', { id });
      await refresh(s.projectId);
      return s;
    },
    async remove(id) {
      const owner = get().all.find((x) => x.scenario.id === id)?.project.id ?? Object.keys(get().byProject).find((p) => get().byProject[p]?.some((s) => s.id === id));
      await api().call('scenarios.delete', { id });
      set((s) => ({ compareIds: s.compareIds.filter((x) => x !== id) }));
      if (owner) await refresh(owner);
      else await get().loadAll();
    },
    async setAsBudget(input) {
      const r = await api().call('scenarios.setAsBudget', input);
      await refresh(r.project.id);
      return r.project;
    },
    toggleCompare(id) {
      set((s) => ({ compareIds: toggleCompare(s.compareIds, id) }));
    },
  };
});
