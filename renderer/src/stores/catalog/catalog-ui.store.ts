import { create } from 'zustand';
import type { CatalogKind } from '../../../../shared/contract/catalog';

/** The catalog page's tab and search (the rows are server data: catalog.list through the cache). */
interface CatalogUiState {
  kind: CatalogKind;
  search: string;
  setKind(kind: CatalogKind): void;
  setSearch(search: string): void;
}

export const useCatalogUi = create<CatalogUiState>((set) => ({
  kind: 'hardware',
  search: '',
  setKind: (kind) => set({ kind }),
  setSearch: (search) => set({ search }),
}));
