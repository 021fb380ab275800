/**
 * Heavy hitters with a guaranteed error bound: Misra-Gries counters with the batch "purge by the
 * median" of Anderson et al. (2017, "A high-performance algorithm for identifying frequent items
 * in data streams", the method of Apache DataSketches' frequent-items sketch). Keys are 64-bit
 * cell hashes; a value (a number, or the cell's text) is kept for a key once it repeats, so a
 * column of all-distinct text does not decode a string per cell.
 *
 * Guarantee: for every key, stored count <= true count <= stored count + `offset` (the sum of the
 * medians subtracted so far), and a key absent from the table occurred at most `offset` times; any
 * key seen more than `offset` times is in the table. With k counters, offset <= 2N / k for N cells,
 * and far less on skewed data (a purge subtracts the median, 1 while most keys are seen once).
 *
 * Cost: one probe per cell and a purge (O(k)) at most every k / 2 new keys. The table starts
 * small (MIN_ITEMS counters, a few KB that stay in the CPU's nearest cache: ids, measurements and
 * timestamps, whose keys are nearly all new, are probed once per cell) and doubles up to
 * MAX_ITEMS when a purge finds many keys that repeat (cities, product names), where a tighter
 * bound matters for the values a report lists.
 */
/** A cell's value as counted: a number, or the cell's text. */
export type CellValue = string | number;

/** Counters at most: a table of twice as many slots (load <= 1/2), 128 KB of keys and counts. */
export const MAX_ITEMS = 4096;
/** Counters at first. */
export const MIN_ITEMS = 128;
/**
 * One slot is four words side by side (key high, key low, count, state), so a probe touches one
 * cache line. The state word holds the value kind (low 2 bits) and the generation the slot was
 * written in: a purge starts a new generation instead of clearing the table, and slots of older
 * generations read as empty.
 */
const HI = 0;
const LO = 1;
const COUNT = 2;
const STATE = 3;
/** The value kind's bits in the state word: none yet, text in `texts`, number in `numbers`. */
const KIND = 3;
const NO_VALUE = 0;
const TEXT = 1;
const NUMBER = 2;
/** Counts below this are found in a histogram when a purge looks for the median. */
const SMALL_COUNTS = 256;

export interface FrequentEntry {
  hi: number;
  lo: number;
  count: number;
  value: CellValue | undefined;
}

/**
 * A slot-indexed array for text values with every slot present (undefined until written). Written
 * at random slots, an array grown from [] became a dictionary, and code compiled for one kind of
 * array deoptimized when it met the other (the distinct table's growth was the visible cost).
 */
export function textSlots(n: number): (string | undefined)[] {
  return new Array<string | undefined>(n).fill(undefined);
}

function slotOf(hi: number, lo: number, mask: number): number {
  return ((hi ^ Math.imul(lo, 0x9e3779b1)) & mask) << 2;
}

export class FrequentItems {
  /** Counters kept before a purge; the table has twice as many slots. */
  capacity: number;
  table: Uint32Array;
  /** Text values by slot; null until the first (see textSlots). */
  texts: (string | undefined)[] | null = null;
  numbers: Float64Array;
  size = 0;
  /** Counts subtracted so far: the error bound of every count (see the file comment). */
  offset = 0;
  /** Live slots are those written in this generation (shifted above the kind bits). */
  generation = 1 << 2;
  /** Counters above 1: while there are none, a purge just starts a new generation. */
  repeats = 0;
  /** The table a purge rebuilds into, swapped with the live one (no allocation per purge). */
  spare: { table: Uint32Array; numbers: Float64Array } | null = null;

  constructor(capacity = MIN_ITEMS) {
    this.capacity = capacity;
    this.table = new Uint32Array(capacity * 8);
    this.numbers = new Float64Array(capacity * 2);
  }

  /** Slot-index mask of the table (2 * capacity slots). */
  private get mask(): number {
    return this.capacity * 2 - 1;
  }

