/**
 * Uniform reservoir sampling, Li's "Algorithm L": after the reservoir fills, the number of items
 * to skip is drawn directly, so the per-item cost is one counter comparison and random numbers
 * are drawn only on the (k * ln(n / k)) replacements. Invariant: while `seen <= capacity` the
 * reservoir holds every item offered, in order, which makes small inputs exact.
 */
import { SeededRandom } from './seeded-random';

export class ReservoirSlots {
  seen = 0;
  private nextTake = 0;
  private w = 0;
  private readonly random: SeededRandom;

  constructor(
    readonly capacity: number,
    seed: number,
  ) {
    this.random = new SeededRandom(seed);
    this.w = Math.exp(Math.log(this.random.nextOpen()) / capacity);
    this.nextTake = capacity + Math.floor(Math.log(this.random.nextOpen()) / Math.log(1 - this.w));
  }

  /** Count one item; returns the slot to write it to, or -1 to drop it. */
  offer(): number {
    const i = this.seen++;
    if (i < this.capacity) return i;
    if (i !== this.nextTake) return -1;
    return this.replace();
  }

  /** An independent copy that continues the same stream of decisions. */
  copy(): ReservoirSlots {
    const c = Object.assign(Object.create(ReservoirSlots.prototype) as ReservoirSlots, this);
    (c as unknown as { random: SeededRandom }).random = this.random.copy();
    return c;
  }

  /** The rare replacement step, kept out of offer() so that V8 inlines offer() into the row loop. */
  private replace(): number {
    const slot = Math.floor(this.random.next() * this.capacity);
    this.w *= Math.exp(Math.log(this.random.nextOpen()) / this.capacity);
    this.nextTake += Math.floor(Math.log(this.random.nextOpen()) / Math.log(1 - this.w)) + 1;
    return slot;
  }
}

/**
 * Merge two uniform samples of disjoint populations (sizes nA, nB) into one uniform sample of at
 * most `capacity` items. Each pick comes from A with probability proportional to the population
 * it still represents. When nA + nB <= capacity both samples are complete and are concatenated.
 */
export function mergeSamples<T>(a: T[], nA: number, b: T[], nB: number, capacity: number, seed: number): T[] {
  if (nA + nB <= capacity) return a.concat(b);
  const random = new SeededRandom(seed);
  const out: T[] = [];
  let ia = 0;
  let ib = 0;
  let remA = nA;
  let remB = nB;
  const perA = a.length > 0 ? nA / a.length : 0;
  const perB = b.length > 0 ? nB / b.length : 0;
  while (out.length < capacity && (ia < a.length || ib < b.length)) {
    const takeA = ib >= b.length || (ia < a.length && random.next() * (remA + remB) < remA);
    if (takeA) {
      out.push(a[ia++]!);
      remA = Math.max(0, remA - perA);
    } else {
      out.push(b[ib++]!);
      remB = Math.max(0, remB - perB);
    }
  }
  return out;
}

/** Shuffle-free uniform subsample: the first `k` of a uniform random permutation prefix. */
export function subsample<T>(items: T[], k: number, seed: number): T[] {
  if (items.length <= k) return items.slice();
  const random = new SeededRandom(seed);
  const copy = items.slice();
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(random.next() * (copy.length - i));
    const t = copy[i]!;
    copy[i] = copy[j]!;
    copy[j] = t;
  }
  return copy.slice(0, k);
}
