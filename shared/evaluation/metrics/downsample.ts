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
