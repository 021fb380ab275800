/**
 * Distinct values with their counts, keyed by 64-bit cell hash.
 *
 * Exact mode: an open-addressing table (linear probing, load <= 1/2) that grows up to
 * MAX_EXACT_DISTINCT keys; each key keeps its count and its value (a number, or the original text
 * decoded once, on first sight). Invariant: in exact mode, sum(counts) === cells added.
 *
 * When a column has more distinct values than that, it switches for good to estimate mode: every
 * key goes into a HyperLogLog, which then receives all later hashes, and into a heavy-hitter
 * summary (frequent-items.ts: Misra-Gries counters) that keeps counting every later cell, so top
 * values come with a guaranteed bound: each count is at most `maxError()` below the truth. The
 * first-seen keys are kept, with the counts they had at the switch, as the distinct-value sample.
 */
import { type CellValue, FrequentItems, textSlots } from './frequent-items';
import { HLL_PRECISION, HyperLogLog } from './hyperloglog';
import { KEEP_FIRST, type SeenKey, seedEstimates } from './estimate-seed';

/**
 * Exact up to this many distinct values per column. Categories rarely exceed it; columns that do
 * (ids, measurements, timestamps) get a HyperLogLog estimate (~0.8% error), which is also what
 * keeps the table growth (rehashing, one string per key) from dominating a large file's time.
 */
export const MAX_EXACT_DISTINCT = 1 << 14;
/** Numeric cells counted at once in estimate mode (see addNumber). */
const BATCH = 512;

export class DistinctCounter {
  hi: Uint32Array;
  lo: Uint32Array;
  counts: Uint32Array;
  /**
   * Value of each slot: text in `texts`, or a number in `numbers` (a typed array, so numeric
   * keys do not allocate a heap number each); `isText[slot]` says which.
   */
  texts: (string | undefined)[] | null = null;
  numbers: Float64Array;
  isText: Uint8Array;
  /** Slots in the order their key was first seen (for the first-seen distinct sample). */
  order: number[] = [];
  size = 0;
  mask: number;
  hll: HyperLogLog | null = null;
  /** Estimate mode: every cell's key counted with a bound (see the file comment). */
  frequent: FrequentItems | null = null;
  /** Estimate mode: the first KEEP_FIRST keys seen, with their counts at the switch. */
  firstSeen: SeenKey[] = [];
  /**
   * Estimate mode: numeric cells not yet counted, in arrival order (keys and values; see
   * addNumber). Every other method counts them first, so nothing reads a count without them.
   */
  batchHi: Uint32Array | null = null;
  batchLo: Uint32Array | null = null;
  batchValues: Float64Array | null = null;
  batched = 0;

  constructor(capacity = 256) {
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.counts = new Uint32Array(capacity);
    this.numbers = new Float64Array(capacity);
    this.isText = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** The value stored at a slot, if any. */
  valueAt(slot: number): CellValue | undefined {
    if (this.isText[slot] === 1) return this.texts![slot];
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
    if (this.batched > 0) this.countBatch();
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
      return this.frequent!.add(hi, lo);
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
      if (this.size >= MAX_EXACT_DISTINCT) {
        // The new key's value is not needed: the counters keep a value once a key repeats.
        this.switchToEstimate();
        return -1;
      }
      this.rehash((this.mask + 1) * 2, slot);
      return this.pendingSlot;
    }
    return slot;
  }

  /**
   * Count one cell whose value is the number src[0]. In estimate mode the cell waits in a batch,
   * and a full batch goes into the sketch and the heavy-hitter counters in one loop, in arrival
   * order, so every figure is what counting each cell on arrival gives: counted one by one, in
   * between a row's other columns, each cell found the column's registers and counters evicted
   * from the nearest cache and cost several times what it costs in the batch loop.
   */
  addNumber(hi: number, lo: number, src: Float64Array): void {
    const batchHi = this.batchHi;
    if (batchHi !== null) {
      const at = this.batched;
      batchHi[at] = hi;
      this.batchLo![at] = lo;
      this.batchValues![at] = src[0]!;
      this.batched = at + 1;
      if (at + 1 === BATCH) this.countBatch();
      return;
    }
    const slot = this.add(hi, lo);
    if (slot >= 0) this.setValue(slot, src[0]!);
  }

