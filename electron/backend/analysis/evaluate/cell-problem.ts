/**
 * How a column reader refuses one cell. It knows the column and what was wrong; the reading loop
 * knows the file, line and character column, and turns this into a PARSE_ERROR naming all four.
 */
import { DISGUISED_MISSING_TOKENS } from '../../../../shared/quality/missing-tokens';

export class CellProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CellProblem';
  }
}

/** Where the reading loop is: the 0-based data row being filled and its line in the file. */
export interface RowCursor {
  row: number;
  line: number;
}

const utf8 = new TextDecoder('utf-8');
const MISSING = new Set(DISGUISED_MISSING_TOKENS);

/** A cell's text for a message: quoted, cut at 40 characters. */
export function quoteCell(text: string): string {
  const t = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  return JSON.stringify(t);
}

export function cellText(buf: Uint8Array, start: number, end: number): string {
  return utf8.decode(buf.subarray(start, end));
}

/** True for text that means "no value" (empty, blank, NA, null, nan ...), compared trimmed and lower-cased. */
export function isMissingText(text: string): boolean {
  const t = text.trim().toLowerCase();
  return t === '' || MISSING.has(t);
}

/** First and last non-blank byte of a cell: [start, end) with spaces and tabs cut. */
export const trimmed = new Int32Array(2);
export function trimBytes(buf: Uint8Array, start: number, end: number): void {
  let s = start;
  let e = end;
  while (s < e && (buf[s] === 32 || buf[s] === 9)) s++;
  while (e > s && (buf[e - 1] === 32 || buf[e - 1] === 9)) e--;
  trimmed[0] = s;
  trimmed[1] = e;
}

/** What a value from a JSON or Parquet record is, for messages. */
export function describeValue(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (typeof v === 'string') return quoteCell(v);
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (Array.isArray(v)) return 'a list';
  if (v instanceof Date) return v.toISOString();
  return 'an object';
}
