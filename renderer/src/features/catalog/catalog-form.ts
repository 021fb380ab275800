import { CATALOG_COLUMNS, catalogFieldText, validateCatalogRow, type ColumnSpec } from '../../../../shared/catalog';
import { fieldLabel } from '../../../../shared/domain/field-labels';
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
  for (const e of r.errors) if (!errors[e.field]) errors[e.field] = catalogFieldText(e.field, e.message);
  return { ok: false, errors };
}

/** A column's label on the form: its plain name, with the CSV header beside it for imports ("Price per GPU-hour (usdPerGpuHour)"). */
export function columnLabel(c: ColumnSpec): string {
  const label = fieldLabel(c.name);
  const header = label.toLowerCase() === c.name.toLowerCase() ? [] : [c.name];
  const notes = [...header, ...(c.required ? [] : ['optional'])];
  return notes.length ? `${label} (${notes.join(', ')})` : label;
}
