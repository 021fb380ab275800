/**
 * Streaming moments for mean, sample std and skewness without keeping the values. The hot path
 * adds shifted power sums (d = x - shift, with shift = the first value seen), which costs no
 * division per value (Welford's update costs one) and stays accurate as long as the shift is
 * of the data's order of magnitude; central moments are derived once at the end, and parts from
 * worker threads merge with Chan's pairwise formulas.
 */
export interface MomentsState {
  n: number;
  shift: number;
  s1: number;
  s2: number;
  s3: number;
  min: number;
  max: number;
  zeros: number;
  negatives: number;
}

export interface CentralMoments {
  n: number;
  mean: number;
  /** sum((x - mean)^2) */
  m2: number;
  /** sum((x - mean)^3) */
  m3: number;
}

export function emptyMoments(): MomentsState {
  return { n: 0, shift: NaN, s1: 0, s2: 0, s3: 0, min: Infinity, max: -Infinity, zeros: 0, negatives: 0 };
}

export function addMoment(s: MomentsState, x: number): void {
  if (s.n === 0) s.shift = x;
  const d = x - s.shift;
  const d2 = d * d;
  s.s1 += d;
  s.s2 += d2;
  s.s3 += d2 * d;
  s.n++;
  if (x < s.min) s.min = x;
  if (x > s.max) s.max = x;
  if (x === 0) s.zeros++;
  else if (x < 0) s.negatives++;
}

export function centralMoments(s: MomentsState): CentralMoments {
  if (s.n === 0) return { n: 0, mean: 0, m2: 0, m3: 0 };
  const n = s.n;
  const mu = s.s1 / n; // mean of d
  const m2 = Math.max(0, s.s2 - n * mu * mu);
  const m3 = s.s3 - 3 * mu * s.s2 + 2 * n * mu * mu * mu;
  return { n, mean: s.shift + mu, m2, m3 };
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
 * Merge two states into one state with the same central moments, re-expressed as power sums
 * around the merged mean (so later additions, if any, stay well conditioned).
 */
export function mergeMoments(a: MomentsState, b: MomentsState): MomentsState {
  if (a.n === 0) return { ...b };
  if (b.n === 0) return { ...a };
  const c = mergeCentral(centralMoments(a), centralMoments(b));
  return {
    n: c.n,
    shift: c.mean,
    s1: 0,
    s2: c.m2,
    s3: c.m3,
    min: Math.min(a.min, b.min),
    max: Math.max(a.max, b.max),
    zeros: a.zeros + b.zeros,
    negatives: a.negatives + b.negatives,
  };
}

/** Sample standard deviation (n - 1), 0 for fewer than two values. */
export function sampleStd(c: CentralMoments): number {
  return c.n > 1 ? Math.sqrt(c.m2 / (c.n - 1)) : 0;
}