  /** The batched cells into the sketch and the counters (the same steps as add and setValue). */
  private countBatch(): void {
    const n = this.batched;
    this.batched = 0;
    const regs = this.hll!.registers;
    const frequent = this.frequent!;
    const his = this.batchHi!;
    const los = this.batchLo!;
    const values = this.batchValues!;
    for (let i = 0; i < n; i++) {
      const hi = his[i]!;
      const lo = los[i]!;
      const idx = hi >>> (32 - HLL_PRECISION);
      const w = ((hi << HLL_PRECISION) | (lo >>> (32 - HLL_PRECISION))) >>> 0;
      const rank = w === 0 ? 32 - HLL_PRECISION + Math.clz32(lo << HLL_PRECISION) + 1 : Math.clz32(w) + 1;
      if (rank > regs[idx]!) regs[idx] = rank;
      const slot = frequent.add(hi, lo);
      if (slot >= 0) frequent.setValue(slot, values[i]!);
    }
  }

  /** Count `count` cells of one key at once, with its value (cells decided after the pass). */
  addCounted(hi: number, lo: number, count: number, value: CellValue): void {
    if (this.batched > 0) this.countBatch();
    if (this.frequent !== null) {
      this.hll!.add(hi, lo);
      this.frequent.addWithValue(hi, lo, count, value);
      return;
    }
    const slot = this.add(hi, lo);
    if (slot >= 0) this.setValue(slot, value);
    const switched = this.frequent as FrequentItems | null;
    if (switched !== null) {
      // That cell switched the counter to estimates: count the rest there.
      if (count > 1) switched.addWithValue(hi, lo, count - 1, value);
      return;
    }
    const at = this.find(hi, lo);
    if (at >= 0) this.counts[at] += count - 1;
  }

  /** How far below the truth a top value's count can be (0 while every value is counted exactly). */
  maxError(): number {
    if (this.batched > 0) this.countBatch();
    return this.frequent?.offset ?? 0;
  }

  /**
   * The most frequent values with their counts: every key in exact mode; after the switch the
   * bounded counters of values seen more than once (which of the values seen once are still in a
   * counter depends on where purges fell, and so on how the file was split between threads).
   */
  topEntries(): Array<{ count: number; value: CellValue | undefined; rank: number }> {
    if (this.batched > 0) this.countBatch();
    if (this.frequent === null) return this.entries();
    return this.frequent
      .entries()
      .filter((e) => e.value !== undefined && e.count > 1)
      .map((e) => ({ count: e.count, value: e.value, rank: Infinity }));
  }

  /** The first-seen keys (rank = order of first sight) with their counts: the distinct-value sample. */
  sampleEntries(): Array<{ count: number; value: CellValue | undefined; rank: number }> {
    if (this.batched > 0) this.countBatch();
    if (this.frequent === null) return this.entries().sort((a, b) => a.rank - b.rank);
    return this.firstSeen.map((e, i) => ({ count: e.count, value: e.value, rank: i }));
  }

  /** After a rehash the new key's slot moves; `add` returns it from here. */
  private pendingSlot = -1;

  setValue(slot: number, value: CellValue): void {
    if (this.frequent !== null) {
      this.frequent.setValue(slot, value);
      return;
    }
    if (typeof value === 'string') {
      (this.texts ??= textSlots(this.mask + 1))[slot] = value;
      this.isText[slot] = 1;
    } else {
      this.numbers[slot] = value;
      this.isText[slot] = 2;
    }
  }

