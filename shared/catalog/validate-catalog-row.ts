import { isValidAsOf } from './as-of-date';
import { CATALOG_COLUMNS, type ColumnSpec } from './catalog-columns';
import type { CatalogKind, CatalogRowByKind } from './catalog-types';

/**
 * Field-level validation of one catalog row, from JSON (numbers as numbers) or CSV (every cell a
 * string). Pure; the importer adds the file line. Unknown fields are reported, not dropped
 * silently, so a misspelt column is caught.
 */
export interface CatalogFieldError {
  /** The column (as in the CSV header); '' for the row or file as a whole. */
  field: string;
  /** What is wrong, without the field's name ("must be a number, got "abc""): catalog-issue-text.ts puts the plain label in front. */
  message: string;
  /** 1-based line in the imported CSV file, when the row came from one. */
  line?: number;
  /** 0-based position in an imported JSON array, when the row came from one. */
  index?: number;
}

export type CatalogRowResult<K extends CatalogKind> = { ok: true; row: CatalogRowByKind[K] } | { ok: false; errors: CatalogFieldError[] };

// Stable ids are what the CLI takes: lower-case, digits, dots, dashes, '@' and ':' (price ids).
const ID_PATTERN = /^[a-z0-9][a-z0-9.@:_-]{0,79}$/;
// Strict decimal number; rejects '', '1,5', '0x10', 'Infinity' that Number() would accept or mangle.
const NUMBER_PATTERN = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

type CellResult = { value: unknown } | { error: string };

function readCell(col: ColumnSpec, raw: unknown): CellResult {
  const blank = raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '');
  if (blank) {
    if (col.required) return { error: 'is required' };
    return { value: col.spec.type === 'number' ? null : undefined };
  }
  const spec = col.spec;
  switch (spec.type) {
    case 'number': {
      let n: number;
      if (typeof raw === 'number') n = raw;
      else if (typeof raw === 'string' && NUMBER_PATTERN.test(raw.trim())) n = Number(raw.trim());
      else return { error: `must be a number, got ${JSON.stringify(raw)}` };
      if (!Number.isFinite(n)) return { error: 'must be a finite number' };
      if (n < spec.min || (!spec.allowZero && n === 0)) return { error: spec.allowZero ? 'must not be negative' : 'must be greater than 0' };
      if (spec.max !== undefined && n > spec.max) return { error: `must be at most ${spec.max.toLocaleString('en-US')}, got ${raw}${spec.why ? `: ${spec.why}` : ''}` };
      return { value: n };
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return { value: raw };
      if (typeof raw === 'string' && /^(true|yes)$/i.test(raw.trim())) return { value: true };
      if (typeof raw === 'string' && /^(false|no)$/i.test(raw.trim())) return { value: false };
      return { error: 'must be true or false' };
    }
    case 'id': {
      if (typeof raw !== 'string' || !ID_PATTERN.test(raw.trim())) return { error: 'must be a lower-case id (letters, digits, . - _ @ :), at most 80 characters' };
      return { value: raw.trim() };
    }
    case 'enum': {
      if (typeof raw !== 'string' || !spec.values.includes(raw.trim())) return { error: `must be one of ${spec.values.join(', ')}` };
      return { value: raw.trim() };
    }
    case 'as-of': {
      if (typeof raw !== 'string' || !isValidAsOf(raw.trim())) return { error: 'must be an ISO date yyyy-mm or yyyy-mm-dd' };
      return { value: raw.trim() };
    }
    case 'text': {
      if (typeof raw !== 'string') return { error: 'must be text' };
      return { value: raw };
    }
  }
}

export function validateCatalogRow<K extends CatalogKind>(kind: K, input: unknown): CatalogRowResult<K> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ field: '', message: 'a row must be an object' }] };
  }
  const record = input as Record<string, unknown>;
  const columns = CATALOG_COLUMNS[kind];
  const errors: CatalogFieldError[] = [];
  const row: Record<string, unknown> = {};
  for (const col of columns) {
    const r = readCell(col, record[col.name]);
    if ('error' in r) errors.push({ field: col.name, message: r.error });
    else if (r.value !== undefined) row[col.name] = r.value;
  }
  const known = new Set(columns.map((c) => c.name));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) errors.push({ field: key, message: `unknown column "${key}" for ${kind}` });
  }
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, row: row as unknown as CatalogRowByKind[K] };
}
