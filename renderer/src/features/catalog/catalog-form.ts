import { CATALOG_COLUMNS, validateCatalogRow, type ColumnSpec } from '../../../../shared/catalog';
import type { CatalogKind } from '../../../../shared/contract/catalog';

/**
 * The catalog row form: every column of the kind as text, checked by the same validateCatalogRow
 * the backend and the importer use, so the three cannot disagree.
 */
export type RowValues = Record<string, string>;

export function columnsOf(kind: CatalogKind): readonly ColumnSpec[] {
  return CATALOG_COLUMNS[kind];
}

export function valuesFromRow(kind: CatalogKind, row: Record<string, unknown>): RowValues {
  const out: RowValues = {};
  for (const c of columnsOf(kind)) {
    const v = row[c.name];
    out[c.name] = v === null || v === undefined ? '' : String(v);
  }
  return out;
}

/** The row to send, or errors keyed by column. Blank optional text columns are left out. */
export function rowFromValues(kind: CatalogKind, values: RowValues): { ok: true; row: Record<string, unknown> } | { ok: false; errors: Record<string, string> } {
  const candidate: Record<string, string> = {};
  for (const c of columnsOf(kind)) {
    const v = values[c.name] ?? '';
    if (v.trim() === '' && !c.required && c.spec.type !== 'number') continue;
    candidate[c.name] = v;
  }
  const r = validateCatalogRow(kind, candidate);
  if (r.ok) return { ok: true, row: r.row as unknown as Record<string, unknown> };
  const errors: Record<string, string> = {};
  for (const e of r.errors) if (!errors[e.field]) errors[e.field] = e.message;
  return { ok: false, errors };
}

/** "line 3.usdPerGpuHour" -> "Line 3, field usdPerGpuHour": import issues as a person reads them. */
export function importIssueText(path: string, message: string): string {
  const m = /^(line \d+|[\w-]*\[\d+\]|row\[\d+\]|file)(?:\.(.+))?$/.exec(path);
  if (!m) return path ? `${path}: ${message}` : message;
  const where = (m[1] as string).replace(/^line/, 'Line').replace(/^([\w-]*)\[(\d+)\]$/, (_all, k: string, i: string) => `${k && k !== 'row' ? `${k} ` : ''}row ${Number(i) + 1}`.replace(/^row/, 'Row'));
  return m[2] ? `${where}, field ${m[2]}: ${message}` : `${where}: ${message}`;
}
