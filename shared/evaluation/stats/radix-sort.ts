/**
 * Sorting float64 values by their bits: a least-significant-digit radix sort, about three times
 * faster than the built-in typed-array sort on millions of values, and it can carry a second
 * array along (weights) without a comparator. Each value's bit pattern is mapped to an unsigned
 * integer of the same order (sign bit set for positives, all bits inverted for negatives),
 * sorted, and mapped back. Order equals Float64Array.prototype.sort's (-0 before +0); NaN is not
 * allowed. Below RADIX_MIN values the built-in sort is faster.
 *
 * Digits are 11 bits (six passes: 11, 11, 11, 11, 10, 10 bits from the lowest): a pass scatters
 * into 2,048 buckets whose write positions stay in cache, where 16-bit digits (four passes, 65,536
 * buckets) missed it on almost every write; measured 15-25% faster on 7M scores. The six digit
 * histograms are counted in one read of the keys, and a pass whose digit is the same for every
 * key is skipped (scores in [0, 1] share their top bits). Keys without a payload take three passes
 * on the high words only and then order each run of equal high words by its low words
 * (sortKeysByHighWords).
 */

const RADIX_MIN = 4096;
const PASSES = 6;
const BUCKETS = 2048;

function toOrderedBits(u: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const hi = u[2 * i + 1] as number;
    if (hi & 0x80000000) {
      u[2 * i + 1] = ~hi >>> 0;
      u[2 * i] = ~(u[2 * i] as number) >>> 0;
    } else u[2 * i + 1] = (hi | 0x80000000) >>> 0;
  }
}

function fromOrderedBits(u: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const hi = u[2 * i + 1] as number;
    if (hi & 0x80000000) u[2 * i + 1] = (hi & 0x7fffffff) >>> 0;
    else {
      u[2 * i + 1] = ~hi >>> 0;
      u[2 * i] = ~(u[2 * i] as number) >>> 0;
    }
  }
}

/** All six histograms in one read: counts[p * BUCKETS + d]. */
function countDigits(src: Uint32Array, n: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const lo = src[2 * i] as number;
    const hi = src[2 * i + 1] as number;
    counts[lo & 2047]++;
    counts[BUCKETS + ((lo >>> 11) & 2047)]++;
    counts[2 * BUCKETS + (((lo >>> 22) | (hi << 10)) & 2047)]++;
    counts[3 * BUCKETS + ((hi >>> 1) & 2047)]++;
    counts[4 * BUCKETS + ((hi >>> 12) & 1023)]++;
    counts[5 * BUCKETS + (hi >>> 22)]++;
  }
}

/** Turns pass p's counts into start offsets; false when one digit holds every key (nothing would move). */
function offsets(counts: Uint32Array, p: number, n: number): boolean {
  let sum = 0;
  const base = p * BUCKETS;
  for (let d = 0; d < BUCKETS; d++) {
    const c = counts[base + d] as number;
    if (c === n) return false;
    counts[base + d] = sum;
    sum += c;
  }
  return true;
}

/** Pass p's shift and mask: the digit is ((lo >>> s) | (hi << (32 - s))) for the digit that straddles the words. */
const SHIFT = [0, 11, 22, 1, 12, 22];
const MASK = [2047, 2047, 2047, 2047, 1023, 1023];

/** One pass without payload; each digit position gets its own loop so the digit is a shift and a mask. */
function scatter(src: Uint32Array, dst: Uint32Array, counts: Uint32Array, p: number, n: number): void {
  const base = p * BUCKETS;
  const s = SHIFT[p] as number;
  const mask = MASK[p] as number;
  if (p < 2) {
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i] as number;
      const j = counts[base + ((lo >>> s) & mask)]++ as number;
      dst[2 * j] = lo;
      dst[2 * j + 1] = src[2 * i + 1] as number;
    }
  } else if (p === 2) {
    for (let i = 0; i < n; i++) {
      const lo = src[2 * i] as number;
      const hi = src[2 * i + 1] as number;
      const j = counts[base + (((lo >>> 22) | (hi << 10)) & 2047)]++ as number;
      dst[2 * j] = lo;
      dst[2 * j + 1] = hi;
    }
  } else {
    for (let i = 0; i < n; i++) {
      const hi = src[2 * i + 1] as number;
      const j = counts[base + ((hi >>> s) & mask)]++ as number;
      dst[2 * j] = src[2 * i] as number;
      dst[2 * j + 1] = hi;
    }
  }
}

function scatterWithPayload(src: Uint32Array, dst: Uint32Array, from: Float64Array, to: Float64Array, counts: Uint32Array, p: number, n: number): void {
  const base = p * BUCKETS;
  const s = SHIFT[p] as number;
  const mask = MASK[p] as number;
  for (let i = 0; i < n; i++) {
    const lo = src[2 * i] as number;
    const hi = src[2 * i + 1] as number;
    const d = p < 2 ? (lo >>> s) & mask : p === 2 ? ((lo >>> 22) | (hi << 10)) & 2047 : (hi >>> s) & mask;
    const j = counts[base + d]++ as number;
    dst[2 * j] = lo;
    dst[2 * j + 1] = hi;
    to[j] = from[i] as number;
  }
}

/** The high words' three digits (11, 11 and 10 bits) counted in one read: counts[p * BUCKETS + d]. */
function countHighDigits(src: Uint32Array, n: number, counts: Uint32Array): void {
  for (let i = 0; i < n; i++) {
    const hi = src[2 * i + 1] as number;
    counts[hi & 2047]++;
    counts[BUCKETS + ((hi >>> 11) & 2047)]++;
    counts[2 * BUCKETS + (hi >>> 22)]++;
  }
}

