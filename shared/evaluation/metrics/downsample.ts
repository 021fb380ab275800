/**
 * Picks at most `max` of `total` curve points, evenly spaced by index, always keeping the first and
 * the last exactly, so a chart of a 10M-point curve gets a few thousand points with true ends.
 */
export function sampledIndices(total: number, max: number): Int32Array {
  if (total <= max) {
    const all = new Int32Array(total);
    for (let i = 0; i < total; i++) all[i] = i;
    return all;
  }
  const out = new Int32Array(max);
  for (let k = 0; k < max; k++) out[k] = Math.round((k * (total - 1)) / (max - 1));
  return out;
}

/** Writes the sampled values of a stream of `total` points into arrays, in arrival order or reversed. */
export class CurveSampler {
  private readonly wanted: Int32Array;
  private next = 0;
  private seen = 0;
  readonly size: number;

  constructor(total: number, max: number, private readonly reversed = false) {
    this.wanted = sampledIndices(total, Math.max(2, max));
    this.size = this.wanted.length;
  }

  /** The stream index of the next point to keep (Infinity once every point is kept). */
  get nextIndex(): number {
    return this.next < this.wanted.length ? (this.wanted[this.next] as number) : Infinity;
  }

  /** Keeps the point at nextIndex (for callers that skip ahead instead of calling slot() per point): its output slot. */
  take(): number {
    const k = this.next++;
    return this.reversed ? this.size - 1 - k : k;
  }

  /** Carries on at stream index `seen`, the points before it passed by (none of them wanted, or already kept). */
  skipTo(seen: number): void {
    this.seen = seen;
  }

  /** Call once per point in stream order; returns the output slot for a kept point, or -1. */
  slot(): number {
    const index = this.seen++;
    if (this.next < this.wanted.length && this.wanted[this.next] === index) {
      const k = this.next++;
      return this.reversed ? this.size - 1 - k : k;
    }
    return -1;
  }
}
