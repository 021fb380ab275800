import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/**
 * What the person used last, so forms start where they left off: the project the save form and
 * the project pickers open on. (The file picker keeps its own folder: datasets-ui.store.ts.)
 */
export interface RecentState {
  projectId: string | null;
  rememberProject(id: string): void;
}

export const RECENT_STORAGE_KEY = 'tally.recent';

function windowStorage(): StateStorage {
  if (typeof localStorage === 'undefined') throw new Error('no localStorage');
  return localStorage;
}

export function createRecentStore(storage: () => StateStorage = windowStorage) {
  return create<RecentState>()(
    persist(
      (set) => ({
        projectId: null,
        rememberProject: (projectId) => set({ projectId }),
      }),
      {
        name: RECENT_STORAGE_KEY,
        version: 1,
        storage: createJSONStorage(storage),
        partialize: (s) => ({ projectId: s.projectId }),
      },
    ),
  );
}

export const useRecent = createRecentStore();

/**
 * The project a form should start on: the one on screen, else the last one used, else the first
 * of the list; only ever one that is in the list (an archived or deleted project is skipped).
 */
export function defaultProjectId(projects: readonly { id: string }[], current: string | null | undefined, recent: string | null): string {
  for (const id of [current, recent]) if (id && projects.some((p) => p.id === id)) return id;
  return projects[0]?.id ?? '';
}

/** The project a route is about, if any: visiting it makes it the one used last. */
export function projectOfRoute(route: { page: string; projectId?: string; id?: string }): string | null {
  if (route.page === 'project') return route.id ?? null;
  return route.projectId ?? null;
}
