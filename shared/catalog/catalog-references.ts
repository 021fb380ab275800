import type { Catalog, CatalogKind } from './catalog-types';

/**
 * Cross-row checks that a single-row validation cannot make: every price row must name a device
 * in the hardware table, and ids must be unique within each table. Run after an import or an
 * edit, on the catalog as it would be saved.
 */
export interface CatalogReferenceError {
  kind: CatalogKind;
  id: string;
  field: string;
  message: string;
}

export function catalogReferenceErrors(catalog: Catalog): CatalogReferenceError[] {
  const errors: CatalogReferenceError[] = [];
  const tables: [CatalogKind, readonly { id: string }[]][] = [
    ['hardware', catalog.hardware],
    ['cloud-gpu-price', catalog.cloudGpuPrices],
    ['llm-api-price', catalog.llmApiPrices],
    ['grid-intensity', catalog.gridIntensities],
  ];
  for (const [kind, rows] of tables) {
    const seen = new Set<string>();
    for (const r of rows) {
      if (seen.has(r.id)) errors.push({ kind, id: r.id, field: 'id', message: `duplicate id "${r.id}"` });
      seen.add(r.id);
    }
  }
  const hardware = new Set(catalog.hardware.map((h) => h.id));
  for (const p of catalog.cloudGpuPrices) {
    if (!hardware.has(p.hardwareId)) errors.push({ kind: 'cloud-gpu-price', id: p.id, field: 'hardwareId', message: `unknown hardware id "${p.hardwareId}"` });
  }
  return errors;
}
