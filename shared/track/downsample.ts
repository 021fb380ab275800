/**
 * Downsampling a metric series for a chart: the step range is cut into `buckets` equal slices and
 * each non-empty slice becomes one point at its first step with the mean of its values and their
 * min/max envelope, so spikes stay visible however long the series. A series that already fits
 * is returned point by point. NaN and +/-Infinity cannot be drawn: they are left out and counted.
 * `steps` must be in ascending order (as the history is read).
 */
export interface ChartBuckets {
  steps: number[];
  values: number[];
  mins: number[];
  maxs: number[];
  nonFinite: number;
}

export function downsampleSeries(steps: ArrayLike<number>, values: ArrayLike<number>, buckets: number): ChartBuckets {
  const out: ChartBuckets = { steps: [], values: [], mins: [], maxs: [], nonFinite: 0 };
  const n = values.length;
  let finite = 0;
  for (let i = 0; i < n; i++) if (Number.isFinite(values[i] as number)) finite++;
  out.nonFinite = n - finite;
  if (finite <= buckets) {
    for (let i = 0; i < n; i++) {
      const v = values[i] as number;
      if (!Number.isFinite(v)) continue;
      out.steps.push(steps[i] as number);
      out.values.push(v);
      out.mins.push(v);
      out.maxs.push(v);
    }
    return out;
  }
  const lo = steps[0] as number;
  const hi = steps[n - 1] as number;
  const width = (hi - lo) / buckets;
  let current = -1;
  let sum = 0;
  let count = 0;
  const close = () => {
    if (count === 0) return;
    out.values.push(sum / count);
    sum = 0;
    count = 0;
  };
  for (let i = 0; i < n; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) continue;
    const s = steps[i] as number;
    const b = width > 0 ? Math.min(buckets - 1, Math.floor((s - lo) / width)) : 0;
    if (b !== current) {
      close();
      current = b;
      out.steps.push(s);
      out.mins.push(v);
      out.maxs.push(v);
    } else {
      const k = out.mins.length - 1;
      if (v < out.mins[k]!) out.mins[k] = v;
      if (v > out.maxs[k]!) out.maxs[k] = v;
    }
    sum += v;
    count++;
  }
  close();
  return out;
}
