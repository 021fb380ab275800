/**
 * Class labels (the true label, or a predicted label) into Int32Array codes with a dictionary of
 * the distinct values. Open: every new value becomes a class, up to MAX_CLASSES. Closed (the
 * classes come from the probability columns): a value with no probability column is refused at
 * the first row that holds it.
 */
import { NOT_A_NUMBER, parsedValue, scanNumberBytes } from '../parse/number-bytes';
import { CellProblem, cellText, describeValue, isMissingText, quoteCell, type RowCursor, trimBytes, trimmed } from './cell-problem';
import { GrowableInt32 } from './growable';
import { DICTIONARY_FULL, type ValueDictionary } from './value-dictionary';

/** More distinct labels than this is not a classification file (or needs a different tool). */
export const MAX_CLASSES = 10_000;

/** Values checked byte for byte before the dictionary (a label column usually has two to four). */
const PLAIN_VALUES = 4;

export interface ClosedClasses {
  /** The probability columns, in file order, for the message. */
  columns: string[];
  prefix: string;
}

export class LabelCells {
  readonly codes: GrowableInt32;
  /** The bytes of the first few values met untrimmed, and their codes. */
  private readonly plain: Uint8Array[] = [];
  private readonly plainCodes: number[] = [];
  /**
   * The code of each one-byte value among those ("0", "1", "y"), else -1: such a cell is looked up
   * by its byte, with no comparison loop whose exit (which of the values it is) is a coin toss per row.
   */
  private readonly oneByte = new Int32Array(256).fill(-1);

  constructor(
    readonly column: string,
    private readonly role: 'label' | 'predicted label',
    private readonly dictionary: ValueDictionary,
    private readonly closed: ClosedClasses | null,
    private readonly cursor: RowCursor,
    capacity: number,
  ) {
    this.codes = new GrowableInt32(capacity);
  }

  bytes(buf: Uint8Array, start: number, end: number): void {
    // Labels repeat: a cell with exactly the bytes of one of the first few values (as they stood,
    // untrimmed) gets that value's code without the dictionary lookup, which would find the same.
    const len = end - start;
    if (len === 1) {
      const code = this.oneByte[buf[start]!]!;
      if (code >= 0) {
        this.codes.push(code);
        return;
      }
    }
    const known = this.plain;
    for (let c = 0; c < known.length; c++) {
      const b = known[c]!;
      if (b.length !== len) continue;
      let k = 0;
      while (k < len && buf[start + k] === b[k]) k++;
      if (k === len) {
        this.codes.push(this.plainCodes[c]!);
        return;
      }
    }
    trimBytes(buf, start, end);
    const s = trimmed[0]!;
    const e = trimmed[1]!;
    if (s === e) throw this.missing('');
    const before = this.dictionary.size;
    const code = this.dictionary.codeOfBytes(buf, s, e, this.cursor.line);
    if (code !== DICTIONARY_FULL) {
      // Missing-value words are looked for only when a value is new (a handful of times per file).
      if (this.dictionary.size !== before && isMissingText(this.dictionary.values[code]!)) throw this.missing(this.dictionary.values[code]!);
      this.codes.push(code);
      if (s === start && e === end && s < e && this.plain.length < PLAIN_VALUES && !this.plainCodes.includes(code)) {
        this.plain.push(buf.slice(s, e));
        this.plainCodes.push(code);
        if (e - s === 1) this.oneByte[buf[s]!] = code;
      }
      return;
    }
    const text = cellText(buf, s, e);
    if (isMissingText(text)) throw this.missing(text);
    // A numeric label may be spelled differently from its probability column ("1.0" and p_1).
    if (this.closed && scanNumberBytes(buf, s, e) !== NOT_A_NUMBER) {
      const k = this.dictionary.find(String(parsedValue[0]));
      if (k !== undefined) return this.codes.push(k);
    }
    throw this.unknown(text);
  }

  value(v: unknown): void {
    let text: string;
    if (v === null || v === undefined) text = '';
    else if (typeof v === 'string') text = v.trim();
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') text = String(v);
    else throw new CellProblem(`column "${this.column}" holds ${describeValue(v)}; expected a ${this.role} (text or a number).`);
    if (isMissingText(text)) throw this.missing(text);
    let code = this.dictionary.codeOfText(text, this.cursor.line);
    if (code === DICTIONARY_FULL && this.closed && Number.isFinite(Number(text))) code = this.dictionary.find(String(Number(text))) ?? DICTIONARY_FULL;
    if (code === DICTIONARY_FULL) throw this.unknown(text);
    this.codes.push(code);
  }

  private missing(text: string): CellProblem {
    const what = text.trim() === '' ? 'is empty' : `holds ${quoteCell(text)}, a missing value`;
    return new CellProblem(`column "${this.column}" ${what}; expected a ${this.role} on every row (drop or fill these rows first).`);
  }

  private unknown(text: string): CellProblem {
    if (this.closed) {
      const list = this.closed.columns.join(', ');
      return new CellProblem(
        `column "${this.column}" holds the ${this.role} ${quoteCell(text)}, which has no probability column (expected "${this.closed.prefix}${text}"); the probability columns are ${list}.`,
      );
    }
    return new CellProblem(
      `column "${this.column}" has more than ${MAX_CLASSES.toLocaleString('en-US')} different values; a classifier's labels have few. If it holds numbers to predict, evaluate it as a regression (task regression).`,
    );
  }
}
