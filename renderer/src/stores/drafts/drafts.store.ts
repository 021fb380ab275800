import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';
import { DRAFTS_VERSION, type Draft } from './drafts';

/** Wizard answers by wizard key ("check:<projectId>", "plan.cloud" ...), kept across reloads. */
export interface DraftsState {
  drafts: Record<string, Draft>;
  put(key: string, value: unknown, now?: Date): void;
  /** Forget a wizard's answers: it was finished or cancelled. */
  drop(key: string): void;
}

export const DRAFTS_STORAGE_KEY = 'tally.wizard-drafts';

/** The window's localStorage, or nothing where there is none (tests in Node). */
function windowStorage(): StateStorage {
  if (typeof localStorage === 'undefined') throw new Error('no localStorage');
  return localStorage;
}

export function createDraftsStore(storage: () => StateStorage = windowStorage) {
  return create<DraftsState>()(
    persist(
      (set) => ({
        drafts: {},
        put(key, value, now = new Date()) {
          set((s) => ({ drafts: { ...s.drafts, [key]: { value, savedAt: now.toISOString() } } }));
        },
        drop(key) {
          set((s) => {
            if (!(key in s.drafts)) return s;
            const { [key]: _gone, ...rest } = s.drafts;
            return { drafts: rest };
          });
        },
      }),
      {
        name: DRAFTS_STORAGE_KEY,
        version: DRAFTS_VERSION,
        storage: createJSONStorage(storage),
        partialize: (s) => ({ drafts: s.drafts }),
        // A draft written by another version of the wizards may not fit: start clean.
        migrate: () => ({ drafts: {} }),
      },
    ),
  );
}

export const useDrafts = createDraftsStore();
