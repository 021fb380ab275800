import { fieldLabel, plainIssue } from '../domain/field-labels';
import { CATALOG_COLUMNS } from './catalog-columns';

/**
 * Catalog problems in plain words. A row's fields are named by their plain label
 * (shared/domain/field-labels.ts), never by the column name alone: "Price per GPU-hour: must be
 * greater than 0". An import also names where the problem sits and, in brackets, the header the
 * person typed in their file, so they can find it: "Line 3, Price per GPU-hour (usdPerGpuHour
 * column): must be a number".
 */
const COLUMN_NAMES: ReadonlySet<string> = new Set(Object.values(CATALOG_COLUMNS).flatMap((cols) => cols.map((c) => c.name)));

/** One field of a row, for the box it belongs to or a single edit: "Price per GPU-hour: must be ...". */
export function catalogFieldText(field: string, rule: string): string {
  return plainIssue(field, rule);
}

// An import issue's path: "line 3.usdPerGpuHour", "hardware[2].memoryGb", "row[0].id", "file", "file.gpus".
const IMPORT_PATH = /^(line (\d+)|([\w-]*)\[(\d+)\]|file)(?:\.(.+))?$/;

function placeText(m: RegExpExecArray): string {
  if (m[2] !== undefined) return `Line ${m[2]}`;
  if (m[4] !== undefined) {
    const kind = m[3] ?? '';
    const row = `row ${Number(m[4]) + 1}`;
    return kind && kind !== 'row' ? `${kind} ${row}` : `Row ${Number(m[4]) + 1}`;
  }
  return 'File';
}

/**
 * One import problem as a person reads it. A known column leads with its plain label and keeps
 * its header in brackets; a message that already quotes the column ("unknown column "gpus"",
 * "missing column "asOf"") stands alone after the place.
 */
export function catalogIssueText(path: string, rule: string): string {
  const m = IMPORT_PATH.exec(path);
  if (!m) return path ? `${path}: ${rule}` : rule;
  const place = placeText(m);
  const field = m[5];
  if (!field || rule.includes(`"${field}"`)) return `${place}: ${rule}`;
  if (!COLUMN_NAMES.has(field)) return `${place}, ${field}: ${rule}`;
  const header = m[2] !== undefined ? 'column' : 'field';
  return `${place}, ${fieldLabel(field)} (${field} ${header}): ${rule}`;
}
