/**
 * Sorted 64-bit hashes kept as the sorted parts the threads produced (one per byte range), never
 * merged into one array: merging allocated a second copy of every list (8 bytes a row; 40 MB per
 * list on a 5M-row file) while the parts were still alive, and the merge itself cost time.
 * Everything the checks need (repeats, distinct counts, intersections) is a walk
 * over the union in order, which a cursor over the parts' heads gives without building it.
 */
import { mergeSorted } from './hash-list';

export type SortedParts = BigUint64Array[];

const EMPTY = new Uint32Array(0);

function wordsOf(a: BigUint64Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
}

/**
 * Walks the sorted union of parts in ascending order. Written for two heads (the default two
 * threads give two parts): a generic k-way scan made the comparison step three times slower.
 * More parts are first merged down to two (a copy of all but the last: only with 3+ threads).
 */
export class UnionCursor {
  hi = 0;
  lo = 0;
  done = false;
  private readonly a: Uint32Array;
  private readonly b: Uint32Array;
  private readonly na: number;
  private readonly nb: number;
  private ia = 0;
  private ib = 0;

  constructor(parts: SortedParts) {
    const two = parts.length > 2 ? [mergeSorted(parts.slice(0, -1)), parts[parts.length - 1]!] : parts;
    this.a = two[0] ? wordsOf(two[0]) : EMPTY;
    this.b = two[1] ? wordsOf(two[1]) : EMPTY;
    this.na = this.a.length / 2;
    this.nb = this.b.length / 2;
    this.next();
  }

  /** Move to the next item of the union (with repeats); sets `done` past the end. */
  next(): void {
    const ia = this.ia;
    const ib = this.ib;
    if (ia < this.na) {
      const ah = this.a[2 * ia + 1]!; // little-endian u64: the high word second
      const al = this.a[2 * ia]!;
      if (ib < this.nb) {
        const bh = this.b[2 * ib + 1]!;
        const bl = this.b[2 * ib]!;
        if (bh < ah || (bh === ah && bl < al)) {
          this.hi = bh;
          this.lo = bl;
          this.ib = ib + 1;
          return;
        }
      }
      this.hi = ah;
      this.lo = al;
      this.ia = ia + 1;
      return;
    }
    if (ib < this.nb) {
      this.hi = this.b[2 * ib + 1]!;
      this.lo = this.b[2 * ib]!;
      this.ib = ib + 1;
      return;
    }
    this.done = true;
  }
}

export function totalLength(parts: SortedParts): number {
  return parts.reduce((s, p) => s + p.length, 0);
}

/** Calls onRepeat(hi, lo) for every item of the union equal to the one before it; returns how many. */
export function forEachRepeat(parts: SortedParts, onRepeat?: (hi: number, lo: number) => void): number {
  const c = new UnionCursor(parts);
  let repeats = 0;
  while (!c.done) {
    const h = c.hi;
    const l = c.lo;
    c.next();
    while (!c.done && c.hi === h && c.lo === l) {
      repeats++;
      onRepeat?.(h, l);
      c.next();
    }
  }
  return repeats;
}

/** Items equal to an earlier item (duplicates beyond the first). */
export function countRepeatsIn(parts: SortedParts): number {
  return forEachRepeat(parts);
}

export interface PartsComparison {
  /** Distinct values of `a`, of `b`. */
  aDistinct: number;
  bDistinct: number;
  /** Items of `a` (with multiplicity) whose value is also in `b`. */
  inBoth: number;
  /** Distinct values present in both. */
  distinctShared: number;
}

/**
 * Everything a comparison of two files needs from their sorted hashes, in ONE walk over both
 * unions (separate countDistinctIn and intersectParts calls walked each side twice).
 */
export function compareParts(a: SortedParts, b: SortedParts): PartsComparison {
  const x = new UnionCursor(a);
  const y = new UnionCursor(b);
  let aDistinct = 0;
  let bDistinct = 0;
  let inBoth = 0;
  let distinctShared = 0;
  while (!x.done || !y.done) {
    // The smallest head of the two sides, and how many times each side holds it.
    let h: number;
    let l: number;
    if (y.done || (!x.done && (x.hi < y.hi || (x.hi === y.hi && x.lo <= y.lo)))) {
      h = x.hi;
      l = x.lo;
    } else {
      h = y.hi;
      l = y.lo;
    }
    let ka = 0;
    while (!x.done && x.hi === h && x.lo === l) {
      ka++;
      x.next();
    }
    let kb = 0;
    while (!y.done && y.hi === h && y.lo === l) {
      kb++;
      y.next();
    }
    if (ka > 0) aDistinct++;
    if (kb > 0) bDistinct++;
    if (ka > 0 && kb > 0) {
      inBoth += ka;
      distinctShared++;
    }
  }
  return { aDistinct, bDistinct, inBoth, distinctShared };
}
