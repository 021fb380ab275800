/**
 * Uniform reservoir sampling, Li's "Algorithm L": after the reservoir fills, the number of items
 * to skip is drawn directly, so the per-item cost is one counter comparison and random numbers
 * are drawn only on the (k * ln(n / k)) replacements. Invariant: while `seen <= capacity` the
 * reservoir holds every item offered, in order, which makes small inputs exact.
 */
import { SeededRandom } from './seeded-random';

/** The draws of one replacement step (see replace). */
const draws = new Float64Array(3);

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

  /**
   * Rebuild after a structured clone from a worker thread (which drops prototypes), generator
   * included: a part merged on the main thread may still add the values it had queued.
   */
  static revive(plain: ReservoirSlots): ReservoirSlots {
    const r = Object.setPrototypeOf(plain, ReservoirSlots.prototype) as ReservoirSlots;
    Object.setPrototypeOf(r.random, SeededRandom.prototype);
    return r;
  }

  /**
   * The rare replacement step, kept out of offer() so that V8 inlines offer() into the row loop.
   * Its three draws go through a typed array (SeededRandom.nextInto): no boxed number per draw.
   */
  private replace(): number {
    const random = this.random;
    random.nextInto(draws, 0, false);
    random.nextInto(draws, 1, true);
    random.nextInto(draws, 2, true);
    const slot = Math.floor(draws[0]! * this.capacity);
    this.w *= Math.exp(Math.log(draws[1]!) / this.capacity);
    this.nextTake += Math.floor(Math.log(draws[2]!) / Math.log(1 - this.w)) + 1;
    return slot;
  }
}

/**
 * Merge two uniform samples of disjoint populations (sizes nA, nB) into one uniform sample of at
 * most `capacity` items: drawing `capacity` of the nA + nB items without replacement takes each
 * next one from A with probability (A's items not yet drawn) / (all not yet drawn), so the count
 * from A is hypergeometric, and each pick is a uniformly chosen item of that side's sample not
 * yet taken (a reservoir's slot order leans towards file order, so it is not taken in order).
 * When nA + nB <= capacity both samples are complete and are concatenated.
 */
export function mergeSamples<T>(a: T[], nA: number, b: T[], nB: number, capacity: number, seed: number): T[] {
  if (nA + nB <= capacity) return a.concat(b);
  const random = new SeededRandom(seed);
  const restA = a.slice();
  const restB = b.slice();
  const out: T[] = [];
  let ia = 0;
  let ib = 0;
  let remA = nA;
  let remB = nB;
  while (out.length < capacity && (ia < restA.length || ib < restB.length)) {
    const takeA = ib >= restB.length || (ia < restA.length && random.next() * (remA + remB) < remA);
    if (takeA) {
      out.push(takeUniform(restA, ia++, random));
      remA--;
    } else {
      out.push(takeUniform(restB, ib++, random));
      remB--;
    }
  }
  return out;
}

/** One step of a Fisher-Yates shuffle: a uniform pick among items[at..], moved to `at`. */
function takeUniform<T>(items: T[], at: number, random: SeededRandom): T {
  const j = at + Math.floor(random.next() * (items.length - at));
  const t = items[j]!;
  items[j] = items[at]!;
  items[at] = t;
  return t;
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
