/**
 * Streaming moments for mean, sample std and skewness without keeping the values. The hot path
 * adds shifted power sums (d = x - shift, with shift = the first value seen), which costs no
 * division per value (Welford's update costs one) and stays accurate as long as the shift is
 * of the data's order of magnitude; central moments are derived once at the end, and parts from
 * worker threads merge with Chan's pairwise formulas.
 */
/**
 * State as a Float64Array (stores into a typed array never allocate; object fields holding
 * doubles may box). Indices below.
 */
export type MomentsState = Float64Array;
export const N = 0;
const SHIFT = 1;
const S1 = 2;
const S2 = 3;
const S3 = 4;
export const MIN = 5;
export const MAX = 6;
export const ZEROS = 7;
export const NEGATIVES = 8;

export interface CentralMoments {
  n: number;
  mean: number;
  /** sum((x - mean)^2) */
  m2: number;
  /** sum((x - mean)^3) */
  m3: number;
}

export function emptyMoments(): MomentsState {
  const s = new Float64Array(9);
  s[SHIFT] = NaN;
  s[MIN] = Infinity;
  s[MAX] = -Infinity;
  return s;
}

/** Add the value held in src[at]. */
export function addMomentFrom(s: MomentsState, src: Float64Array, at: number): void {
  const x = src[at]!;
  if (s[N] === 0) s[SHIFT] = x;
  const d = x - s[SHIFT]!;
  const d2 = d * d;
  s[S1] += d;
  s[S2] += d2;
  s[S3] += d2 * d;
  s[N] += 1;
  if (x < s[MIN]!) s[MIN] = x;
  if (x > s[MAX]!) s[MAX] = x;
  if (x === 0) s[ZEROS] += 1;
  else if (x < 0) s[NEGATIVES] += 1;
}

const one = new Float64Array(1);

export function addMoment(s: MomentsState, x: number): void {
  one[0] = x;
  addMomentFrom(s, one, 0);
}

export function centralMoments(s: MomentsState): CentralMoments {
  const n = s[N]!;
  if (n === 0) return { n: 0, mean: 0, m2: 0, m3: 0 };
  const mu = s[S1]! / n; // mean of d
  const m2 = Math.max(0, s[S2]! - n * mu * mu);
  const m3 = s[S3]! - 3 * mu * s[S2]! + 2 * n * mu * mu * mu;
  return { n, mean: s[SHIFT]! + mu, m2, m3 };
}

/** Combine central moments of two disjoint parts (Chan et al.). */
export function mergeCentral(a: CentralMoments, b: CentralMoments): CentralMoments {
  if (a.n === 0) return b;
  if (b.n === 0) return a;
  const n = a.n + b.n;
  const delta = b.mean - a.mean;
  const delta2 = delta * delta;
  return {
    n,
    mean: a.mean + (delta * b.n) / n,
    m2: a.m2 + b.m2 + (delta2 * a.n * b.n) / n,
    m3: a.m3 + b.m3 + (delta * delta2 * a.n * b.n * (a.n - b.n)) / (n * n) + (3 * delta * (a.n * b.m2 - b.n * a.m2)) / n,
  };
}

/**
 * Merge two states into one with the same central moments, re-expressed as power sums around
 * the merged mean (so later additions, if any, stay well conditioned).
 */
export function mergeMoments(a: MomentsState, b: MomentsState): MomentsState {
  if (a[N] === 0) return b.slice();
  if (b[N] === 0) return a.slice();
  const c = mergeCentral(centralMoments(a), centralMoments(b));
  const out = emptyMoments();
  out[N] = c.n;
  out[SHIFT] = c.mean;
  out[S1] = 0;
  out[S2] = c.m2;
  out[S3] = c.m3;
  out[MIN] = Math.min(a[MIN]!, b[MIN]!);
  out[MAX] = Math.max(a[MAX]!, b[MAX]!);
  out[ZEROS] = a[ZEROS]! + b[ZEROS]!;
  out[NEGATIVES] = a[NEGATIVES]! + b[NEGATIVES]!;
  return out;
}

/** Sample standard deviation (n - 1), 0 for fewer than two values. */
export function sampleStd(c: CentralMoments): number {
  return c.n > 1 ? Math.sqrt(c.m2 / (c.n - 1)) : 0;
}
