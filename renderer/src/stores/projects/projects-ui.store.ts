import { create } from 'zustand';

/** The projects list's filters (the list itself is server data: projects.list through the cache). */
interface ProjectsUiState {
  search: string;
  includeArchived: boolean;
  setSearch(search: string): void;
  setIncludeArchived(includeArchived: boolean): void;
}

export const useProjectsUi = create<ProjectsUiState>((set) => ({
  search: '',
  includeArchived: false,
  setSearch: (search) => set({ search }),
  setIncludeArchived: (includeArchived) => set({ includeArchived }),
}));
