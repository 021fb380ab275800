/**
 * Everything the engine learns about one column in one streaming pass, with memory bounded
 * whatever the row count. Cells arrive as UTF-8 byte ranges (CSV, the hot path: numbers are parsed
 * from bytes, no string per cell) or as JS values (JSON, Parquet), which are routed through the
 * same classification. Each call leaves the cell's 64-bit hash in `cellHash` and its numeric value
 * (number, or epoch ms for a date) in `last[0]` for the row loop. Doubles travel through typed
 * arrays on this path, never through arguments or return values (see number-bytes.ts).
 *
 * Invariant: count + missing + disguised === cells added, where count = sum(votes).
 */
import { DistinctCounter } from '../sketch/distinct-counter';
import { hashNumberIn, hashString, hashTextBytes } from '../sketch/hash64';
import { nestedText } from './nested-text';
import { keptText } from './kept-text';
import { ReservoirSlots } from '../sketch/reservoir';
import { addQueued, addToPart, mergeNumericParts, newNumericPart, type NumericPart } from './numeric-part';
import { TimeRole } from './time-role';
import { codeSyntax, INTEGER_SYNTAX, NOT_A_NUMBER, parsedValue, scanNumberBytes } from '../parse/number-bytes';
import { parsedTime, scanDateTimeBytes } from '../parse/datetime-bytes';
import { isBooleanWord, isDisguisedMissing } from '../parse/cell-tokens';
import { CellKind } from './cell-kind';
import { CATEGORY_WORD_TOKENS, disguisedMissingToken } from '../../../../shared/quality/missing-tokens';

export { NUMERIC_SAMPLE_CAP } from './numeric-part';

const MAX_DISGUISED_TOKENS = 20;
/** Spellings kept of placeholder words that may be categories ("None", "NONE", "nil"). */
const MAX_WORD_SPELLINGS = 8;

/** A hash value shared by all missing cells in row hashes. */
const MISSING_HASH_HI = 0x6d697373;
const MISSING_HASH_LO = 0x696e6721;

const utf8 = new TextDecoder('utf-8');
const textEncoder = new TextEncoder();
const TEXT_SCRATCH_BYTES = 1 << 16;
const textScratch = Buffer.alloc(TEXT_SCRATCH_BYTES);

export class ColumnAccumulator {
  missing = 0;
  disguised = 0;
  disguisedTokens = new Map<string, number>();
  /**
   * Cells of placeholder words that can be real answers ("None"), by exact spelling: the column
   * decides at the end whether they are missing or a category (placeholderIsCategory).
   */
  wordSpellings = new Map<string, number>();
  votes = { integer: 0, float: 0, boolean: 0, datetime: 0, text: 0 };
  num: NumericPart;
  time: NumericPart | null = null;
  /** Set on the --time column: its cells are read as times in every common form (time-role.ts). */
  timeRole: TimeRole | null = null;
  distinct = new DistinctCounter();
  /** Lengths in characters of non-missing cells. */
  lenMin = Infinity;
  lenMax = 0;
  lenSum = 0;
  /** Non-missing text cells containing a space (free text, not an identifier). */
  textWithSpace = 0;
  /** UTF-8 bytes of text cells, for the in-memory size estimate. */
  textBytes = 0;
  /** Cells written as codes ("00501", "0E8"): kept and counted as text (see codeSyntax). */
  codes = 0;

  /** Outputs of the last add call (hot path: no allocation). */
  readonly cellHash = new Uint32Array(2);
  readonly last = new Float64Array(1);
  /** The column's name hashed: the key its cells are added to a row hash under. */
  readonly nameHash = new Uint32Array(2);

  constructor(
    readonly name: string,
    readonly seed: number,
  ) {
    this.num = newNumericPart(seed);
    hashString(name, this.nameHash);
  }

  /** Make this the --time column; `notAfter` (epoch ms) counts rows not after the reference's last time. */
  markTime(notAfter: number): void {
    this.timeRole = new TimeRole(notAfter);
  }

  addMissing(): CellKind {
    this.missing++;
    this.cellHash[0] = MISSING_HASH_HI;
    this.cellHash[1] = MISSING_HASH_LO;
    return CellKind.Missing;
  }

  /** Add the cell held in bytes [start, end) of `buf` (UTF-8, quotes already removed). */
  addBytes(buf: Uint8Array, start: number, end: number): CellKind {
    if (start === end) return this.addMissing();
    const kind = scanNumberBytes(buf, start, end);
    // A number too large for a double ("1e400" reads as Infinity) stays text: it is flagged as a
    // mixed-type cell instead of turning the column's min, max and mean into Infinity and NaN.
    if (kind !== NOT_A_NUMBER && Number.isFinite(parsedValue[0]!)) {
      if (codeSyntax[0] === 0) return this.addParsedNumber(parsedValue, kind === INTEGER_SYNTAX, end - start);
      this.codes++;
    }
    return this.addNonNumericBytes(buf, start, end);
  }

