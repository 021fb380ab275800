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
import { hashBytes, hashNumberIn, hashString } from '../sketch/hash64';
import { nestedText } from './nested-text';
import { keptText } from './kept-text';
import { addMomentFrom, emptyMoments, mergeMoments, type MomentsState } from '../sketch/moments';
import { ReservoirSlots } from '../sketch/reservoir';
import { INTEGER_SYNTAX, NOT_A_NUMBER, parsedValue, scanNumberBytes } from '../parse/number-bytes';
import { parsedTime, scanDateTimeBytes } from '../parse/datetime-bytes';
import { isBooleanWord, isDisguisedMissing } from '../parse/cell-tokens';
import { CellKind } from './cell-kind';
import { disguisedMissingToken } from '../../../../shared/quality/missing-tokens';

/**
 * Values kept per numeric column for quantiles and histograms; exact below this count, else a
 * uniform sample (rank error of a quantile about 0.3% at the median). Larger caps cost more
 * reservoir replacements (k ln(n/k)) on big files.
 */
export const NUMERIC_SAMPLE_CAP = 1 << 15;
const MAX_DISGUISED_TOKENS = 20;

/** A hash value shared by all missing cells in row hashes. */
const MISSING_HASH_HI = 0x6d697373;
const MISSING_HASH_LO = 0x696e6721;

const utf8 = new TextDecoder('utf-8');
const textEncoder = new TextEncoder();
const TEXT_SCRATCH_BYTES = 1 << 16;
const textScratch = Buffer.alloc(TEXT_SCRATCH_BYTES);

export interface NumericPart {
  moments: MomentsState;
  sample: Float64Array;
  slots: ReservoirSlots;
}

/**
 * The sample array starts small and doubles as it fills, up to NUMERIC_SAMPLE_CAP: allocated at
 * the cap it cost 256 KB per column up front, 3 GB for a 12,000-column file of 50 rows.
 */
const INITIAL_SAMPLE = 64;

function newNumericPart(seed: number, initial = INITIAL_SAMPLE): NumericPart {
  return { moments: emptyMoments(), sample: new Float64Array(Math.min(NUMERIC_SAMPLE_CAP, initial)), slots: new ReservoirSlots(NUMERIC_SAMPLE_CAP, seed) };
}

/** Stores a sampled value at `slot`; slots below the cap arrive in order, so one doubling suffices. */
function putSample(part: NumericPart, slot: number, v: number): void {
  if (slot >= part.sample.length) {
    const bigger = new Float64Array(Math.min(NUMERIC_SAMPLE_CAP, part.sample.length * 2));
    bigger.set(part.sample);
    part.sample = bigger;
  }
  part.sample[slot] = v;
}

