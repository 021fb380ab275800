import type { ChartBuckets } from '../../../shared/track/downsample';

/**
 * The chart buckets of shared/track/downsample.ts computed while the segments of a long series
 * stream past, so a 1,000,000-point series is never copied into one array first. Same buckets,
 * same values: the step range [first step, last step] cut into `buckets` equal slices, each
 * non-empty slice one point at its first step with the mean, min and max of its finite values.
 */
export class BucketStream {
  readonly out: ChartBuckets = { steps: [], values: [], mins: [], maxs: [], nonFinite: 0 };
  private current = -1;
  private sum = 0;
  private count = 0;
  private finite = 0;
  private readonly width: number;

  constructor(
    private readonly lo: number,
    hi: number,
    private readonly buckets: number,
  ) {
    this.width = (hi - lo) / buckets;
  }

  /** Feeds points in step order. */
  add(steps: Float64Array, values: Float64Array): void {
    const { out, lo, width, buckets } = this;
    const last = buckets - 1;
    for (let i = 0; i < values.length; i++) {
      const v = values[i]!;
      if (v - v !== 0) {
        out.nonFinite++;
        continue;
      }
      this.finite++;
      const s = steps[i]!;
      let b = width > 0 ? Math.floor((s - lo) / width) : 0;
      if (b > last) b = last;
      if (b !== this.current) {
        this.close();
        this.current = b;
        out.steps.push(s);
        out.mins.push(v);
        out.maxs.push(v);
      } else {
        const k = out.mins.length - 1;
        if (v < out.mins[k]!) out.mins[k] = v;
        if (v > out.maxs[k]!) out.maxs[k] = v;
      }
      this.sum += v;
      this.count++;
    }
  }

  /**
   * The buckets, or null when no more finite values came than there are buckets (then the
   * series is drawn point by point instead, as downsampleSeries does).
   */
  finish(): ChartBuckets | null {
    this.close();
    return this.finite > this.buckets ? this.out : null;
  }

  private close(): void {
    if (this.count === 0) return;
    this.out.values.push(this.sum / this.count);
    this.sum = 0;
    this.count = 0;
  }
}
