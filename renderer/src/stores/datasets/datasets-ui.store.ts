import { create } from 'zustand';

/**
 * The folder the file picker shows, kept across openings (and shared by the run import, which
 * browses the same disk); undefined until one is chosen: the backend then lists the home folder.
 */
interface DatasetsUiState {
  pickerDir: string | undefined;
  setPickerDir(dir: string): void;
}

export const useDatasetsUi = create<DatasetsUiState>((set) => ({
  pickerDir: undefined,
  setPickerDir: (pickerDir) => set({ pickerDir }),
}));
