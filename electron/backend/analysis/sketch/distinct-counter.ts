/**
 * Distinct values with their counts, keyed by 64-bit cell hash.
 *
 * Exact mode: an open-addressing table (linear probing, load <= 1/2) that grows up to
 * MAX_EXACT_DISTINCT keys; each key keeps its count and its value (a number, or the original text
 * decoded once, on first sight). Invariant: in exact mode, sum(counts) === cells added.
 *
 * When a column has more distinct values than that, it switches for good to estimate mode: every
 * key goes into a HyperLogLog, which then receives all later hashes; the table shrinks to the
 * keys worth keeping (the heaviest at the switch and the first-seen ones, for the distinct-value
 * sample) with the counts they had then. So in estimate mode top values and their counts describe
 * the rows before the switch only; reports label them as estimates.
 */
import { HLL_PRECISION, HyperLogLog } from './hyperloglog';

/**
 * Exact up to this many distinct values per column. Categories rarely exceed it; columns that do
 * (ids, measurements, timestamps) get a HyperLogLog estimate (~0.8% error), which is also what
 * keeps the table growth (rehashing, one string per key) from dominating a large file's time.
 */
export const MAX_EXACT_DISTINCT = 1 << 14;
const KEEP_HEAVY = 64;
const KEEP_FIRST = 1000;

export type CellValue = string | number;

export class DistinctCounter {
  hi: Uint32Array;
  lo: Uint32Array;
  counts: Uint32Array;
  /**
   * Value of each slot: text in `texts`, or a number in `numbers` (a typed array, so numeric
   * keys do not allocate a heap number each); `isText[slot]` says which.
   */
  texts: (string | undefined)[];
  numbers: Float64Array;
  isText: Uint8Array;
  /** Slots in the order their key was first seen (for the first-seen distinct sample). */
  order: number[] = [];
  size = 0;
  mask: number;
  hll: HyperLogLog | null = null;

  constructor(capacity = 256) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.texts = [];
    this.numbers = new Float64Array(capacity);
    this.isText = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** The value stored at a slot, if any. */
  valueAt(slot: number): CellValue | undefined {
    if (this.isText[slot] === 1) return this.texts[slot];
    if (this.isText[slot] === 2) return this.numbers[slot];
    return undefined;
  }

  get estimated(): boolean {
    return this.hll !== null;
  }

  /**
   * Count one cell. Returns the slot when the key is new and the caller must store its value
   * with `setValue`; -1 otherwise.
   */
  add(hi: number, lo: number): number {
    if (this.hll !== null) {
      // Estimate mode: the sketch only. Kept keys keep the counts they had at the switch (the
      // probe per cell cost more than the whole parse on high-cardinality columns).
      // HyperLogLog.add written out: this is the per-cell path of every high-cardinality column
      // and V8 did not inline the call here (it showed as its own ~3% of a profile).
      // sketches.test.ts checks that both give the same registers.
      const regs = this.hll.registers;
      const idx = hi >>> (32 - HLL_PRECISION);
      const w = ((hi << HLL_PRECISION) | (lo >>> (32 - HLL_PRECISION))) >>> 0;
      const rank = w === 0 ? 32 - HLL_PRECISION + Math.clz32(lo << HLL_PRECISION) + 1 : Math.clz32(w) + 1;
      if (rank > regs[idx]!) regs[idx] = rank;
      return -1;
    }
    const mask = this.mask;
    let slot = (hi ^ Math.imul(lo, 0x9e3779b1)) & mask;
    const counts = this.counts;
    for (;;) {
      const c = counts[slot]!;
      if (c === 0) break;
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        counts[slot] = c + 1;
        return -1;
      }
      slot = (slot + 1) & mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    counts[slot] = 1;
    this.order.push(slot);
    this.size++;
    if (this.size * 2 > this.mask + 1) {
      if (this.size >= MAX_EXACT_DISTINCT) this.switchToEstimate(slot);
      else this.rehash((this.mask + 1) * 2, slot);
      return this.pendingSlot;
    }
    return slot;
  }

  /** Count `count` cells of one key at once, with its value (cells decided after the pass). */
  addCounted(hi: number, lo: number, count: number, value: CellValue): void {
    const slot = this.add(hi, lo);
    if (slot >= 0) this.setValue(slot, value);
    const at = this.find(hi, lo);
    if (at >= 0) this.counts[at] += count - 1;
  }

  /** After a rehash the new key's slot moves; `add` returns it from here. */
  private pendingSlot = -1;

  setValue(slot: number, value: CellValue): void {
    if (typeof value === 'string') {
      this.texts[slot] = value;
      this.isText[slot] = 1;
    } else {
      this.numbers[slot] = value;
      this.isText[slot] = 2;
    }
  }

  distinct(): number {
    return this.hll !== null ? Math.max(this.hll.estimate(), this.size) : this.size;
  }

  /** Keys as parallel arrays (slot order). */
  entries(): Array<{ hi: number; lo: number; count: number; value: CellValue | undefined; rank: number }> {
    const rankOf = new Map<number, number>();
    this.order.forEach((slot, i) => rankOf.set(slot, i));
    const out = [];
    for (let s = 0; s <= this.mask; s++) {
      if (this.counts[s]! > 0) out.push({ hi: this.hi[s]!, lo: this.lo[s]!, count: this.counts[s]!, value: this.valueAt(s), rank: rankOf.get(s) ?? Infinity });
    }
    return out;
  }

