import { catalogFromCsv, catalogFromJson } from '../../../shared/catalog/catalog-import-export';
import { CATALOG_COLUMNS } from '../../../shared/catalog/catalog-columns';
import { catalogIssueText } from '../../../shared/catalog/catalog-issue-text';
import { CATALOG_KINDS, type CatalogKind } from '../../../shared/catalog/catalog-types';
import { CsvSyntaxError, parseCsv } from '../../../shared/catalog/csv';
import type { CatalogFieldError } from '../../../shared/catalog/validate-catalog-row';
import { AppError } from '../../../shared/domain/errors';
import type { AnyRow } from './catalog-effective';

/**
 * Turns an imported file into rows per kind, or one INVALID_INPUT error listing EVERY bad row
 * with its line (CSV) or index (JSON) and field. The caller writes nothing unless this returns,
 * so an import is all or nothing.
 */
export interface ParsedImport {
  kind: CatalogKind;
  rows: AnyRow[];
}

interface Located extends CatalogFieldError {
  /** e.g. `hardware[2]` for a JSON file holding several kinds. */
  prefix?: string;
}

/** Where a problem sits, as an issue path: "line 3.usdPerGpuHour", "hardware[2].memoryGb", "file". */
function pathOf(e: Located): string {
  const at = e.line !== undefined ? `line ${e.line}` : e.index !== undefined ? `${e.prefix ?? 'row'}[${e.index}]` : (e.prefix ?? 'file');
  return e.field ? `${at}.${e.field}` : at;
}

export function importError(errors: Located[]): AppError {
  const first = errors[0] as Located;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
  return new AppError('INVALID_INPUT', `Import rejected, nothing was changed: ${catalogIssueText(pathOf(first), first.message)}${more}`, {
    issues: errors.map((e) => ({ path: pathOf(e), message: e.message })),
    location: { ...(first.line !== undefined ? { line: first.line } : {}), ...(first.field ? { field: first.field } : {}) },
  });
}

/** Which kind a CSV header describes: the one kind whose required columns are all present. */
function kindFromHeader(content: string): CatalogKind {
  let header: string[] = [];
  try {
    header = (parseCsv(content)[0]?.fields ?? []).map((f) => f.trim());
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw importError([{ field: '', line: e.line, message: e.message }]);
    throw e;
  }
  const matches = CATALOG_KINDS.filter((k) => CATALOG_COLUMNS[k].every((c) => !c.required || header.includes(c.name)));
  if (matches.length === 1) return matches[0] as CatalogKind;
  throw importError([{ field: '', line: 1, message: `cannot tell which kind of rows this CSV holds from its header; choose the kind (${CATALOG_KINDS.join(', ')})` }]);
}

export function parseImport(format: 'csv' | 'json', content: string, kind: CatalogKind | undefined): ParsedImport[] {
  if (format === 'csv') {
    const k = kind ?? kindFromHeader(content);
    const r = catalogFromCsv(k, content);
    if (r.errors.length > 0) throw importError(r.errors);
    return [{ kind: k, rows: r.rows as AnyRow[] }];
  }
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (e) {
    throw importError([{ field: '', message: `not valid JSON: ${(e as Error).message}` }]);
  }
  if (Array.isArray(value)) {
    if (!kind) throw importError([{ field: '', message: `a JSON array holds one kind of rows: choose the kind (${CATALOG_KINDS.join(', ')}), or use an object keyed by kind` }]);
    const r = catalogFromJson(kind, value);
    if (r.errors.length > 0) throw importError(r.errors.map((e) => ({ ...e, prefix: kind })));
    return [{ kind, rows: r.rows as AnyRow[] }];
  }
  if (typeof value !== 'object' || value === null) throw importError([{ field: '', message: 'expected a JSON object keyed by kind, or an array of rows' }]);
  const out: ParsedImport[] = [];
  const errors: Located[] = [];
  for (const [key, rows] of Object.entries(value)) {
    if (!(CATALOG_KINDS as readonly string[]).includes(key)) {
      errors.push({ field: key, message: `unknown kind "${key}"; kinds are ${CATALOG_KINDS.join(', ')}` });
      continue;
    }
    if (kind && key !== kind) continue;
    const r = catalogFromJson(key as CatalogKind, rows);
    errors.push(...r.errors.map((e) => ({ ...e, prefix: key })));
    out.push({ kind: key as CatalogKind, rows: r.rows as AnyRow[] });
  }
  if (errors.length > 0) throw importError(errors);
  return out;
}
