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
  /**
   * Values not yet added, in arrival order (see addQueued); null until the reservoir is full.
   * Every reader of the part adds them first (settlePart).
   */
  queue: Float64Array | null;
  queued: number;
}

/** Values added at once once the reservoir replaces (see addQueued). */
const QUEUE = 512;

/**
 * The sample array starts small and doubles as it fills, up to NUMERIC_SAMPLE_CAP: allocated at
 * the cap it cost 256 KB per column up front, 3 GB for a 12,000-column file of 50 rows.
 */
const INITIAL_SAMPLE = 64;

export function newNumericPart(seed: number, initial = INITIAL_SAMPLE): NumericPart {
  return { moments: emptyMoments(), sample: new Float64Array(Math.min(NUMERIC_SAMPLE_CAP, initial)), slots: new ReservoirSlots(NUMERIC_SAMPLE_CAP, seed), queue: null, queued: 0 };
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

/**
 * Add the value held in src[0], as addToPart does, but once the reservoir is full (from then on
 * it replaces values at random places of a 256 KB array) values wait in a queue and are added 512
 * at a time, in arrival order, with the sample and the generator's state still in the nearest
 * cache: added one by one, between a row's other columns, each replacement found them evicted.
 */
export function addQueued(part: NumericPart, src: Float64Array): void {
  const queue = part.queue;
  if (queue !== null) {
    queue[part.queued++] = src[0]!;
    if (part.queued === QUEUE) settlePart(part);
    return;
  }
  addToPart(part, src, 0);
  if (part.slots.seen >= NUMERIC_SAMPLE_CAP) part.queue = new Float64Array(QUEUE);
}

/** Add the queued values (every reader of a part calls this first). */
export function settlePart(part: NumericPart): void {
  const queue = part.queue;
  const n = part.queued;
  if (queue === null || n === 0) return;
  part.queued = 0;
  const moments = part.moments;
  const slots = part.slots;
  for (let i = 0; i < n; i++) {
    addMomentFrom(moments, queue, i);
    const slot = slots.offer();
    if (slot >= 0) putSample(part, slot, queue[i]!);
  }
}

/** An independent copy (the time column keeps a second reading while its date order is open). */
export function copyNumericPart(part: NumericPart): NumericPart {
  settlePart(part);
  return { moments: part.moments.slice(), sample: part.sample.slice(), slots: part.slots.copy(), queue: part.queue === null ? null : new Float64Array(QUEUE), queued: 0 };
}

/** The filled part of a numeric reservoir. */
export function sampleValues(part: NumericPart): Float64Array {
  settlePart(part);
  return part.sample.subarray(0, Math.min(part.slots.seen, part.sample.length));
}

export function mergeNumericParts(a: NumericPart, b: NumericPart, seed: number): NumericPart {
  settlePart(a);
  settlePart(b);
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
  // Draw `cap` of the nA + nB values without replacement: the next one comes from A with
  // probability (A's values not yet drawn) / (all not yet drawn), and is a uniform pick among the
  // values of A's sample not yet taken (a partial Fisher-Yates shuffle: a reservoir's slot order
  // leans towards file order). Each part's sample is uniform, so the merged one is too.
  let x = (seed ^ 0x2545f491) >>> 0 || 1;
  const next = (): number => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const restA = a.slice();
  const restB = b.slice();
  const out = new Float64Array(cap);
  let ia = 0;
  let ib = 0;
  let remA = nA;
  let remB = nB;
  for (let k = 0; k < cap; k++) {
    const takeA = ib >= restB.length || (ia < restA.length && next() * (remA + remB) < remA);
    const rest = takeA ? restA : restB;
    const at = takeA ? ia++ : ib++;
    const j = at + Math.floor(next() * (rest.length - at));
    out[k] = rest[j]!;
    rest[j] = rest[at]!;
    if (takeA) remA--;
    else remB--;
  }
  return out;
}
