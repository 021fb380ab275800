/**
 * Sort 64-bit hashes held as (low, high) 32-bit word pairs (HashList's layout) in place. Row, id
 * and feature hashes are close to uniform, so a radix pass does most of the work: the pairs are
 * first permuted in place into 256 buckets by the top 8 bits of the high word (256 write cursors
 * stay in cache, and no second array the size of the list is needed: a `--id --target` run sorts
 * three lists per part), then each bucket is scattered through a small scratch array by its next
 * bits into runs of about 16 items, finished by insertion sort. About 2x faster than
 * BigUint64Array.prototype.sort on millions of hashes. Any bucket or run that is not small (many
 * equal or clustered hashes: duplicate rows, a constant column) is sorted natively, so skewed
 * input costs no more than the native sort.
 */

/** Below this many items the native sort is as fast. */
const RADIX_MIN_ITEMS = 2048;
const TOP_BITS = 8;
/** Runs are sized for about this many items each. */
const RUN_TARGET = 16;
/** Runs larger than this are sorted natively instead of by insertion. */
const INSERTION_MAX = 64;
/** Top-level buckets larger than this (skewed input) are sorted natively: the scratch stays small. */
const SCATTER_MAX = 1 << 18;

/** Sort the first `n` hashes of `words` (2n words; any words past them are left alone) ascending as u64. */
export function sortHashWords(words: Uint32Array, n: number): void {
  if (n < RADIX_MIN_ITEMS) {
    u64(words, 0, n).sort();
    return;
  }
  const starts = bucketStarts(words, n);
  permuteIntoBuckets(words, starts);
  let scratch = new Uint32Array(0);
  let counts = new Int32Array(0);
  for (let b = 0; b < 1 << TOP_BITS; b++) {
    const from = starts[b]!;
    const m = starts[b + 1]! - from;
    if (m < 2) continue;
    if (m < INSERTION_MAX || m > SCATTER_MAX) {
      u64(words, from, m).sort();
      continue;
    }
    let bits = 1;
    while (bits < 16 && m >>> bits > RUN_TARGET) bits++;
    const runs = 1 << bits;
    if (counts.length < runs + 1) counts = new Int32Array(runs + 1);
    else counts.fill(0, 0, runs + 1);
    if (scratch.length < 2 * m) scratch = new Uint32Array(2 * m);
    scatterRuns(words, from, m, scratch, counts, bits);
    for (let r = 0; r < runs; r++) {
      const f = counts[r]!;
      const t = counts[r + 1]!;
      if (t - f < 2) continue;
      if (t - f > INSERTION_MAX) u64(scratch, f, t - f).sort();
      else insertionSort(scratch, f, t);
    }
    words.set(scratch.subarray(0, 2 * m), 2 * from);
  }
}

function u64(words: Uint32Array, from: number, n: number): BigUint64Array {
  return new BigUint64Array(words.buffer, words.byteOffset + from * 8, n);
}

/** Bucket b holds items starts[b] .. starts[b + 1] - 1. */
function bucketStarts(w: Uint32Array, n: number): Int32Array {
  const shift = 32 - TOP_BITS;
  const starts = new Int32Array((1 << TOP_BITS) + 1);
  for (let i = 0; i < n; i++) starts[(w[2 * i + 1]! >>> shift) + 1]!++;
  for (let b = 1; b <= 1 << TOP_BITS; b++) starts[b]! += starts[b - 1]!;
  return starts;
}

/** In place (American flag sort): each displaced pair is carried to its bucket's next free slot. */
function permuteIntoBuckets(w: Uint32Array, starts: Int32Array): void {
  const shift = 32 - TOP_BITS;
  const next = starts.slice(0, 1 << TOP_BITS);
  for (let b = 0; b < 1 << TOP_BITS; b++) {
    const end = starts[b + 1]!;
    while (next[b]! < end) {
      const i = next[b]!;
      let lo = w[2 * i]!;
      let hi = w[2 * i + 1]!;
      let d = hi >>> shift;
      while (d !== b) {
        const j = 2 * next[d]!++;
        const lo2 = w[j]!;
        const hi2 = w[j + 1]!;
        w[j] = lo;
        w[j + 1] = hi;
        lo = lo2;
        hi = hi2;
        d = hi >>> shift;
      }
      w[2 * i] = lo;
      w[2 * i + 1] = hi;
      next[b]!++;
    }
  }
}

/** Items from .. from + m - 1 of `w` into `scratch` grouped by the `bits` bits below the top ones; run r is counts[r] .. counts[r + 1] - 1. */
function scatterRuns(w: Uint32Array, from: number, m: number, scratch: Uint32Array, counts: Int32Array, bits: number): void {
  const shift = 32 - TOP_BITS - bits;
  const mask = (1 << bits) - 1;
  const runs = 1 << bits;
  for (let i = from; i < from + m; i++) counts[((w[2 * i + 1]! >>> shift) & mask) + 1]!++;
  for (let r = 1; r <= runs; r++) counts[r]! += counts[r - 1]!;
  const next = counts.slice(0, runs);
  for (let i = from; i < from + m; i++) {
    const hi = w[2 * i + 1]!;
    const at = 2 * next[(hi >>> shift) & mask]!++;
    scratch[at] = w[2 * i]!;
    scratch[at + 1] = hi;
  }
}

function insertionSort(w: Uint32Array, from: number, to: number): void {
  for (let i = from + 1; i < to; i++) {
    const lo = w[2 * i]!;
    const hi = w[2 * i + 1]!;
    let j = i - 1;
    while (j >= from) {
      const h = w[2 * j + 1]!;
      if (h < hi || (h === hi && w[2 * j]! <= lo)) break;
      w[2 * j + 2] = w[2 * j]!;
      w[2 * j + 3] = h;
      j--;
    }
    w[2 * j + 2] = lo;
    w[2 * j + 3] = hi;
  }
}
