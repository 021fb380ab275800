import { create } from 'zustand';
import { toggleCompare } from './scenarios.selectors';

/** The saved plans picked for the side-by-side comparison (the plans are server data). */
interface ScenariosUiState {
  compareIds: string[];
  toggleCompare(id: string): void;
}

export const useScenariosUi = create<ScenariosUiState>((set) => ({
  compareIds: [],
  toggleCompare: (id) => set((s) => ({ compareIds: toggleCompare(s.compareIds, id) })),
}));
