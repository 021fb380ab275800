/**
 * The columns that describe rows rather than the model: slices (kept both as dictionary codes and,
 * while every value is a number, as numbers, so a numeric column can be binned), the train/held-out
 * flag, and the timestamp.
 */
import { NOT_A_NUMBER, parsedValue, scanNumberBytes } from '../parse/number-bytes';
import { parsedTime, scanDateTimeBytes } from '../parse/datetime-bytes';
import { CellProblem, cellText, describeValue, isMissingText, quoteCell, type RowCursor, trimBytes, trimmed } from './cell-problem';
import { GrowableFloat64, GrowableInt32, GrowableUint8 } from './growable';
import { DICTIONARY_FULL, ValueDictionary } from './value-dictionary';

/** A slice column keeps at most this many distinct values as categories. */
export const SLICE_MAX_VALUES = 1000;
export const MISSING_SLICE_VALUE = '(missing)';

export class SliceCells {
  readonly dictionary = new ValueDictionary(SLICE_MAX_VALUES);
  readonly codes: GrowableInt32;
  /** Null once a value that is not a number (nor missing) was seen. */
  numbers: GrowableFloat64 | null;
  overflow = false;

  constructor(
    readonly column: string,
    private readonly cursor: RowCursor,
    capacity: number,
  ) {
    this.codes = new GrowableInt32(capacity);
    this.numbers = new GrowableFloat64(capacity);
  }

  bytes(buf: Uint8Array, start: number, end: number): void {
    trimBytes(buf, start, end);
    const s = trimmed[0]!;
    const e = trimmed[1]!;
    // Empty and "NA"-like values get codes of their own here; finishing folds them into "(missing)".
    const code = this.dictionary.codeOfBytes(buf, s, e, this.cursor.line);
    let x = NaN;
    if (this.numbers !== null && s < e) {
      if (scanNumberBytes(buf, s, e) !== NOT_A_NUMBER) x = parsedValue[0]!;
      else if (!isMissingText(cellText(buf, s, e))) this.numbers = null;
    }
    this.push(code, x);
  }

  value(v: unknown): void {
    if (v === null || v === undefined) return this.push(this.missingCode(), NaN);
    const text = v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v).trim();
    const code = this.dictionary.codeOfText(text, this.cursor.line);
    let x = NaN;
    if (this.numbers !== null && !isMissingText(text)) {
      if (typeof v === 'number' || typeof v === 'bigint') x = Number(v);
      else if (typeof v === 'string' && Number.isFinite(Number(text))) x = Number(text);
      else this.numbers = null;
    }
    this.push(code, x);
  }

  private missingCode(): number {
    return this.dictionary.codeOfText(MISSING_SLICE_VALUE, this.cursor.line);
  }

  private push(code: number, x: number): void {
    if (code === DICTIONARY_FULL) this.overflow = true;
    this.codes.push(code);
    this.numbers?.push(x);
  }
}

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', 't', 'train', 'training', 'in', 'member']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', 'f', 'test', 'holdout', 'held-out', 'heldout', 'held_out', 'out', 'valid', 'validation', 'non-member']);

/** The training-set flag: 1 for rows the model was trained on, 0 for held-out rows. */
export class FlagCells {
  readonly flags: GrowableUint8;

  constructor(
    readonly column: string,
    capacity: number,
  ) {
    this.flags = new GrowableUint8(capacity);
  }

  bytes(buf: Uint8Array, start: number, end: number): void {
    trimBytes(buf, start, end);
    const s = trimmed[0]!;
    const e = trimmed[1]!;
    // The usual spellings, 1 and 0, without decoding.
    if (e - s === 1 && (buf[s] === 49 || buf[s] === 48)) return this.flags.push(buf[s] === 49 ? 1 : 0);
    this.word(cellText(buf, s, e));
  }

  value(v: unknown): void {
    if (typeof v === 'boolean') return this.flags.push(v ? 1 : 0);
    if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string') return this.word(String(v).trim());
    throw new CellProblem(`column "${this.column}" holds ${describeValue(v)}; expected 1 for training rows and 0 for held-out rows.`);
  }

  private word(text: string): void {
    const t = text.toLowerCase();
    if (TRUE_WORDS.has(t)) return this.flags.push(1);
    if (FALSE_WORDS.has(t)) return this.flags.push(0);
    const what = t === '' ? 'is empty' : `holds ${quoteCell(text)}`;
    throw new CellProblem(`column "${this.column}" ${what}; expected 1 (or true, train) for training rows and 0 (or false, test) for held-out rows.`);
  }
}

/** Timestamps as epoch milliseconds (NaN where a cell is not a date). */
export class TimeCells {
  readonly times: GrowableFloat64;

  constructor(
    readonly column: string,
    capacity: number,
  ) {
    this.times = new GrowableFloat64(capacity);
  }

  bytes(buf: Uint8Array, start: number, end: number): void {
    trimBytes(buf, start, end);
    this.times.push(scanDateTimeBytes(buf, trimmed[0]!, trimmed[1]!) ? parsedTime[0]! : NaN);
  }

  value(v: unknown): void {
    if (v instanceof Date) return this.times.push(v.getTime());
    if (typeof v === 'string') {
      const t = Date.parse(v.trim());
      return this.times.push(Number.isFinite(t) ? t : NaN);
    }
    this.times.push(NaN);
  }
}
