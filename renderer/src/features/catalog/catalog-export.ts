import type { CatalogKind } from '../../../../shared/contract/catalog';

export type CatalogFileFormat = 'csv' | 'json';

/**
 * The file a catalog export is saved as: what it holds and the day, so two exports sort by date
 * and never overwrite each other's name by accident: "tally-catalog-2026-12-05.json",
 * "tally-catalog-cloud-gpu-price-2026-12-05.csv" (CSV holds one kind).
 */
export function catalogExportFileName(format: CatalogFileFormat, kind: CatalogKind, today: string): string {
  return format === 'csv' ? `tally-catalog-${kind}-${today}.csv` : `tally-catalog-${today}.json`;
}

export const CATALOG_EXPORT_TYPES: Record<CatalogFileFormat, string> = { csv: 'text/csv', json: 'application/json' };

/** What the page says once the file is saved: its name, its rows, and where it went. */
export function exportedText(fileName: string, rows: number): string {
  return `Downloaded “${fileName}” with ${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'}, to your Downloads folder unless you were asked where to save it.`;
}
