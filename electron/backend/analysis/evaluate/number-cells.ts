/**
 * Numeric columns of a predictions file (scores, probabilities, weights, regression targets and
 * predictions) into a Float64Array, parsed straight from bytes. Every cell must hold a finite
 * number in the column's range; the first that does not is a CellProblem naming the column.
 */
import { decimalParts, longDecimalValue } from '../parse/long-decimal';
import { NOT_A_NUMBER, parsedValue, scanNumberBytes } from '../parse/number-bytes';
import { CellProblem, cellText, describeValue, isMissingText, quoteCell, type RowCursor, trimBytes, trimmed } from './cell-problem';
import { type GrowableFloat64 } from './growable';

export type NumberRole = 'score' | 'raw-score' | 'probability' | 'weight' | 'target' | 'prediction';

const EXPECTED: Record<NumberRole, string> = {
  score: 'a probability between 0 and 1',
  'raw-score': 'a number (the model score)',
  probability: 'a probability between 0 and 1',
  weight: 'a weight: a number of 0 or more',
  target: 'a number (the true value)',
  prediction: 'a number (the predicted value)',
};

/** Exact powers of ten up to 1e22 (Clinger's fast path divides by them). */
const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Where lane() leaves its value (a double returned from a call V8 does not inline is boxed). */
const laneValue = new Float64Array(1);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export interface NumberSink {
  /** Row-major matrices write at row * stride + offset; plain columns use stride 1, offset 0. */
  out: GrowableFloat64;
  stride: number;
  offset: number;
}

export class NumberCells {
  readonly out: GrowableFloat64;
  private readonly stride: number;
  private readonly offset: number;
  private readonly unit: boolean;
  /** The range a value needs to be stored by the fast lane without further checks. */
  private readonly low: number;
  private readonly high: number;
  /** A little-endian view of the last buffer read, for four digits in one load. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(8));
  private viewOf: Uint8Array | null = null;

  constructor(
    readonly column: string,
    private readonly role: NumberRole,
    private readonly cursor: RowCursor,
    sink: NumberSink,
  ) {
    this.out = sink.out;
    this.stride = sink.stride;
    this.offset = sink.offset;
    this.unit = role === 'score' || role === 'probability';
    this.low = this.unit || role === 'weight' ? 0 : -Infinity;
    this.high = this.unit ? 1 : Infinity;
  }

  /**
   * The fast lane for the common cell, a plain decimal ("0.237300", "-12", "0.2372998922946863"),
   * read from `start` up to the first byte that cannot continue it (never at or past `limit`), in
   * one pass: the first 15 significant digits into `a` (exact), any more into `b`. Up to 15 it is
   * the same Clinger fast path as scanNumberBytes (an exact mantissa divided by an exact power of
   * ten is correctly rounded, so it equals Number(text)); up to 19 (every digit of a double, as
   * pandas writes them) the correctly rounded long-decimal parse. Returns where it stopped, with
   * the value in laneValue[0], or -1 when it has no value for what it read (no digits, too many,
   * an exponent: the general path's work).
   */
  private lane(buf: Uint8Array, start: number, limit: number): number {
    let i = start;
    const negative = i < limit && buf[i] === 45;
    if (negative) i++;
    const intStart = i;
    let a = 0;
    let b = 0;
    let rest = 0;
    let d: number;
    while (i < limit && (d = buf[i]! - 48) >>> 0 < 10) {
      if (a < 1e14) a = a * 10 + d;
      else {
        b = b * 10 + d;
        rest++;
      }
      i++;
    }
    let digits = i - intStart;
    let fraction = 0;
    if (i < limit && buf[i] === 46) {
      const fractionStart = ++i;
      // Four digits at a time while all four go to `a` (it stays under 10^15, so it gets exactly
      // the digits the loop below would give it) or all four to `b`: the digit-by-digit loop is
      // one long chain of dependent multiply-adds, which four at a time cuts to a quarter.
      if (buf !== this.viewOf) {
        this.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
        this.viewOf = buf;
      }
      const view = this.view;
      while (i + 4 <= limit) {
        const w = view.getUint32(i, true);
        if (((w & 0xf0f0f0f0) | (((w + 0x06060606) & 0xf0f0f0f0) >>> 4)) !== 0x33333333) break;
        let q = w - 0x30303030;
        q = (q * 10 + (q >>> 8)) & 0x00ff00ff;
        const v = (q & 0xff) * 100 + (q >>> 16);
        if (a < 1e14) {
          const x = a * 1e4 + v;
          if (x >= 1e15) break;
          a = x;
        } else {
          b = b * 1e4 + v;
          rest += 4;
        }
        i += 4;
      }
      while (i < limit && (d = buf[i]! - 48) >>> 0 < 10) {
        if (a < 1e14) a = a * 10 + d;
        else {
          b = b * 10 + d;
          rest++;
        }
        i++;
      }
      fraction = i - fractionStart;
      digits += fraction;
    }
    if (digits === 0 || !(rest === 0 ? fraction <= 22 : decimalParts(a, b, rest, -fraction))) return -1;
    const x = rest === 0 ? a / POW10[fraction]! : longDecimalValue[0]!;
    laneValue[0] = negative ? -x : x;
    return i;
  }