  /**
   * Count `n` cells of a key. Returns the key's slot when the caller should store its value with
   * setValue (the key now has more than one cell and no value yet), else -1.
   */
  add(hi: number, lo: number, n = 1): number {
    let t = this.table;
    let generation = this.generation;
    let wrap = t.length - 1;
    let at = slotOf(hi, lo, this.mask);
    for (;;) {
      const state = t[at + STATE]!;
      if (state - (state & KIND) !== generation) {
        if (this.size < this.capacity) break;
        // Full, and the key is new: purge, then look for its place in the purged table.
        this.purge();
        t = this.table;
        generation = this.generation;
        wrap = t.length - 1;
        at = slotOf(hi, lo, this.mask);
        continue;
      }
      if (t[at + HI] === hi && t[at + LO] === lo) {
        const c = t[at + COUNT]!;
        if (c === 1) this.repeats++;
        t[at + COUNT] = c + n;
        return (state & KIND) === NO_VALUE ? at >> 2 : -1;
      }
      at = (at + 4) & wrap;
    }
    t[at + HI] = hi;
    t[at + LO] = lo;
    t[at + COUNT] = n;
    t[at + STATE] = generation;
    this.size++;
    if (n > 1) {
      this.repeats++;
      return at >> 2;
    }
    return -1;
  }

  /** Count `n` cells of a key whose value is known, keeping the value if the key is (still) counted. */
  addWithValue(hi: number, lo: number, n: number, value: CellValue | undefined): void {
    const slot = this.add(hi, lo, n);
    if (value === undefined) return;
    const at = slot >= 0 ? slot : this.find(hi, lo);
    if (at >= 0 && (this.table[(at << 2) + STATE]! & KIND) === NO_VALUE) this.setValue(at, value);
  }

  /**
   * Start from exact counts: `keys` sorted by count, largest first, into an empty summary. The
   * heaviest keys keep their exact counts (all MAX_ITEMS counters when keys repeat, MIN_ITEMS when
   * hardly any does); every key left out occurred at most as often as the heaviest one left out,
   * which is the starting bound (smaller than counting the keys in one by one). Only the first
   * MAX_ITEMS + 1 keys of the order are read, so a prefix of that length gives the same summary.
   */
  static seeded(keys: readonly FrequentEntry[]): FrequentItems {
    const repeating = keys.findIndex((k) => k.count < 2);
    const f = new FrequentItems((repeating < 0 ? keys.length : repeating) >= MIN_ITEMS ? MAX_ITEMS : MIN_ITEMS);
    const kept = Math.min(keys.length, f.capacity);
    for (let i = 0; i < kept; i++) {
      const k = keys[i]!;
      f.addWithValue(k.hi, k.lo, k.count, k.value);
    }
    f.offset = kept < keys.length ? keys[kept]!.count : 0;
    return f;
  }

  setValue(slot: number, value: CellValue): void {
    if (typeof value === 'string') {
      (this.texts ??= textSlots(this.capacity * 2))[slot] = value;
      this.table[(slot << 2) + STATE] = this.generation | TEXT;
    } else {
      this.numbers[slot] = value;
      this.table[(slot << 2) + STATE] = this.generation | NUMBER;
    }
  }

  valueAt(slot: number): CellValue | undefined {
    const k = this.table[(slot << 2) + STATE]! & KIND;
    return k === TEXT ? this.texts![slot] : k === NUMBER ? this.numbers[slot] : undefined;
  }

  find(hi: number, lo: number): number {
    const t = this.table;
    let at = slotOf(hi, lo, this.mask);
    while (this.live(t[at + STATE]!)) {
      if (t[at + HI] === hi && t[at + LO] === lo) return at >> 2;
      at = (at + 4) & (t.length - 1);
    }
    return -1;
  }

  /** Counted keys with their stored counts (lower bounds; add `offset` for upper bounds). */
  entries(): FrequentEntry[] {
    const out: FrequentEntry[] = [];
    const t = this.table;
    for (let at = 0; at < t.length; at += 4) {
      if (this.live(t[at + STATE]!)) out.push({ hi: t[at + HI]!, lo: t[at + LO]!, count: t[at + COUNT]!, value: this.valueAt(at >> 2) });
    }
    return out;
  }

