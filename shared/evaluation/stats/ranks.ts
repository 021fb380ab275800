/**
 * Average ranks (1-based, ties share the mean of their positions), as scipy.stats.rankdata. The
 * values are sorted natively (no comparator: a comparator sort boxed a double per comparison and
 * was most of the correlation check's time and garbage) and each value's tie group is found by
 * binary search in the sorted copy. Values holding NaN, which has no place in an order, are ranked
 * as before by an index sort.
 */
export function averageRanks(values: readonly number[]): number[] {
  const n = values.length;
  const v = Float64Array.from(values);
  for (let i = 0; i < n; i++) if (Number.isNaN(v[i]!)) return averageRanksByIndex(v);
  const sorted = v.slice().sort();
  const ranks = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const x = v[i]!;
    // [first, last] are the positions of x's tie group in the sorted copy (-0 ties with 0).
    let lo = 0;
    let hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    const first = lo;
    hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    ranks[i] = (first + lo - 1) / 2 + 1;
  }
  return ranks;
}

function averageRanksByIndex(v: Float64Array): number[] {
  const n = v.length;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => v[a]! - v[b]!);
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && v[order[end + 1]!] === v[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]!] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Ascending copy of finite numbers using the typed-array sort (numeric, no comparator needed). */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
