import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

/**
 * The folder the file picker shows, kept across openings and reloads (and shared by the run
 * import, which browses the same disk); undefined until one is chosen, or after the remembered
 * one is gone: the backend then lists the home folder.
 */
export interface DatasetsUiState {
  pickerDir: string | undefined;
  setPickerDir(dir: string): void;
  forgetPickerDir(): void;
}

function windowStorage(): StateStorage {
  if (typeof localStorage === 'undefined') throw new Error('no localStorage');
  return localStorage;
}

export function createDatasetsUiStore(storage: () => StateStorage = windowStorage) {
  return create<DatasetsUiState>()(
    persist(
      (set) => ({
        pickerDir: undefined,
        setPickerDir: (pickerDir) => set({ pickerDir }),
        forgetPickerDir: () => set({ pickerDir: undefined }),
      }),
      { name: 'tally.file-picker', version: 1, storage: createJSONStorage(storage), partialize: (s) => ({ pickerDir: s.pickerDir }) },
    ),
  );
}

export const useDatasetsUi = createDatasetsUiStore();