export class ColumnAccumulator {
  missing = 0;
  disguised = 0;
  disguisedTokens = new Map<string, number>();
  votes = { integer: 0, float: 0, boolean: 0, datetime: 0, text: 0 };
  num: NumericPart;
  time: NumericPart | null = null;
  distinct = new DistinctCounter();
  /** Lengths in characters of non-missing cells. */
  lenMin = Infinity;
  lenMax = 0;
  lenSum = 0;
  /** Non-missing text cells containing a space (free text, not an identifier). */
  textWithSpace = 0;
  /** UTF-8 bytes of text cells, for the in-memory size estimate. */
  textBytes = 0;

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
    if (kind !== NOT_A_NUMBER && Number.isFinite(parsedValue[0]!)) return this.addParsedNumber(parsedValue, kind === INTEGER_SYNTAX, end - start);
    return this.addNonNumericBytes(buf, start, end);
  }

  /** The number is in value[0]. */
  private addParsedNumber(value: Float64Array, isInteger: boolean, length: number): CellKind {
    if (isInteger) this.votes.integer++;
    else this.votes.float++;
    const part = this.num;
    addMomentFrom(part.moments, value, 0);
    const slot = part.slots.offer();
    if (slot >= 0) putSample(part, slot, value[0]!);
    hashNumberIn(value, this.cellHash);
    const newSlot = this.distinct.add(this.cellHash[0]!, this.cellHash[1]!);
    if (newSlot >= 0) this.distinct.setValue(newSlot, value[0]!);
    if (length < this.lenMin) this.lenMin = length;
    if (length > this.lenMax) this.lenMax = length;
    this.lenSum += length;
    this.last[0] = value[0]!;
    return isInteger ? CellKind.Integer : CellKind.Float;
  }

  private addNonNumericBytes(buf: Uint8Array, start: number, end: number): CellKind {
    if (isDisguisedMissing(buf, start, end)) {
      this.disguised++;
      const token = disguisedMissingToken(utf8.decode(buf.subarray(start, end))) ?? '(blank)';
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
      if (k !== NOT_A_NUMBER && Number.isFinite(parsedValue[0]!)) return this.addParsedNumber(parsedValue, k === INTEGER_SYNTAX, end - start);
    }
    let kind: CellKind;
    if (scanDateTimeBytes(buf, start, end)) {
      kind = CellKind.DateTime;
      this.votes.datetime++;
      if (this.time === null) this.time = newNumericPart(this.seed ^ 0x5a5a);
      addMomentFrom(this.time.moments, parsedTime, 0);
      const slot = this.time.slots.offer();
      if (slot >= 0) putSample(this.time, slot, parsedTime[0]!);
      this.last[0] = parsedTime[0]!;
    } else if (isBooleanWord(buf, start, end)) {
      kind = CellKind.Boolean;
      this.votes.boolean++;
    } else {
      kind = CellKind.Text;
      this.votes.text++;
    }
    let chars = end - start;
    if (kind === CellKind.DateTime) {
      // Dates are ASCII; hashing the instant is cheaper than the bytes and equally distinct.
      hashNumberIn(this.last, this.cellHash);
    } else {
      let space = false;
      for (let i = start; i < end; i++) {
        const b = buf[i]!;
        if ((b & 0xc0) === 0x80) chars--;
        else if (b === 32) space = true;
      }
      if (space && kind === CellKind.Text) this.textWithSpace++;
      hashBytes(buf, start, end, this.cellHash);
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
    for (const k of Object.keys(this.votes) as Array<keyof ColumnAccumulator['votes']>) this.votes[k] += o.votes[k];
    this.num = mergeNumericParts(this.num, o.num, this.seed);
    if (o.time !== null) this.time = this.time === null ? o.time : mergeNumericParts(this.time, o.time, this.seed ^ 0x77);
    this.distinct.merge(o.distinct);
    this.lenMin = Math.min(this.lenMin, o.lenMin);
    this.lenMax = Math.max(this.lenMax, o.lenMax);
    this.lenSum += o.lenSum;
    this.textWithSpace += o.textWithSpace;
    this.textBytes += o.textBytes;
  }

  /** Rebuild after a structured clone from a worker thread. */
  static revive(plain: ColumnAccumulator): ColumnAccumulator {
    const c = Object.setPrototypeOf(plain, ColumnAccumulator.prototype) as ColumnAccumulator;
    DistinctCounter.revive(c.distinct);
    Object.setPrototypeOf(c.num.slots, ReservoirSlots.prototype);
    if (c.time !== null) Object.setPrototypeOf(c.time.slots, ReservoirSlots.prototype);
    return c;
  }
}

/** The filled part of a numeric reservoir. */
export function sampleValues(part: NumericPart): Float64Array {
  return part.sample.subarray(0, Math.min(part.slots.seen, part.sample.length));
}

function mergeNumericParts(a: NumericPart, b: NumericPart, seed: number): NumericPart {
  const merged = mergeSampleArrays(sampleValues(a), a.slots.seen, sampleValues(b), b.slots.seen, seed);
  const out = newNumericPart(seed, merged.length);
  out.moments = mergeMoments(a.moments, b.moments);
  out.sample.set(merged);
  // The merged part is only read from now on; `seen` records the population it represents.
  out.slots.seen = a.slots.seen + b.slots.seen;
  return out;
}

function mergeSampleArrays(a: Float64Array, nA: number, b: Float64Array, nB: number, seed: number): Float64Array {
  const cap = NUMERIC_SAMPLE_CAP;
  if (nA + nB <= cap) {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  // Draw each output value from A with probability proportional to the population it stands for.
  // The inputs are shuffled first: a reservoir's slot order still leans towards file order.
  let x = (seed ^ 0x2545f491) >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  a = shuffled(a, next);
  b = shuffled(b, next);
  const out = new Float64Array(cap);
  let ia = 0;
  let ib = 0;
  let remA = nA;
  let remB = nB;
  const perA = a.length ? nA / a.length : 0;
  const perB = b.length ? nB / b.length : 0;
  for (let k = 0; k < cap; k++) {
    const u = next();
    const takeA = ib >= b.length || (ia < a.length && u * (remA + remB) < remA);
    if (takeA) {
      out[k] = a[ia++]!;
      remA = Math.max(0, remA - perA);
    } else {
      out[k] = b[ib++]!;
      remB = Math.max(0, remB - perB);
    }
  }
  return out;
}

function shuffled(values: Float64Array, next: () => number): Float64Array {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