  private rehash(capacity: number, trackedSlot: number, keep?: Set<number>): void {
    const { hi, lo, counts, order, texts, numbers, isText } = this;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.texts = [];
    this.numbers = new Float64Array(capacity);
    this.isText = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.order = [];
    this.size = 0;
    this.pendingSlot = -1;
    // Keys in a table are distinct, so each moves to the first free slot of its probe sequence
    // with no equality test, and values move typed-array to typed-array: going through
    // insertRaw's CellValue argument boxed every numeric value and made growth a visible share
    // of the profile.
    const mask = this.mask;
    for (const o of order) {
      if (keep && !keep.has(o)) continue;
      const h = hi[o]!;
      const l = lo[o]!;
      let slot = (h ^ Math.imul(l, 0x9e3779b1)) & mask;
      while (this.counts[slot] !== 0) slot = (slot + 1) & mask;
      this.hi[slot] = h;
      this.lo[slot] = l;
      this.counts[slot] = counts[o]!;
      const kind = isText[o]!;
      this.isText[slot] = kind;
      if (kind === 1) this.texts[slot] = texts[o];
      else if (kind === 2) this.numbers[slot] = numbers[o]!;
      this.order.push(slot);
      this.size++;
      if (o === trackedSlot) this.pendingSlot = slot;
    }
  }

  private insertRaw(hi: number, lo: number, count: number, value: CellValue | undefined): number {
    let slot = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    while (this.counts[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) {
        this.counts[slot] += count;
        if (this.isText[slot] === 0 && value !== undefined) this.setValue(slot, value);
        return slot;
      }
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.counts[slot] = count;
    if (value !== undefined) this.setValue(slot, value);
    this.order.push(slot);
    this.size++;
    return slot;
  }

  private switchToEstimate(trackedSlot: number): void {
    const hll = new HyperLogLog();
    const keep = new Set<number>();
    for (let i = 0; i < this.order.length && keep.size < KEEP_FIRST; i++) keep.add(this.order[i]!);
    const bySize: number[] = [];
    for (let s = 0; s <= this.mask; s++) {
      if (this.counts[s]! > 0) {
        hll.add(this.hi[s]!, this.lo[s]!);
        bySize.push(s);
      }
    }
    bySize.sort((a, b) => this.counts[b]! - this.counts[a]!);
    for (let i = 0; i < KEEP_HEAVY && i < bySize.length; i++) keep.add(bySize[i]!);
    keep.add(trackedSlot);
    this.rehash(4096, trackedSlot, keep);
    this.hll = hll;
  }

  /** Fold another counter (e.g. from another worker thread) into this one. */
  merge(other: DistinctCounter): void {
    if (other.hll !== null && this.hll === null) {
      const hll = new HyperLogLog();
      for (let s = 0; s <= this.mask; s++) if (this.counts[s]! > 0) hll.add(this.hi[s]!, this.lo[s]!);
      this.hll = hll;
      // Shrink to the kept keys as a switch would, so the table stays small.
      const keep = new Set<number>(this.order.slice(0, KEEP_FIRST));
      const heavy = this.order.slice().sort((a, b) => this.counts[b]! - this.counts[a]!);
      heavy.slice(0, KEEP_HEAVY).forEach((s) => keep.add(s));
      this.rehash(4096, -1, keep);
    }
    for (const slot of other.order) {
      const h = other.hi[slot]!;
      const l = other.lo[slot]!;
      if (this.hll !== null) {
        // Estimate mode: only count keys already kept, plus other's first-seen ones while room.
        if (this.find(h, l) < 0 && this.size >= KEEP_FIRST + KEEP_HEAVY) continue;
      }
      this.insertRaw(h, l, other.counts[slot]!, other.valueAt(slot));
      if (this.hll === null && this.size * 2 > this.mask + 1) {
        if (this.size >= MAX_EXACT_DISTINCT) this.switchToEstimate(-1);
        else this.rehash((this.mask + 1) * 2, -1);
      }
    }
    // Invariant after a merge in estimate mode: the sketch has seen every key of both sides.
    if (this.hll !== null) {
      if (other.hll !== null) this.hll.merge(other.hll);
      else for (let s = 0; s <= other.mask; s++) if (other.counts[s]! > 0) this.hll.add(other.hi[s]!, other.lo[s]!);
    }
  }

  /** Slot of a key, or -1. */
  find(hi: number, lo: number): number {
    let slot = (hi ^ Math.imul(lo, 0x9e3779b1)) & this.mask;
    while (this.counts[slot] !== 0) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return slot;
      slot = (slot + 1) & this.mask;
    }
    return -1;
  }

  /** Rebuild the class after a structured clone (worker_threads postMessage drops prototypes). */
  static revive(plain: DistinctCounter): DistinctCounter {
    const c = Object.setPrototypeOf(plain, DistinctCounter.prototype) as DistinctCounter;
    if (c.hll !== null) Object.setPrototypeOf(c.hll, HyperLogLog.prototype);
    return c;
  }
}
