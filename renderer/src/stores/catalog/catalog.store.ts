import { create } from 'zustand';
import type { CatalogEntry, CatalogKind } from '../../../../shared/contract/catalog';
import { AppError, type AppErrorData } from '../../../../shared/domain/errors';
import { api } from '../../api/client';

type Status = 'idle' | 'loading' | 'ready' | 'error';

interface CatalogState {
  entries: CatalogEntry[];
  kind: CatalogKind;
  search: string;
  status: Status;
  error: AppErrorData | null;
  /** Every entry of every kind, for the wizards' pickers (hardware, API prices). */
  all: CatalogEntry[];
  load(): Promise<void>;
  loadAll(): Promise<CatalogEntry[]>;
  setKind(kind: CatalogKind): Promise<void>;
  setSearch(search: string): Promise<void>;
  upsert(kind: CatalogKind, row: Record<string, unknown>): Promise<CatalogEntry>;
  reset(kind: CatalogKind, id: string): Promise<void>;
  remove(kind: CatalogKind, id: string): Promise<void>;
  importText(format: 'csv' | 'json', content: string, kind?: CatalogKind): Promise<{ added: number; updated: number }>;
  exportText(format: 'csv' | 'json', kind?: CatalogKind): Promise<{ content: string; rows: number }>;
}

export function asError(e: unknown): AppErrorData {
  return e instanceof AppError ? e.toJSON() : { code: 'INTERNAL', message: String((e as Error)?.message ?? e) };
}

/** The catalog: the only code that calls the catalog procedures. Mutations rethrow for forms. */
export const useCatalog = create<CatalogState>((set, get) => ({
  entries: [],
  kind: 'hardware',
  search: '',
  status: 'idle',
  error: null,
  all: [],
  async load() {
    set({ status: 'loading' });
    try {
      const { kind, search } = get();
      const entries = await api().call('catalog.list', { kind, ...(search.trim() ? { search: search.trim() } : {}) });
      set({ entries, status: 'ready', error: null });
    } catch (e) {
      set({ status: 'error', error: asError(e) });
    }
  },
  async loadAll() {
    const all = await api().call('catalog.list', {});
    set({ all });
    return all;
  },
  async setKind(kind) {
    set({ kind });
    await get().load();
  },
  async setSearch(search) {
    set({ search });
    await get().load();
  },
  async upsert(kind, row) {
    const entry = await api().call('catalog.upsert', { kind, row });
    await get().load();
    return entry;
  },
  async reset(kind, id) {
    await api().call('catalog.reset', { kind, id });
    await get().load();
  },
  async remove(kind, id) {
    await api().call('catalog.delete', { kind, id });
    await get().load();
  },
  async importText(format, content, kind) {
    const r = await api().call('catalog.import', { format, content, ...(kind ? { kind } : {}) });
    await get().load();
    return r;
  },
  async exportText(format, kind) {
    return api().call('catalog.export', { format, ...(kind ? { kind } : {}), only: 'all' });
  },
}));