  bytes(buf: Uint8Array, start: number, end: number): void {
    if (this.lane(buf, start, end) === end) {
      const v = laneValue[0]!;
      // Stored here when nothing is wrong with it: a double passed to a call V8 does not inline
      // is boxed, one heap allocation per cell (store() is for the rest and says what is wrong).
      const out = this.out;
      if (this.stride === 1 && v >= this.low && v <= this.high && out.length < out.data.length) out.data[out.length++] = v;
      else this.store(v);
      return;
    }
    trimBytes(buf, start, end);
    const s = trimmed[0]!;
    const e = trimmed[1]!;
    if (scanNumberBytes(buf, s, e) === NOT_A_NUMBER) throw this.notANumber(cellText(buf, start, end));
    this.store(parsedValue[0]!);
  }

  /**
   * The plain-row reader's way in (prediction-rows.ts): the cell that starts at `start` is read
   * while the row is split, instead of being found first and read after. When the lane's number
   * ends the field (the byte after it has `stops[byte] === 1`) and fits the column, it is stored
   * as bytes() would store it and its end returned; otherwise nothing is stored and -1 returned
   * (the caller finds the field's end and calls bytes(), which says what is wrong).
   */
  scanPlain(buf: Uint8Array, start: number, stops: Uint8Array): number {
    const stop = this.lane(buf, start, buf.length);
    if (stop < 0 || stop >= buf.length || stops[buf[stop]!] !== 1) return -1;
    const v = laneValue[0]!;
    const out = this.out;
    if (!(this.stride === 1 && v >= this.low && v <= this.high && out.length < out.data.length)) return -1;
    out.data[out.length++] = v;
    return stop;
  }

  /** Takes back the value scanPlain stored last (its row turned out not to be plain). */
  unscan(): void {
    this.out.length--;
  }

  value(v: unknown): void {
    if (typeof v === 'number') return this.store(v);
    if (typeof v === 'bigint') return this.store(Number(v));
    if (typeof v === 'string' && DECIMAL.test(v.trim())) return this.store(Number(v.trim()));
    throw this.notANumber(v);
  }

  private store(v: number): void {
    if (!Number.isFinite(v)) throw new CellProblem(`column "${this.column}" holds ${v}; expected ${EXPECTED[this.role]}.`);
    if (this.unit && !(v >= 0 && v <= 1)) {
      const hint = this.role === 'score' ? ' If these are raw scores rather than probabilities, mark them as raw scores (--raw-scores).' : '';
      throw new CellProblem(`column "${this.column}" holds ${v}, outside [0, 1]; expected ${EXPECTED[this.role]}.${hint}`);
    }
    if (this.role === 'weight' && v < 0) throw new CellProblem(`column "${this.column}" holds ${v}; expected ${EXPECTED.weight}.`);
    const out = this.out;
    if (this.stride === 1) out.push(v);
    else {
      const at = this.cursor.row * this.stride + this.offset;
      out.reserve(at + 1);
      out.data[at] = v;
      if (at >= out.length) out.length = at + 1;
    }
  }

  private notANumber(raw: unknown): CellProblem {
    const text = typeof raw === 'string' ? raw : undefined;
    if (raw === null || raw === undefined || (text !== undefined && isMissingText(text))) {
      const what = text === undefined || text.trim() === '' ? 'is empty' : `holds ${quoteCell(text)}, a missing value`;
      return new CellProblem(`column "${this.column}" ${what}; expected ${EXPECTED[this.role]} on every row.`);
    }
    return new CellProblem(`column "${this.column}" holds ${text !== undefined ? quoteCell(text) : describeValue(raw)}, which is not a number; expected ${EXPECTED[this.role]}.`);
  }
}
