/**
 * One pass over the rows of one file (or one byte range of it): feeds every column accumulator,
 * builds the 64-bit row hash of each row (duplicates, train/test overlap), a reservoir sample of
 * whole rows, and the optional per-row facts for a target (conflicting labels), an id column
 * (group leakage) and a time column (date leakage). Accumulators from worker threads merge.
 */
import { add64Into, finishRowHash, keyedTerm } from '../sketch/hash64';
import { HashList, WordList } from '../sketch/hash-list';
import { mergeSamples, ReservoirSlots } from '../sketch/reservoir';
import { SeededRandom } from '../sketch/seeded-random';
import type { ParsedRowSink } from '../read/wasm-rows';
import { FLOAT_SYNTAX, INTEGER_SYNTAX, parsedValue, TEXT_SYNTAX } from '../parse/number-bytes';
import { CellKind } from './cell-kind';
import { ColumnAccumulator } from './column-accumulator';
import { nestedText } from './nested-text';
import { keptString } from './kept-text';
import { type RawRow, sampleCsvRow, type SampledRow } from './sampled-row';

export { type PackedRow, type RawRow, type SampledRow, unpackRow } from './sampled-row';

export const ROW_SAMPLE_CAP = 10_000;
/**
 * The joint row sample holds at most this many cells: 10,000 rows up to 200 columns, fewer rows
 * for wider files (never under 500), so a 12,000-column file does not keep 120 million strings.
 */
export const ROW_SAMPLE_CELLS = 2_000_000;

export function rowSampleCap(columns: number): number {
  return Math.max(500, Math.min(ROW_SAMPLE_CAP, Math.floor(ROW_SAMPLE_CELLS / Math.max(1, columns))));
}

export interface DatasetRoles {
  target?: string;
  id?: string;
  time?: string;
  /** Count rows whose time column is at or before this epoch-ms instant (date leakage). */
  timeNotAfter?: number;
}

/** The label word of a row whose target cell is missing (any fixed value works: it is one class). */
const MISSING_LABEL = 0x6e756c6c;

const NO_VALUES = new Float64Array(0);

function grown(a: Uint8Array, length: number): Uint8Array {
  if (a.length >= length) return a;
  const b = new Uint8Array(Math.max(length, a.length * 2));
  b.set(a);
  return b;
}

export class DatasetAccumulator implements ParsedRowSink {
  rows = 0;
  columns: ColumnAccumulator[];
  rowHashes: HashList;
  rowSample: SampledRow[] = [];
  rowSlots: ReservoirSlots;
  /** With a target: hash of all other columns per row, and the target cell's hash. */
  featureHashes: HashList | null = null;
  /**
   * A sorted copy of featureHashes (the list itself keeps row order, to pair with labels), made
   * by sortFeatureCopy on the thread that built the list, so those sorts run in parallel too.
   */
  featureHashesSorted: BigUint64Array | null = null;
  /** 32 bits of the target cell's hash per row (see WordList). */
  labelHashes: WordList | null = null;
  idHashes: HashList | null = null;
  private targetIdx: number;
  private idIdx: number;
  private timeIdx: number;
  private readonly roles: DatasetRoles;
  private kinds: Uint8Array;
  /** 1 for the target, id and time columns: they describe a row, they are not its inputs. */
  private isRole: Uint8Array;
  /** Record formats: cells given per column (a key absent from a record is a missing cell). */
  private given: Uint32Array;
  private readonly rowHash = new Uint32Array(2);
  private readonly featureHash = new Uint32Array(2);
  private readonly term = new Uint32Array(2);
  /** Syntax of row()'s cells: all NOT_A_NUMBER (parsed from the bytes). */
  private noSyntax = new Uint8Array(64);

  constructor(
    readonly names: string[],
    roles: DatasetRoles,
    seed: number,
    /** Rows expected (a guess from the byte size): sizes the per-row hash lists once. */
    expectedRows = 0,
  ) {
    const capacity = Math.max(1 << 12, Math.ceil(expectedRows));
    this.rowHashes = new HashList(capacity);
    this.columns = names.map((n, i) => new ColumnAccumulator(n, (seed + Math.imul(i + 1, 0x9e3779b1)) >>> 0));
    this.rowSlots = new ReservoirSlots(rowSampleCap(names.length), seed ^ 0x1234567);
    this.kinds = new Uint8Array(names.length);
    this.isRole = new Uint8Array(names.length);
    this.given = new Uint32Array(names.length);
    this.roles = roles;
    this.targetIdx = -1;
    this.idIdx = -1;
    this.timeIdx = -1;
    names.forEach((n, i) => this.noteRole(n, i));
    // Lists follow the roles asked for, not the columns found: a JSON key may first appear on a
    // later row, and the rows before it still need their entries (with the role cell missing).
    if (roles.target) {
      this.featureHashes = new HashList(capacity);
      this.labelHashes = new WordList(capacity);
    }
    if (roles.id) this.idHashes = new HashList(capacity);
  }

