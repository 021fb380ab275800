/** Average ranks (1-based, ties share the mean of their positions), as scipy.stats.rankdata. */
export function averageRanks(values: readonly number[]): number[] {
  const n = values.length;
  const v = Float64Array.from(values);
  // Sorting a typed index array by value avoids allocating a tuple per element.
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((a, b) => v[a] - v[b]);
  const ranks = new Array<number>(n);
  let start = 0;
  while (start < n) {
    let end = start;
    while (end + 1 < n && v[order[end + 1]] === v[order[start]]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) ranks[order[k]] = rank;
    start = end + 1;
  }
  return ranks;
}

/** Ascending copy of finite numbers using the typed-array sort (numeric, no comparator needed). */
export function sortedCopy(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}