  /** The number is in value[0] (public for the WebAssembly lane's row loop, which parsed it). */
  addParsedNumber(value: Float64Array, isInteger: boolean, length: number): CellKind {
    if (this.timeRole !== null && this.timeRole.readNumber(value[0]!, this.last, () => String(value[0]))) return this.addNumberAsTime(value, length);
    if (isInteger) this.votes.integer++;
    else this.votes.float++;
    addQueued(this.num, value);
    hashNumberIn(value, this.cellHash);
    this.distinct.addNumber(this.cellHash[0]!, this.cellHash[1]!, value);
    if (length < this.lenMin) this.lenMin = length;
    if (length > this.lenMax) this.lenMax = length;
    this.lenSum += length;
    this.last[0] = value[0]!;
    return isInteger ? CellKind.Integer : CellKind.Float;
  }

  /** A number in the --time column (epoch seconds, YYYYMMDD ...), its instant already in last[0]. */
  private addNumberAsTime(value: Float64Array, length: number): CellKind {
    this.votes.datetime++;
    if (this.time === null) this.time = newNumericPart(this.seed ^ 0x5a5a);
    addToPart(this.time, this.last, 0);
    this.timeRole!.sawTime(this.last);
    // Hashed as the number it is written as, so the same cell hashes alike in every file.
    hashNumberIn(value, this.cellHash);
    this.distinct.addNumber(this.cellHash[0]!, this.cellHash[1]!, value);
    if (length < this.lenMin) this.lenMin = length;
    if (length > this.lenMax) this.lenMax = length;
    this.lenSum += length;
    return CellKind.DateTime;
  }

  /** A non-ISO text cell of the --time column: true when it reads as a time (instant in last[0]). */
  private addLooseTime(buf: Uint8Array, start: number, end: number): boolean {
    if (this.time === null) this.time = newNumericPart(this.seed ^ 0x5a5a);
    const role = this.timeRole!;
    const ok = role.readText(utf8.decode(buf.subarray(start, end)), this.time, this.last);
    if (role.swapIn !== null) {
      this.time = role.swapIn;
      role.swapIn = null;
    }
    if (ok) this.votes.datetime++;
    return ok;
  }

  /** A non-empty cell that scanNumberBytes rejects (public for the WebAssembly lane's row loop). */
  addNonNumericBytes(buf: Uint8Array, start: number, end: number): CellKind {
    if (isDisguisedMissing(buf, start, end)) {
      this.disguised++;
      const raw = utf8.decode(buf.subarray(start, end));
      const token = disguisedMissingToken(raw) ?? '(blank)';
      if (CATEGORY_WORD_TOKENS.has(token)) {
        const n = this.wordSpellings.get(raw);
        if (n !== undefined) this.wordSpellings.set(raw, n + 1);
        else if (this.wordSpellings.size < MAX_WORD_SPELLINGS) this.wordSpellings.set(raw, 1);
      }
      const seen = this.disguisedTokens.get(token);
      if (seen !== undefined) this.disguisedTokens.set(token, seen + 1);
      else if (this.disguisedTokens.size < MAX_DISGUISED_TOKENS) this.disguisedTokens.set(token, 1);
      this.cellHash[0] = MISSING_HASH_HI;
      this.cellHash[1] = MISSING_HASH_LO;
      return CellKind.Disguised;
    }
    // Untrimmed numbers (" 42 ") count as numbers, as pandas reads them.
    if (buf[start] === 32 || buf[end - 1] === 32) {
      let s = start;
      let e = end;
      while (s < e && buf[s] === 32) s++;
      while (e > s && buf[e - 1] === 32) e--;
      const k = scanNumberBytes(buf, s, e);
      if (k !== NOT_A_NUMBER && Number.isFinite(parsedValue[0]!)) {
        if (codeSyntax[0] === 0) return this.addParsedNumber(parsedValue, k === INTEGER_SYNTAX, end - start);
        this.codes++;
      }
    }
    let kind: CellKind;
    let byBytes = false;
    if (scanDateTimeBytes(buf, start, end)) {
      kind = CellKind.DateTime;
      this.votes.datetime++;
      if (this.time === null) this.time = newNumericPart(this.seed ^ 0x5a5a);
      // The --time column's part is also read and swapped cell by cell (time-role.ts): no queue.
      if (this.timeRole === null) addQueued(this.time, parsedTime);
      else addToPart(this.time, parsedTime, 0);
      this.last[0] = parsedTime[0]!;
      if (this.timeRole !== null) this.timeRole.sawTime(this.last);
    } else if (this.timeRole !== null && this.addLooseTime(buf, start, end)) {
      // Hashed by its text: "01/02/2000" is one cell whichever way the column's order turns out.
      kind = CellKind.DateTime;
      byBytes = true;
    } else if (isBooleanWord(buf, start, end)) {
      kind = CellKind.Boolean;
      this.votes.boolean++;
    } else {
      kind = CellKind.Text;
      this.votes.text++;
    }
    let chars = end - start;
    if (kind === CellKind.DateTime && !byBytes) {
      // Dates are ASCII; hashing the instant is cheaper than the bytes and equally distinct.
      hashNumberIn(this.last, this.cellHash);
    } else {
      const measured = hashTextBytes(buf, start, end, this.cellHash);
      const space = measured % 2;
      chars = (measured - space) / 2;
      if (space === 1 && kind === CellKind.Text) this.textWithSpace++;
    }
    this.textBytes += end - start;
    if (chars < this.lenMin) this.lenMin = chars;
    if (chars > this.lenMax) this.lenMax = chars;
    this.lenSum += chars;
    const newSlot = this.distinct.add(this.cellHash[0]!, this.cellHash[1]!);
    if (newSlot >= 0) this.distinct.setValue(newSlot, keptText(buf, start, end));
    return kind;
  }

