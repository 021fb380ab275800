/**
 * A numeric column's streamed state: moments (exact mean, std, skewness, min, max) and a uniform
 * reservoir of values (quantiles, histogram), mergeable across threads.
 */
import { addMomentFrom, emptyMoments, mergeMoments, type MomentsState } from '../sketch/moments';
import { ReservoirSlots } from '../sketch/reservoir';

/**
 * Values kept per numeric column for quantiles and histograms; exact below this count, else a
 * uniform sample (rank error of a quantile about 0.3% at the median). Larger caps cost more
 * reservoir replacements (k ln(n/k)) on big files.
 */
export const NUMERIC_SAMPLE_CAP = 1 << 15;

export interface NumericPart {
  moments: MomentsState;
  sample: Float64Array;
  slots: ReservoirSlots;
}

/**
 * The sample array starts small and doubles as it fills, up to NUMERIC_SAMPLE_CAP: allocated at
 * the cap it cost 256 KB per column up front, 3 GB for a 12,000-column file of 50 rows.
 */
const INITIAL_SAMPLE = 64;

export function newNumericPart(seed: number, initial = INITIAL_SAMPLE): NumericPart {
  return { moments: emptyMoments(), sample: new Float64Array(Math.min(NUMERIC_SAMPLE_CAP, initial)), slots: new ReservoirSlots(NUMERIC_SAMPLE_CAP, seed) };
}

/** Stores a sampled value at `slot`; slots below the cap arrive in order, so one doubling suffices. */
export function putSample(part: NumericPart, slot: number, v: number): void {
  if (slot >= part.sample.length) {
    const bigger = new Float64Array(Math.min(NUMERIC_SAMPLE_CAP, part.sample.length * 2));
    bigger.set(part.sample);
    part.sample = bigger;
  }
  part.sample[slot] = v;
}

/** Add the value held in src[at] (hot path: no double crosses a call). */
export function addToPart(part: NumericPart, src: Float64Array, at: number): void {
  addMomentFrom(part.moments, src, at);
  const slot = part.slots.offer();
  if (slot >= 0) putSample(part, slot, src[at]!);
}

/** An independent copy (the time column keeps a second reading while its date order is open). */
export function copyNumericPart(part: NumericPart): NumericPart {
  return { moments: part.moments.slice(), sample: part.sample.slice(), slots: part.slots.copy() };
}

/** The filled part of a numeric reservoir. */
export function sampleValues(part: NumericPart): Float64Array {
  return part.sample.subarray(0, Math.min(part.slots.seen, part.sample.length));
}

export function mergeNumericParts(a: NumericPart, b: NumericPart, seed: number): NumericPart {
  const merged = mergeSampleArrays(sampleValues(a), a.slots.seen, sampleValues(b), b.slots.seen, seed);
  const out = newNumericPart(seed, merged.length);
  out.moments = mergeMoments(a.moments, b.moments);
  out.sample.set(merged);
  // The merged part is only read from now on; `seen` records the population it represents.
  out.slots.seen = a.slots.seen + b.slots.seen;
  return out;
}

function mergeSampleArrays(a: Float64Array, nA: number, b: Float64Array, nB: number, seed: number): Float64Array {
  const cap = NUMERIC_SAMPLE_CAP;
  if (nA + nB <= cap) {
    const out = new Float64Array(a.length + b.length);
    out.set(a);
    out.set(b, a.length);
    return out;
  }
  // Draw each output value from A with probability proportional to the population it stands for.
  // The inputs are shuffled first: a reservoir's slot order still leans towards file order.
  let x = (seed ^ 0x2545f491) >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  a = shuffled(a, next);
  b = shuffled(b, next);
  const out = new Float64Array(cap);
  let ia = 0;
  let ib = 0;
  let remA = nA;
  let remB = nB;
  const perA = a.length ? nA / a.length : 0;
  const perB = b.length ? nB / b.length : 0;
  for (let k = 0; k < cap; k++) {
    const u = next();
    const takeA = ib >= b.length || (ia < a.length && u * (remA + remB) < remA);
    if (takeA) {
      out[k] = a[ia++]!;
      remA = Math.max(0, remA - perA);
    } else {
      out[k] = b[ib++]!;
      remB = Math.max(0, remB - perB);
    }
  }
  return out;
}

function shuffled(values: Float64Array, next: () => number): Float64Array {
  const out = values.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    const t = out[i]!;
    out[i] = out[j]!;
    out[j] = t;
  }
  return out;
}
