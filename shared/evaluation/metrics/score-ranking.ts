/**
 * The one sort behind every curve. Scores are split by class and each class sorted on its own with
 * a radix sort on the float bits (no comparator, no index array; weights ride along);
 * walking both from the top visits each distinct score once, highest first, with the cumulative
 * weight of positives (tps) and negatives (fps) scoring at or above it: exactly the arrays
 * scikit-learn's _binary_clf_curve returns. Rows of weight 0 are left out, as scikit-learn does.
 */
import { DECIMAL_BUCKETS, addCounts, sortScores, writeCounted } from '../stats/decimal-counts';
import { radixSortFloat64 } from '../stats/radix-sort';

export interface ScoreRanking {
  /** Scores of positive rows with non-zero weight, ascending. */
  readonly positiveScores: Float64Array;
  /** Their weights, aligned; null when every weight is 1. */
  readonly positiveWeights: Float64Array | null;
  readonly negativeScores: Float64Array;
  readonly negativeWeights: Float64Array | null;
  /** Summed weights (row counts when unweighted). */
  readonly positiveTotal: number;
  readonly negativeTotal: number;
  /**
   * Unweighted scores with at most six decimals, counted (decimal-counts.ts): rows of each class
   * holding k / 1e6. The walk reads these (one step per possible value, no comparisons) and the
   * sorted arrays above are only written when something else reads them.
   */
  readonly counts?: { readonly positive: Int32Array; readonly negative: Int32Array };
  /**
   * Unweighted scores sorted in two runs per class (two byte ranges of a file, sorted on the
   * threads that read them): the walk reads the four runs (threshold-walk.ts) and the sorted
   * arrays above are only merged when something else reads them.
   */
  readonly runs?: { readonly positive: readonly [Float64Array, Float64Array]; readonly negative: readonly [Float64Array, Float64Array] };
}

/**
 * Bootstrap multiplicities aligned to the sorted class arrays: the k-th sorted positive counts
 * `positive[k]` times. Used to re-walk the same ranking for a resample without re-sorting.
 */
export interface RankingMultiplicity {
  positive: Uint16Array;
  negative: Uint16Array;
}

/**
 * `isPositive[i]` is 1 when row i's true label is the positive class. Scores must be finite
 * (checked by the caller). `include[i] === 0` leaves a row out (used for slices).
 */
export function rankScores(scores: Float64Array, isPositive: Uint8Array, weights: Float64Array | null = null, include: Uint8Array | null = null): ScoreRanking {
  const n = scores.length;
  let np = 0;
  let nn = 0;
  for (let i = 0; i < n; i++) {
    if (include !== null && include[i] === 0) continue;
    if (weights !== null && weights[i] === 0) continue;
    if (isPositive[i] === 1) np++;
    else nn++;
  }
  const pos = new Float64Array(np);
  const neg = new Float64Array(nn);
  const pw = weights === null ? null : new Float64Array(np);
  const nw = weights === null ? null : new Float64Array(nn);
  let a = 0;
  let b = 0;
  let positiveTotal = 0;
  let negativeTotal = 0;
  for (let i = 0; i < n; i++) {
    if (include !== null && include[i] === 0) continue;
    const w = weights === null ? 1 : (weights[i] as number);
    if (w === 0) continue;
    if (isPositive[i] === 1) {
      pos[a] = scores[i] as number;
      if (pw !== null) pw[a] = w;
      a++;
      positiveTotal += w;
    } else {
      neg[b] = scores[i] as number;
      if (nw !== null) nw[b] = w;
      b++;
      negativeTotal += w;
    }
  }
  if (pw === null) sortScores(pos);
  else radixSortFloat64(pos, pw);
  if (nw === null) sortScores(neg);
  else radixSortFloat64(neg, nw);
  return { positiveScores: pos, positiveWeights: pw, negativeScores: neg, negativeWeights: nw, positiveTotal, negativeTotal };
}

/** True when `b` must come before `a` in a sort of float bits: smaller, or -0 against +0. */
function before(b: number, a: number): boolean {
  return b < a || (b === 0 && a === 0 && 1 / b < 0 && 1 / a > 0);
}

/**
 * One ascending array from ascending runs, equal to radixSortFloat64 of their concatenation (ties
 * keep run order, which cannot be seen without a payload; -0 before +0).
 */
export function mergeSorted(runs: readonly Float64Array[]): Float64Array {
  if (runs.length === 0) return new Float64Array(0);
  if (runs.length === 1) return runs[0] as Float64Array;
  const half = runs.length >> 1;
  const a = mergeSorted(runs.slice(0, half));
  const b = mergeSorted(runs.slice(half));
  const out = new Float64Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (before(y, x)) {
      out[k++] = y;
      j++;
    } else {
      out[k++] = x;
      i++;
    }
  }
  while (i < a.length) out[k++] = a[i++] as number;
  while (j < b.length) out[k++] = b[j++] as number;
  return out;
}

