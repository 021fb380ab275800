import { describe, expect, it } from 'vitest';
import { downsampleSeries } from '../../../shared/track/downsample';
import { BucketStream } from './series-buckets';

/** A seeded series with spikes, NaN and infinities, ascending steps with repeats. */
function series(n: number, seed: number): { steps: Float64Array; values: Float64Array } {
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const steps = new Float64Array(n);
  const values = new Float64Array(n);
  let s = 0;
  for (let i = 0; i < n; i++) {
    s += rnd() < 0.1 ? 0 : 1 + Math.floor(rnd() * 3);
    steps[i] = s;
    const r = rnd();
    values[i] = r < 0.01 ? Number.NaN : r < 0.015 ? Infinity : r < 0.02 ? -Infinity : r < 0.03 ? 1e6 * rnd() : Math.sin(i / 50) + rnd();
  }
  return { steps, values };
}

describe('streamed chart buckets', () => {
  it('equal downsampleSeries (the oracle) whatever the segment sizes', () => {
    for (const [n, buckets, seg] of [
      [100_000, 500, 1000],
      [20_000, 37, 333],
      [5_000, 4_000, 64],
      [1_001, 1000, 1],
    ] as const) {
      const { steps, values } = series(n, n + buckets);
      const expected = downsampleSeries(steps, values, buckets);
      const stream = new BucketStream(steps[0]!, steps[n - 1]!, buckets);
      for (let i = 0; i < n; i += seg) stream.add(steps.subarray(i, i + seg), values.subarray(i, i + seg));
      const got = stream.finish();
      if (got === null) expect(expected.steps.length).toBeLessThanOrEqual(buckets);
      else expect(got).toEqual(expected);
    }
  });
  it('hands the series back to the point-by-point path when few values are finite', () => {
    const stream = new BucketStream(0, 9, 5);
    stream.add(Float64Array.from([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), Float64Array.from([1, NaN, NaN, NaN, NaN, NaN, NaN, NaN, NaN, 2]));
    expect(stream.finish()).toBeNull();
  });
});