  /** Add a value that arrived as a JS value (JSON Lines, JSON arrays, Parquet). */
  addValue(v: unknown): CellKind {
    if (v === null || v === undefined) return this.addMissing();
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return this.addText(String(v));
      this.last[0] = v;
      return this.addParsedNumber(this.last, Number.isInteger(v), String(v).length);
    }
    if (typeof v === 'bigint') {
      this.last[0] = Number(v);
      return this.addParsedNumber(this.last, true, String(v).length);
    }
    if (typeof v === 'boolean') return this.addText(v ? 'true' : 'false');
    if (v instanceof Date) return this.addText(v.toISOString());
    if (typeof v === 'string') return this.addText(v);
    if (v instanceof Uint8Array) return this.addText(Buffer.from(v).toString('base64'));
    return this.addText(nestedText(v as object));
  }

  private addText(s: string): CellKind {
    if (s === '') {
      // An empty JSON/Parquet string is text that stands for nothing: disguised, not null.
      this.disguised++;
      this.disguisedTokens.set('(empty)', (this.disguisedTokens.get('(empty)') ?? 0) + 1);
      this.cellHash[0] = MISSING_HASH_HI;
      this.cellHash[1] = MISSING_HASH_LO;
      return CellKind.Disguised;
    }
    // Up to 3 bytes per UTF-16 unit: most cells are written into one reused buffer (a new array
    // per text cell was a Parquet or JSON read's largest source of garbage); a huge one gets its own.
    if (s.length * 3 > TEXT_SCRATCH_BYTES) {
      const bytes = textEncoder.encode(s);
      return this.addBytes(bytes, 0, bytes.length);
    }
    return this.addBytes(textScratch, 0, textScratch.write(s, 0));
  }

  /** Cells with a value (neither missing nor disguised). */
  get count(): number {
    const v = this.votes;
    return v.integer + v.float + v.boolean + v.datetime + v.text;
  }

  /** Fold in the same column's accumulator from another part of the file. */
  merge(o: ColumnAccumulator): void {
    this.missing += o.missing;
    this.disguised += o.disguised;
    for (const [k, n] of o.disguisedTokens) {
      const seen = this.disguisedTokens.get(k);
      if (seen !== undefined) this.disguisedTokens.set(k, seen + n);
      else if (this.disguisedTokens.size < MAX_DISGUISED_TOKENS) this.disguisedTokens.set(k, n);
    }
    for (const [k, n] of o.wordSpellings) {
      const seen = this.wordSpellings.get(k);
      if (seen !== undefined) this.wordSpellings.set(k, seen + n);
      else if (this.wordSpellings.size < MAX_WORD_SPELLINGS) this.wordSpellings.set(k, n);
    }
    for (const k of Object.keys(this.votes) as Array<keyof ColumnAccumulator['votes']>) this.votes[k] += o.votes[k];
    this.num = mergeNumericParts(this.num, o.num, this.seed);
    if (this.timeRole !== null && o.timeRole !== null) this.time = this.timeRole.merge(o.timeRole, this.time, o.time, this.seed ^ 0x77);
    else if (o.time !== null) this.time = this.time === null ? o.time : mergeNumericParts(this.time, o.time, this.seed ^ 0x77);
    this.distinct.merge(o.distinct);
    this.lenMin = Math.min(this.lenMin, o.lenMin);
    this.lenMax = Math.max(this.lenMax, o.lenMax);
    this.lenSum += o.lenSum;
    this.textWithSpace += o.textWithSpace;
    this.textBytes += o.textBytes;
    this.codes += o.codes;
  }

  /** Rebuild after a structured clone from a worker thread. */
  static revive(plain: ColumnAccumulator): ColumnAccumulator {
    const c = Object.setPrototypeOf(plain, ColumnAccumulator.prototype) as ColumnAccumulator;
    DistinctCounter.revive(c.distinct);
    ReservoirSlots.revive(c.num.slots);
    if (c.time !== null) ReservoirSlots.revive(c.time.slots);
    if (c.timeRole !== null) {
      Object.setPrototypeOf(c.timeRole, TimeRole.prototype);
      if (c.timeRole.alt !== null) ReservoirSlots.revive(c.timeRole.alt.slots);
    }
    return c;
  }
}

