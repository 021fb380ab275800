/**
 * Reference walks over ONE merged sorted array: the plain versions of what sorted-parts.ts does over
 * the threads' parts without merging them. The engine no longer merges (see sorted-parts.ts), so
 * these live here as the tests' oracle, not in the engine.
 */
function wordsOf(a: BigUint64Array): Uint32Array {
  return new Uint32Array(a.buffer, a.byteOffset, a.length * 2);
}

/** Items equal to an earlier item in a sorted array (duplicates beyond the first). */
export function countRepeats(sorted: BigUint64Array): number {
  const w = wordsOf(sorted);
  let repeats = 0;
  for (let i = 1; i < sorted.length; i++) if (w[2 * i] === w[2 * i - 2] && w[2 * i + 1] === w[2 * i - 1]) repeats++;
  return repeats;
}

/** Distinct items in a sorted array. */
export function countDistinct(sorted: BigUint64Array): number {
  return sorted.length - countRepeats(sorted);
}

/**
 * Walk two sorted arrays: `inBoth` = items of `a` (with multiplicity) also present in `b`,
 * `distinctShared` = distinct values present in both.
 */
export function intersectSorted(a: BigUint64Array, b: BigUint64Array): { inBoth: number; distinctShared: number } {
  const aw = wordsOf(a);
  const bw = wordsOf(b);
  let i = 0;
  let j = 0;
  let inBoth = 0;
  let distinctShared = 0;
  while (i < a.length && j < b.length) {
    const ah = aw[2 * i + 1]!;
    const al = aw[2 * i]!;
    const bh = bw[2 * j + 1]!;
    const bl = bw[2 * j]!;
    if (ah < bh || (ah === bh && al < bl)) i++;
    else if (ah > bh || al > bl) j++;
    else {
      distinctShared++;
      while (i < a.length && aw[2 * i + 1] === ah && aw[2 * i] === al) {
        inBoth++;
        i++;
      }
      while (j < b.length && bw[2 * j + 1] === bh && bw[2 * j] === bl) j++;
    }
  }
  return { inBoth, distinctShared };
}