  private noteRole(name: string, i: number): void {
    const r = this.roles;
    if (name === r.target) this.targetIdx = i;
    if (name === r.id) this.idIdx = i;
    if (name === r.time) {
      this.timeIdx = i;
      this.columns[i]!.markTime(r.timeNotAfter ?? NaN);
    }
    if (name === r.target || name === r.id || name === r.time) this.isRole[i] = 1;
  }

  /**
   * CSV rows: fields as byte ranges. The row and feature sums are keyedTerm and add64Into written
   * out over local words (the same bits as record()'s path): through the typed arrays, every cell
   * stored and reloaded four words around the column's call, a visible share of the row loop.
   */
  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number): void {
    if (this.noSyntax.length < n) this.noSyntax = new Uint8Array(n);
    this.parsedRow(buf, starts, ends, this.noSyntax, NO_VALUES, 0, n);
  }

  /** CSV rows from the WebAssembly lane (ParsedRowSink): cells [at, at + n) of the arrays. */
  parsedRow(buf: Uint8Array, starts: Int32Array, ends: Int32Array, syntax: Uint8Array, values: Float64Array, at: number, n: number): void {
    const cols = this.columns;
    const kinds = this.kinds;
    const features = this.featureHashes !== null;
    const isRole = this.isRole;
    let rowHi = 0;
    let rowLo = 0;
    let featureHi = 0;
    let featureLo = 0;
    for (let c = 0; c < n; c++) {
      const col = cols[c]!;
      const i = at + c;
      const s = syntax[i]!;
      let kind: CellKind;
      // What addBytes would do, less what the kernel settled: the number parse, or the finding
      // that the bytes are no number.
      if (s === INTEGER_SYNTAX || s === FLOAT_SYNTAX) {
        parsedValue[0] = values[i]!;
        kind = col.addParsedNumber(parsedValue, s === INTEGER_SYNTAX, ends[i]! - starts[i]!);
      } else if (s === TEXT_SYNTAX) kind = col.addNonNumericBytes(buf, starts[i]!, ends[i]!);
      else if (starts[i] === ends[i]) kind = col.addMissing();
      // Rare (a '+', an exponent, 16+ digits, a code): a call site this cold is not inlined, which
      // leaves V8's inlining budget to the number path above.
      else kind = col.addBytes(buf, starts[i]!, ends[i]!);
      kinds[c] = kind;
      if (kind > CellKind.Disguised) {
        const cell = col.cellHash;
        const key = col.nameHash;
        let hi = Math.imul(cell[0]! ^ key[0]!, 0x85ebca6b);
        hi ^= hi >>> 15;
        let lo = Math.imul(cell[1]! ^ key[1]! ^ hi, 0xc2b2ae35);
        lo ^= lo >>> 13;
        // 64-bit sum in two 32-bit words: the high word takes the low word's carry.
        lo >>>= 0;
        let low = (rowLo + lo) >>> 0;
        rowHi = (rowHi + hi + (low < lo ? 1 : 0)) >>> 0;
        rowLo = low;
        if (features && isRole[c] === 0) {
          low = (featureLo + lo) >>> 0;
          featureHi = (featureHi + hi + (low < lo ? 1 : 0)) >>> 0;
          featureLo = low;
        }
      }
    }
    const rh = this.rowHash;
    rh[0] = rowHi;
    rh[1] = rowLo;
    const fh = this.featureHash;
    fh[0] = featureHi;
    fh[1] = featureLo;
    this.endRow();
    const slot = this.rowSlots.offer();
    if (slot >= 0) this.rowSample[slot] = sampleCsvRow(buf, starts, ends, at, n, this.kinds);
  }

  /**
   * JSON / Parquet rows: `n` cells, `values[i]` for column `cols[i]`. Columns a record does not
   * mention are missing in it; they are not visited (a sparse record costs its own keys, not the
   * table's width) and are counted missing once, in settleMissing().
   */
  record(cols: Int32Array, values: unknown[], n: number): void {
    const columns = this.columns;
    const kinds = this.kinds;
    const rh = this.rowHash;
    const fh = this.featureHash;
    const features = this.featureHashes !== null;
    const term = this.term;
    rh[0] = 0;
    rh[1] = 0;
    fh[0] = 0;
    fh[1] = 0;
    if (this.targetIdx >= 0) kinds[this.targetIdx] = CellKind.Missing;
    if (this.idIdx >= 0) kinds[this.idIdx] = CellKind.Missing;
    if (this.timeIdx >= 0) kinds[this.timeIdx] = CellKind.Missing;
    for (let i = 0; i < n; i++) {
      const c = cols[i]!;
      const col = columns[c]!;
      const kind = col.addValue(values[i]);
      this.given[c]!++;
      kinds[c] = kind;
      if (kind > CellKind.Disguised) {
        keyedTerm(col.cellHash, col.nameHash, term);
        add64Into(rh, term);
        if (features && this.isRole[c] === 0) add64Into(fh, term);
      }
    }
    this.endRow();
    const slot = this.rowSlots.offer();
    if (slot >= 0) {
      const sampled: RawRow = [];
      for (let i = 0; i < n; i++) {
        const c = cols[i]!;
        const v = values[i];
        sampled[c] = kinds[c]! <= CellKind.Disguised ? null : typeof v === 'string' ? keptString(v) : v instanceof Date ? v.toISOString() : typeof v === 'object' && v !== null ? keptString(nestedText(v)) : String(v);
      }
      this.rowSample[slot] = sampled;
    }
  }

  /** Record formats, after the last record: every cell a record left out is a missing cell. */
  settleMissing(): void {
    this.columns.forEach((col, c) => {
      col.missing += this.rows - this.given[c]!;
      this.given[c] = this.rows;
    });
    // The reservoir was sized before the width was known: keep a uniform subsample that fits the
    // cell cap (a uniform sample of a uniform sample is uniform), then fill the holes of keys a
    // sampled record did not have with null.
    const width = this.columns.length;
    const cap = rowSampleCap(width);
    if (this.rowSample.length > cap) {
      const random = new SeededRandom(this.rows ^ 0x5a17);
      const rows = this.rowSample;
      for (let i = 0; i < cap; i++) {
        const j = i + Math.floor(random.next() * (rows.length - i));
        [rows[i], rows[j]] = [rows[j]!, rows[i]!];
      }
      this.rowSample = rows.slice(0, cap);
    }
    this.rowSample = this.rowSample.map((r) => (Array.isArray(r) ? Array.from({ length: width }, (_, c) => r[c] ?? null) : r));
  }

  /** Per-row facts after all cells of the row were added. */
  private endRow(): void {
    const rh = this.rowHash;
    this.rows++;
    if (this.featureHashes !== null) {
      // Features = every column but the role columns (target, id, time), summed in the cell loop.
      const fh = this.featureHash;
      finishRowHash(fh);
      this.featureHashes.push(fh[0]!, fh[1]!);
      const t = this.targetIdx;
      const label = t >= 0 && this.kinds[t]! > CellKind.Disguised ? this.columns[t]!.cellHash : null;
      this.labelHashes!.push(label ? (label[0]! ^ label[1]!) >>> 0 : MISSING_LABEL);
    }
    if (this.idHashes !== null && this.idIdx >= 0 && this.kinds[this.idIdx]! > CellKind.Disguised) {
      const h = this.columns[this.idIdx]!.cellHash;
      this.idHashes.push(h[0]!, h[1]!);
    }
    finishRowHash(rh);
    this.rowHashes.push(rh[0]!, rh[1]!);
  }

  /** Build featureHashesSorted (with a target column only). */
  sortFeatureCopy(): void {
    const f = this.featureHashes;
    if (f !== null) this.featureHashesSorted = f.sortedCopy();
  }

  /** A column first seen after `rows` rows (JSON keys): it was missing in all of them. */
  addColumn(name: string): void {
    const col = new ColumnAccumulator(name, (this.rowSlots.seen + Math.imul(this.columns.length + 1, 0x9e3779b1)) >>> 0);
    const i = this.columns.length;
    this.names.push(name);
    this.columns.push(col);
    this.kinds = grown(this.kinds, i + 1);
    this.isRole = grown(this.isRole, i + 1);
    if (this.given.length <= i) {
      const given = new Uint32Array(Math.max(i + 1, this.given.length * 2));
      given.set(this.given);
      this.given = given;
    }
    this.noteRole(name, i);
  }

  /** Fold in the accumulator of the NEXT part of the same file (order matters for samples). */
  merge(o: DatasetAccumulator): void {
    this.columns.forEach((c, i) => c.merge(o.columns[i]!));
    this.rowSample = mergeSamples(this.rowSample, this.rows, o.rowSample, o.rows, rowSampleCap(this.names.length), this.rows ^ 0x5eed);
    this.rows += o.rows;
    // Hash lists are combined later from their sorted forms (see dataset-facts.ts).
    this.mergedParts.push(o);
  }

  /** Later parts whose hash lists still need combining. */
  mergedParts: DatasetAccumulator[] = [];

  static revive(plain: DatasetAccumulator): DatasetAccumulator {
    const d = Object.setPrototypeOf(plain, DatasetAccumulator.prototype) as DatasetAccumulator;
    d.columns.forEach((c) => ColumnAccumulator.revive(c));
    ReservoirSlots.revive(d.rowSlots);
    HashList.revive(d.rowHashes);
    if (d.featureHashes) HashList.revive(d.featureHashes);
    if (d.labelHashes) WordList.revive(d.labelHashes);
    if (d.idHashes) HashList.revive(d.idHashes);
    return d;
  }
}