/** Scores of one class sorted ascending, or counted per six-decimal value (decimal-counts.ts). */
export type SortedScores = { sorted: Float64Array; counts?: undefined } | { counts: Int32Array; rows: number; sorted?: undefined };

type CountedScores = Extract<SortedScores, { counts: Int32Array }>;

function countedOnly(parts: readonly SortedScores[]): parts is readonly CountedScores[] {
  return parts.every((p) => p.counts !== undefined);
}

/** The parts' counts added up (the first part's array is reused). */
function addedUp(parts: readonly CountedScores[]): { counts: Int32Array; rows: number } {
  if (parts.length === 0) return { counts: new Int32Array(DECIMAL_BUCKETS), rows: 0 };
  const counts = parts[0]!.counts;
  for (const p of parts.slice(1)) addCounts(counts, p.counts);
  return { counts, rows: parts.reduce((s, p) => s + p.rows, 0) };
}

/** The values a class's counts describe, ascending. */
function written(c: { counts: Int32Array; rows: number }): Float64Array {
  const out = new Float64Array(c.rows);
  writeCounted(c.counts, out);
  return out;
}

/**
 * A ranking of unweighted counted scores. The sorted arrays are written on first read: the
 * report's walks read the counts, so without bootstrap intervals they are never written.
 */
export function countedRanking(positive: { counts: Int32Array; rows: number }, negative: { counts: Int32Array; rows: number }): ScoreRanking {
  let pos: Float64Array | null = null;
  let neg: Float64Array | null = null;
  return {
    get positiveScores() {
      return (pos ??= written(positive));
    },
    get negativeScores() {
      return (neg ??= written(negative));
    },
    positiveWeights: null,
    negativeWeights: null,
    positiveTotal: positive.rows,
    negativeTotal: negative.rows,
    counts: { positive: positive.counts, negative: negative.counts },
  };
}

/** One class's parts as one ascending array: counted parts are written out, then all merged. */
function joinParts(parts: readonly SortedScores[]): Float64Array {
  return mergeSorted(
    parts.map((p) => {
      if (p.counts === undefined) return p.sorted;
      return written(p);
    }),
  );
}

/**
 * The ranking of unweighted rows from each class's scores sorted in parts (e.g. per byte range of
 * a file, on the threads that read them): exactly rankScores of all the rows.
 */
export function rankingFromSortedParts(positive: readonly SortedScores[], negative: readonly SortedScores[]): ScoreRanking {
  if (countedOnly(positive) && countedOnly(negative) && positive.length + negative.length > 0) return countedRanking(addedUp(positive), addedUp(negative));
  if (positive.length === 2 && negative.length === 2 && [...positive, ...negative].every((p) => p.sorted !== undefined)) {
    const [p1, p2] = positive.map((p) => p.sorted!) as [Float64Array, Float64Array];
    const [n1, n2] = negative.map((p) => p.sorted!) as [Float64Array, Float64Array];
    return runsRanking(p1, p2, n1, n2);
  }
  const pos = joinParts(positive);
  const neg = joinParts(negative);
  return { positiveScores: pos, positiveWeights: null, negativeScores: neg, negativeWeights: null, positiveTotal: pos.length, negativeTotal: neg.length };
}

/**
 * A ranking of unweighted scores sorted in two runs per class. The walks read the runs; the class
 * arrays are merged on first read (bootstrap groups, slices), as mergeSorted always merged them.
 */
function runsRanking(p1: Float64Array, p2: Float64Array, n1: Float64Array, n2: Float64Array): ScoreRanking {
  let pos: Float64Array | null = null;
  let neg: Float64Array | null = null;
  return {
    get positiveScores() {
      return (pos ??= mergeSorted([p1, p2]));
    },
    get negativeScores() {
      return (neg ??= mergeSorted([n1, n2]));
    },
    positiveWeights: null,
    negativeWeights: null,
    positiveTotal: p1.length + p2.length,
    negativeTotal: n1.length + n2.length,
    runs: { positive: [p1, p2], negative: [n1, n2] },
  };
}

/** The lowest and highest score of a ranking of sorted arrays or runs (Infinity and -Infinity when empty). */
export function scoreRange(r: ScoreRanking): { low: number; high: number } {
  const arrays = r.runs !== undefined ? [...r.runs.positive, ...r.runs.negative] : [r.positiveScores, r.negativeScores];
  let low = Infinity;
  let high = -Infinity;
  for (const a of arrays) {
    if (a.length === 0) continue;
    low = Math.min(low, a[0]!);
    high = Math.max(high, a[a.length - 1]!);
  }
  return { low, high };
}

/** Number of rows (with non-zero weight) in the ranking. */
export function rankingRows(r: ScoreRanking): number {
  if (r.counts !== undefined || r.runs !== undefined) return r.positiveTotal + r.negativeTotal;
  return r.positiveScores.length + r.negativeScores.length;
}
