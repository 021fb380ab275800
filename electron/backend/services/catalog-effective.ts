import { ageInDays } from '../../../shared/catalog/as-of-date';
import { DEFAULT_CLOUD_GPU_PRICES } from '../../../shared/catalog/cloud-gpu-prices.data';
import { DEFAULT_GRID_INTENSITIES } from '../../../shared/catalog/grid-intensities.data';
import { DEFAULT_HARDWARE } from '../../../shared/catalog/hardware.data';
import { DEFAULT_LLM_API_PRICES } from '../../../shared/catalog/llm-api-prices.data';
import { CATALOG_KINDS, type Catalog, type CatalogKind, type CatalogRowByKind } from '../../../shared/catalog/catalog-types';
import type { CatalogEntry } from '../../../shared/contract/catalog';
import type { Db } from '../db/connection';
import { listCatalogRows } from '../db/repositories/catalog.repository';

/**
 * The EFFECTIVE catalog: the built-in rows (code, shared/catalog) with the user's rows from
 * SQLite laid over them by (kind, id). An edited default keeps its place in the built-in order;
 * the user's own rows follow, sorted by id. Every estimate resolves hardware and prices here.
 */
export type AnyRow = CatalogRowByKind[CatalogKind];
export type Origin = CatalogEntry['origin'];

export interface EffectiveRow {
  kind: CatalogKind;
  row: AnyRow;
  origin: Origin;
  updatedAt: string | null;
}

export const DEFAULT_ROWS: { [K in CatalogKind]: readonly CatalogRowByKind[K][] } = {
  hardware: DEFAULT_HARDWARE,
  'cloud-gpu-price': DEFAULT_CLOUD_GPU_PRICES,
  'llm-api-price': DEFAULT_LLM_API_PRICES,
  'grid-intensity': DEFAULT_GRID_INTENSITIES,
};

export function defaultRow(kind: CatalogKind, id: string): AnyRow | undefined {
  return (DEFAULT_ROWS[kind] as readonly AnyRow[]).find((r) => r.id === id);
}

export function effectiveRows(db: Db, kind?: CatalogKind): EffectiveRow[] {
  const stored = listCatalogRows(db, kind);
  const out: EffectiveRow[] = [];
  for (const k of kind ? [kind] : CATALOG_KINDS) {
    const mine = new Map(stored.filter((s) => s.kind === k).map((s) => [s.id, s]));
    for (const d of DEFAULT_ROWS[k] as readonly AnyRow[]) {
      const edit = mine.get(d.id);
      mine.delete(d.id);
      out.push(edit ? { kind: k, row: edit.data, origin: 'edited', updatedAt: edit.updatedAt } : { kind: k, row: { ...d }, origin: 'default', updatedAt: null });
    }
    for (const s of [...mine.values()].sort((a, b) => a.id.localeCompare(b.id))) out.push({ kind: k, row: s.data, origin: 'added', updatedAt: s.updatedAt });
  }
  return out;
}

/** The effective catalog in the shape the estimators take. */
export function effectiveCatalog(db: Db): Catalog {
  const rows = effectiveRows(db);
  const of = <K extends CatalogKind>(k: K) => rows.filter((r) => r.kind === k).map((r) => r.row as CatalogRowByKind[K]);
  return { hardware: of('hardware'), cloudGpuPrices: of('cloud-gpu-price'), llmApiPrices: of('llm-api-price'), gridIntensities: of('grid-intensity') };
}

/** The contract's view of a row: origin and how old its figure is on the backend's clock. */
export function toEntry(r: EffectiveRow, today: string): CatalogEntry {
  let age: number | null;
  try {
    age = ageInDays(r.row.asOf, today);
  } catch {
    age = null;
  }
  return { kind: r.kind, row: r.row, origin: r.origin, ageInDays: age, updatedAt: r.updatedAt } as CatalogEntry;
}