function scatterHigh(src: Uint32Array, dst: Uint32Array, counts: Uint32Array, p: number, n: number): void {
  const base = p * BUCKETS;
  const s = 11 * p;
  const mask = p < 2 ? 2047 : 1023;
  for (let i = 0; i < n; i++) {
    const hi = src[2 * i + 1] as number;
    const j = counts[base + ((hi >>> s) & mask)]++ as number;
    dst[2 * j] = src[2 * i] as number;
    dst[2 * j + 1] = hi;
  }
}

/** Runs longer than this are sorted by the built-in sort of their low words, not by insertion. */
const INSERTION_MAX = 24;

/**
 * Keys already in order of their high words, put in full order: each run of equal high words is
 * sorted by its low words (in place: insertion for short runs, the built-in sort of a copy for
 * long ones, which a run of one repeated value skips after one read).
 */
function orderLowWords(u: Uint32Array, n: number): void {
  let scratch: Uint32Array | null = null;
  let i = 0;
  while (i < n) {
    const hi = u[2 * i + 1] as number;
    let j = i + 1;
    let sorted = true;
    while (j < n && u[2 * j + 1] === hi) {
      if ((u[2 * j] as number) < (u[2 * j - 2] as number)) sorted = false;
      j++;
    }
    if (!sorted) {
      if (j - i <= INSERTION_MAX) {
        for (let k = i + 1; k < j; k++) {
          const lo = u[2 * k] as number;
          let m = k - 1;
          while (m >= i && (u[2 * m] as number) > lo) {
            u[2 * m + 2] = u[2 * m] as number;
            m--;
          }
          u[2 * m + 2] = lo;
        }
      } else {
        if (scratch === null || scratch.length < j - i) scratch = new Uint32Array(Math.max(j - i, 1024));
        const run = scratch.subarray(0, j - i);
        for (let k = i; k < j; k++) run[k - i] = u[2 * k] as number;
        run.sort();
        for (let k = i; k < j; k++) u[2 * k] = run[k - i] as number;
      }
    }
    i = j;
  }
}

/**
 * Without a payload: three passes on the high words (sign, exponent and the top 20 bits of the
 * mantissa) instead of six on both, then the runs of equal high words ordered by their low words.
 * Scores spread over [0, 1] leave a handful of keys per run, so the tie pass is one read; the
 * order is that of the six-pass sort (equal keys are equal values, so stability cannot show).
 * On 2M full-precision scores 57 -> 47 CPU-ms, on 3M six-decimal ones 78 -> 60.
 */
function sortKeysByHighWords(keys: Float64Array, n: number): void {
  let src: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  let dst: Uint32Array = new Uint32Array(n * 2);
  toOrderedBits(src, n);
  const counts = new Uint32Array(3 * BUCKETS);
  countHighDigits(src, n, counts);
  for (let p = 0; p < 3; p++) {
    if (!offsets(counts, p, n)) continue;
    scatterHigh(src, dst, counts, p, n);
    [src, dst] = [dst, src];
  }
  orderLowWords(src, n);
  fromOrderedBits(src, n);
  if (src.buffer !== keys.buffer) keys.set(new Float64Array(src.buffer, 0, n));
}

/** Sorts `keys` ascending in place; `payload`, when given, is permuted the same way. */
export function radixSortFloat64(keys: Float64Array, payload: Float64Array | null = null): void {
  const n = keys.length;
  if (payload !== null && payload.length !== n) throw new RangeError('payload and keys differ in length');
  if (n < RADIX_MIN) {
    smallSort(keys, payload);
    return;
  }
  if (payload === null) {
    sortKeysByHighWords(keys, n);
    return;
  }
  let src: Uint32Array = new Uint32Array(keys.buffer, keys.byteOffset, n * 2);
  let dst: Uint32Array = new Uint32Array(n * 2);
  let srcPay: Float64Array | null = payload;
  let dstPay: Float64Array | null = payload === null ? null : new Float64Array(n);
  toOrderedBits(src, n);
  const counts = new Uint32Array(PASSES * BUCKETS);
  countDigits(src, n, counts);
  for (let p = 0; p < PASSES; p++) {
    if (!offsets(counts, p, n)) continue;
    if (srcPay === null) scatter(src, dst, counts, p, n);
    else {
      scatterWithPayload(src, dst, srcPay, dstPay as Float64Array, counts, p, n);
      [srcPay, dstPay] = [dstPay, srcPay];
    }
    [src, dst] = [dst, src];
  }
  fromOrderedBits(src, n);
  if (src.buffer !== keys.buffer) keys.set(new Float64Array(src.buffer, 0, n));
  if (payload !== null && srcPay !== payload) payload.set(srcPay as Float64Array);
}

function smallSort(keys: Float64Array, payload: Float64Array | null): void {
  if (payload === null) {
    keys.sort();
    return;
  }
  const order = new Uint32Array(keys.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Ties keep their input order so the result does not depend on the engine's sort.
  order.sort((a, b) => (keys[a] as number) - (keys[b] as number) || a - b);
  const k = Float64Array.from(order, (i) => keys[i] as number);
  const p = Float64Array.from(order, (i) => payload[i] as number);
  keys.set(k);
  payload.set(p);
}
