/**
 * Sorted 64-bit hashes kept as the sorted parts the threads produced (one per byte range), never
 * merged into one array: merging allocated a second copy of every list (8 bytes a row; 40 MB per
 * list on a 5M-row file) while the parts were still alive, which set the peak memory of a
 * two-file run. Everything the checks need (repeats, distinct counts, intersections) is a walk
 * over the union in order, which a cursor over the parts' heads gives without building it.
 */
export type SortedParts = BigUint64Array[];

/** Walks the sorted union of parts in ascending order (k-way; k is the thread count, so a scan of the heads). */
export class UnionCursor {
  hi = 0;
  lo = 0;
  done = false;
  private readonly words: Uint32Array[];
  private readonly at: number[];

  constructor(private readonly parts: SortedParts) {
    this.words = parts.map((p) => new Uint32Array(p.buffer, p.byteOffset, p.length * 2));
    this.at = parts.map(() => 0);
    this.next();
  }

  /** Move to the next item of the union (with repeats); sets `done` past the end. */
  next(): void {
    let best = -1;
    let bh = 0;
    let bl = 0;
    for (let p = 0; p < this.parts.length; p++) {
      const i = this.at[p]!;
      if (i >= this.parts[p]!.length) continue;
      const w = this.words[p]!;
      const h = w[2 * i + 1]!; // little-endian u64: the high word second
      const l = w[2 * i]!;
      if (best < 0 || h < bh || (h === bh && l < bl)) {
        best = p;
        bh = h;
        bl = l;
      }
    }
    if (best < 0) {
      this.done = true;
      return;
    }
    this.at[best]!++;
    this.hi = bh;
    this.lo = bl;
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

/** Distinct items. */
export function countDistinctIn(parts: SortedParts): number {
  return totalLength(parts) - forEachRepeat(parts);
}

/**
 * `inBoth` = items of `a` (with multiplicity) also present in `b`, `distinctShared` = distinct
 * values present in both (as intersectSorted in hash-list.ts, over parts).
 */
export function intersectParts(a: SortedParts, b: SortedParts): { inBoth: number; distinctShared: number } {
  const x = new UnionCursor(a);
  const y = new UnionCursor(b);
  let inBoth = 0;
  let distinctShared = 0;
  while (!x.done && !y.done) {
    if (x.hi < y.hi || (x.hi === y.hi && x.lo < y.lo)) x.next();
    else if (x.hi > y.hi || x.lo > y.lo) y.next();
    else {
      distinctShared++;
      const h = x.hi;
      const l = x.lo;
      while (!x.done && x.hi === h && x.lo === l) {
        inBoth++;
        x.next();
      }
      while (!y.done && y.hi === h && y.lo === l) y.next();
    }
  }
  return { inBoth, distinctShared };
}