  distinct(): number {
    if (this.batched > 0) this.countBatch();
    return this.hll !== null ? Math.max(this.hll.estimate(), this.distinctAtSwitch) : this.size;
  }

  /**
   * Keys with counts and values: every key in exact mode; in estimate mode the first-seen keys and
   * the counted heavy hitters (lower-bound counts), which is all a comparison can use then.
   */
  entries(): Array<{ hi: number; lo: number; count: number; value: CellValue | undefined; rank: number }> {
    if (this.batched > 0) this.countBatch();
    if (this.frequent !== null) {
      const out = this.frequent.entries().filter((e) => e.value !== undefined).map((e) => ({ ...e, rank: Infinity }));
      this.firstSeen.forEach((e, i) => {
        if (this.frequent!.find(e.hi, e.lo) < 0) out.push({ ...e, rank: i });
      });
      return out;
    }
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
    this.texts = texts === null ? null : textSlots(capacity);
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
      if (kind === 1) this.texts![slot] = texts![o];
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

  /** Exact mode to estimates (estimate-seed.ts); the exact table is released. */
  private switchToEstimate(): void {
    const { hll, frequent, firstSeen } = seedEstimates(this);
    this.firstSeen = firstSeen;
    this.hll = hll;
    this.frequent = frequent;
    this.batchHi = new Uint32Array(BATCH);
    this.batchLo = new Uint32Array(BATCH);
    this.batchValues = new Float64Array(BATCH);
    this.distinctAtSwitch = this.size;
    this.hi = new Uint32Array(1);
    this.lo = new Uint32Array(1);
    this.counts = new Uint32Array(1);
    this.texts = null;
    this.numbers = new Float64Array(1);
    this.isText = new Uint8Array(1);
    this.mask = 0;
    this.order = [];
    this.size = 0;
  }

  /** Keys counted exactly before the switch (a floor for the estimate). */
  private distinctAtSwitch = 0;

  /** Fold another counter (the NEXT part of the same file, from another worker thread) into this one. */
  merge(other: DistinctCounter): void {
    if (this.batched > 0) this.countBatch();
    if (other.batched > 0) other.countBatch();
    if (other.frequent !== null && this.frequent === null) this.switchToEstimate();
    let from = 0;
    if (this.frequent === null) {
      for (; from < other.order.length; from++) {
        const slot = other.order[from]!;
        this.insertRaw(other.hi[slot]!, other.lo[slot]!, other.counts[slot]!, other.valueAt(slot));
        if (this.size * 2 > this.mask + 1) {
          if (this.size >= MAX_EXACT_DISTINCT) {
            this.switchToEstimate();
            from++;
            break;
          }
          this.rehash((this.mask + 1) * 2, -1);
        }
      }
      // Switched part-way: the rest of other's keys go into the estimates below.
      if ((this.frequent as FrequentItems | null) === null) return;
    }
    const frequent = this.frequent!;
    const hll = this.hll!;
    if (other.frequent !== null) {
      hll.merge(other.hll!);
      frequent.merge(other.frequent);
      for (const e of other.firstSeen) if (this.firstSeen.length < KEEP_FIRST) this.firstSeen.push(e);
      this.distinctAtSwitch = Math.max(this.distinctAtSwitch, other.distinctAtSwitch);
      return;
    }
    for (let i = from; i < other.order.length; i++) {
      const s = other.order[i]!;
      const h = other.hi[s]!;
      const l = other.lo[s]!;
      hll.add(h, l);
      const value = other.valueAt(s);
      if (this.firstSeen.length < KEEP_FIRST) this.firstSeen.push({ hi: h, lo: l, count: other.counts[s]!, value });
      frequent.addWithValue(h, l, other.counts[s]!, value);
    }
  }

  /** Slot of a key, or -1. */
  find(hi: number, lo: number): number {
    if (this.batched > 0) this.countBatch();
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
    if (c.frequent !== null) Object.setPrototypeOf(c.frequent, FrequentItems.prototype);
    return c;
  }
}
