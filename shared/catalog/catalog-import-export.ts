import { fieldLabel } from '../domain/field-labels';
import { CATALOG_COLUMNS } from './catalog-columns';
import type { CatalogKind, CatalogRowByKind } from './catalog-types';
import { CsvSyntaxError, parseCsv, serializeCsv } from './csv';
import { validateCatalogRow, type CatalogFieldError } from './validate-catalog-row';

/**
 * Catalog rows to and from CSV text and parsed JSON, pure. An import returns the good rows and a
 * list of errors with line (CSV) or index (JSON) and field; the caller decides whether to accept
 * a partial import. Duplicate ids inside one file are errors (the second one is reported).
 */
export interface CatalogImportResult<K extends CatalogKind> {
  rows: CatalogRowByKind[K][];
  errors: CatalogFieldError[];
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : String(v);
}

/** Header line plus one line per row, columns in CATALOG_COLUMNS order, blank for null. */
export function catalogToCsv<K extends CatalogKind>(kind: K, rows: readonly CatalogRowByKind[K][]): string {
  const columns = CATALOG_COLUMNS[kind].map((c) => c.name);
  const body = rows.map((r) => columns.map((c) => cellText((r as unknown as Record<string, unknown>)[c])));
  return serializeCsv([columns, ...body]);
}

export function catalogFromCsv<K extends CatalogKind>(kind: K, text: string): CatalogImportResult<K> {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) return { rows: [], errors: [{ field: '', line: e.line, message: e.message }] };
    throw e;
  }
  const [header, ...data] = records;
  if (!header) return { rows: [], errors: [{ field: '', line: 1, message: 'the file is empty: expected a header line' }] };
  const names = header.fields.map((f) => f.trim());
  const known = new Set(CATALOG_COLUMNS[kind].map((c) => c.name));
  const errors: CatalogFieldError[] = [];
  for (const col of CATALOG_COLUMNS[kind]) {
    if (col.required && !names.includes(col.name)) errors.push({ field: col.name, line: header.line, message: `missing column "${col.name}" (${fieldLabel(col.name)})` });
  }
  for (const n of names) {
    if (!known.has(n)) errors.push({ field: n, line: header.line, message: `unknown column "${n}" for ${kind}` });
  }
  if (errors.length > 0) return { rows: [], errors };

  const rows: CatalogRowByKind[K][] = [];
  const seen = new Set<string>();
  for (const rec of data) {
    if (rec.fields.length !== names.length) {
      errors.push({ field: '', line: rec.line, message: `expected ${names.length} fields, found ${rec.fields.length}` });
      continue;
    }
    const obj: Record<string, string> = {};
    names.forEach((n, i) => (obj[n] = rec.fields[i] ?? ''));
    const r = validateCatalogRow(kind, obj);
    if (!r.ok) {
      errors.push(...r.errors.map((er) => ({ ...er, line: rec.line })));
      continue;
    }
    const rowId = (r.row as { id: string }).id;
    if (seen.has(rowId)) {
      errors.push({ field: 'id', line: rec.line, message: `"${rowId}" is already used by an earlier row` });
      continue;
    }
    seen.add(rowId);
    rows.push(r.row);
  }
  return { rows, errors };
}

/** Rows from an already-parsed JSON value (an array of objects). */
export function catalogFromJson<K extends CatalogKind>(kind: K, value: unknown): CatalogImportResult<K> {
  if (!Array.isArray(value)) return { rows: [], errors: [{ field: '', message: 'expected a JSON array of rows' }] };
  const rows: CatalogRowByKind[K][] = [];
  const errors: CatalogFieldError[] = [];
  const seen = new Set<string>();
  value.forEach((item, index) => {
    const r = validateCatalogRow(kind, item);
    if (!r.ok) {
      errors.push(...r.errors.map((er) => ({ ...er, index })));
      return;
    }
    const rowId = (r.row as { id: string }).id;
    if (seen.has(rowId)) {
      errors.push({ field: 'id', index, message: `"${rowId}" is already used by an earlier row` });
      return;
    }
    seen.add(rowId);
    rows.push(r.row);
  });
  return { rows, errors };
}