  /** Fold in another summary (another part of the file): counts and bounds add. */
  merge(o: FrequentItems): void {
    if (o.capacity > this.capacity) this.rebuild(0, o.capacity);
    for (const e of o.entries()) this.addWithValue(e.hi, e.lo, e.count, e.value);
    this.offset += o.offset;
  }

  private live(state: number): boolean {
    return state - (state & KIND) === this.generation;
  }

  /**
   * Subtract the median count from every counter and drop those left at zero or below. While no
   * counter is above 1 (keys seen once each) that drops them all: a new generation. Otherwise the
   * median comes from a histogram of small counts (quickselect over the large ones only when it
   * lies among them) and the survivors move to the spare table, or to a table twice as large when
   * they are many (a quarter of the counters or more: many keys repeat).
   */
  private purge(): void {
    if (this.repeats === 0) {
      this.offset += 1;
      this.startGeneration();
      return;
    }
    const t = this.table;
    const histogram = new Uint32Array(SMALL_COUNTS);
    const large: number[] = [];
    for (let at = 0; at < t.length; at += 4) {
      if (!this.live(t[at + STATE]!)) continue;
      const c = t[at + COUNT]!;
      if (c < SMALL_COUNTS) histogram[c]++;
      else large.push(c);
    }
    const rank = this.size >> 1;
    let median = 0;
    let below = 0;
    for (let c = 1; c < SMALL_COUNTS && median === 0; c++) {
      below += histogram[c]!;
      if (below > rank) median = c;
    }
    if (median === 0) median = select(large, rank - below);
    let survivors = large.filter((c) => c > median).length;
    for (let c = median + 1; c < SMALL_COUNTS; c++) survivors += histogram[c]!;
    this.offset += median;
    this.rebuild(median, survivors * 4 >= this.capacity && this.capacity < MAX_ITEMS ? this.capacity * 2 : this.capacity);
  }

  /** Move the counters above `minus` to a fresh table of `capacity` counters, `minus` subtracted. */
  private rebuild(minus: number, capacity: number): void {
    const { table: from, texts, numbers } = this;
    const old = this.generation;
    const grown = capacity !== this.capacity;
    this.capacity = capacity;
    this.startGeneration();
    const next = !grown && this.spare ? this.spare : { table: new Uint32Array(capacity * 8), numbers: new Float64Array(capacity * 2) };
    const to = next.table;
    const generation = this.generation;
    const mask = this.mask;
    const nextTexts = texts === null ? null : textSlots(capacity * 2);
    for (let s = 0; s < from.length; s += 4) {
      const state = from[s + STATE]!;
      const c = from[s + COUNT]!;
      if (state - (state & KIND) !== old || c <= minus) continue;
      const hi = from[s + HI]!;
      const lo = from[s + LO]!;
      let at = slotOf(hi, lo, mask);
      while (this.live(to[at + STATE]!)) at = (at + 4) & (to.length - 1);
      const kind = state & KIND;
      to[at + HI] = hi;
      to[at + LO] = lo;
      to[at + COUNT] = c - minus;
      to[at + STATE] = generation | kind;
      if (kind === TEXT) nextTexts![at >> 2] = texts![s >> 2];
      else if (kind === NUMBER) next.numbers[at >> 2] = numbers[s >> 2]!;
      this.size++;
      if (c - minus > 1) this.repeats++;
    }
    this.spare = grown ? null : { table: from, numbers };
    this.table = to;
    this.numbers = next.numbers;
    this.texts = nextTexts;
  }

  /** Every slot reads as empty from here on (2^30 generations before the stamp would wrap). */
  private startGeneration(): void {
    this.generation += 1 << 2;
    this.size = 0;
    this.repeats = 0;
    this.texts = null;
  }
}

/** The k-th smallest of `a` (reorders it): Hoare's quickselect, linear on average. */
function select(a: number[], k: number): number {
  let left = 0;
  let right = a.length - 1;
  while (right > left) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else return a[k]!;
  }
  return a[k]!;
}
