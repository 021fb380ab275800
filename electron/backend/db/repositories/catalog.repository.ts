import type { z } from 'zod';
import type { CatalogKind, CatalogRowByKind } from '../../../../shared/catalog/catalog-types';
import { CloudGpuPriceRow, GridIntensityRow, HardwareRow, LlmApiPriceRow } from '../../../../shared/contract/catalog';
import type { Db } from '../connection';
import { parseStored } from '../stored-json';

/** A user-edited or user-added catalog row as stored: the row itself is JSON in `data`. */
export interface StoredCatalogRow {
  kind: CatalogKind;
  id: string;
  data: CatalogRowByKind[CatalogKind];
  source: string;
  asOf: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  kind: CatalogKind;
  id: string;
  data: string;
  source: string;
  as_of: string;
  created_at: string;
  updated_at: string;
}

/** The contract's schema of each kind's row; stored rows are read back through it. */
const ROW_SCHEMAS: { [K in CatalogKind]: z.ZodType<CatalogRowByKind[K]> } = {
  hardware: HardwareRow,
  'cloud-gpu-price': CloudGpuPriceRow,
  'llm-api-price': LlmApiPriceRow,
  'grid-intensity': GridIntensityRow,
};

function toStored(r: Row): StoredCatalogRow {
  const data = parseStored(ROW_SCHEMAS[r.kind], r.data, `${r.kind} row "${r.id}" of the catalog`);
  return { kind: r.kind, id: r.id, data, source: r.source, asOf: r.as_of, createdAt: r.created_at, updatedAt: r.updated_at };
}

export function listCatalogRows(db: Db, kind?: CatalogKind): StoredCatalogRow[] {
  const rows = kind
    ? (db.prepare('SELECT * FROM catalog_rows WHERE kind = ? ORDER BY kind, id').all(kind) as Row[])
    : (db.prepare('SELECT * FROM catalog_rows ORDER BY kind, id').all() as Row[]);
  return rows.map(toStored);
}

export function getCatalogRow(db: Db, kind: CatalogKind, id: string): StoredCatalogRow | undefined {
  const r = db.prepare('SELECT * FROM catalog_rows WHERE kind = ? AND id = ?').get(kind, id) as Row | undefined;
  return r && toStored(r);
}

/** Insert or replace; `createdAt` is kept from the first write. */
export function upsertCatalogRow(db: Db, row: Omit<StoredCatalogRow, 'createdAt'> & { createdAt?: string }): void {
  db.prepare(
    `INSERT INTO catalog_rows (kind, id, data, source, as_of, created_at, updated_at)
     VALUES (@kind, @id, @data, @source, @asOf, @createdAt, @updatedAt)
     ON CONFLICT (kind, id) DO UPDATE SET data = excluded.data, source = excluded.source,
       as_of = excluded.as_of, updated_at = excluded.updated_at`,
  ).run({ ...row, data: JSON.stringify(row.data), createdAt: row.createdAt ?? row.updatedAt });
}

export function deleteCatalogRow(db: Db, kind: CatalogKind, id: string): boolean {
  return db.prepare('DELETE FROM catalog_rows WHERE kind = ? AND id = ?').run(kind, id).changes === 1;
}
