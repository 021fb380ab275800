/**
 * Quantiles, histogram and the contract's numeric summary from streamed moments plus the numeric
 * reservoir. Exact when the reservoir holds every value (count <= NUMERIC_SAMPLE_CAP); otherwise
 * quantiles and histogram counts are estimated from a uniform sample of NUMERIC_SAMPLE_CAP (32,768)
 * values (the median's rank is off by about 0.28 percentile points at one standard deviation,
 * sqrt(0.25 / 32768)) and the histogram is scaled to the true count.
 */
import type { Histogram, NumericSummary, Quantiles } from '../../../../shared/quality/check-input';
import { skewnessFromMoments } from '../../../../shared/evaluation/stats/skewness';
import { centralMoments, MAX, MIN, N, NEGATIVES, sampleStd, ZEROS } from '../sketch/moments';
import { subsample } from '../sketch/reservoir';
import { sampleValues, settlePart, type NumericPart } from './numeric-part';

export const HISTOGRAM_BINS = 20;
export const CONTRACT_SAMPLE_CAP = 10_000;

/** Quantile with linear interpolation between closest ranks (pandas' default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  const f = pos - lo;
  const gap = sorted[hi]! - sorted[lo]!;
  // Neighbours near the double's limits (-1e308 and 1e308) are further apart than a double
  // reaches: weigh them instead, which stays between the two.
  if (!Number.isFinite(gap)) return f === 0 ? sorted[lo]! : sorted[lo]! * (1 - f) + sorted[hi]! * f;
  return sorted[lo]! + gap * f;
}

export function histogramOf(sorted: Float64Array, min: number, max: number, total: number): Histogram {
  if (sorted.length === 0) return { edges: [], counts: [] };
  if (!(max > min)) return { edges: [min, max], counts: [total] };
  const bins = HISTOGRAM_BINS;
  // A range wider than a double reaches (min -1e308, max 1e308) is measured in bin widths.
  const wide = !Number.isFinite(max - min);
  const width = wide ? max / bins - min / bins : (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : wide ? min * (1 - i / bins) + max * (i / bins) : min + i * width));
  const raw = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const x = sorted[i]!;
    const b = Math.min(bins - 1, Math.floor(wide ? x / width - min / width : (x - min) / width));
    raw[b]! += 1;
  }
  if (sorted.length === total) return { edges, counts: raw };
  // Scale to the full count with largest-remainder rounding so the counts add up to `total`.
  const scale = total / sorted.length;
  const scaled = raw.map((c) => c * scale);
  const counts = scaled.map(Math.floor);
  let short = total - counts.reduce((a, b) => a + b, 0);
  const order = scaled.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0]);
  for (let k = 0; short > 0 && k < order.length; k++, short--) counts[order[k]![1]]! += 1;
  return { edges, counts };
}

export interface NumericSummaryResult {
  summary: NumericSummary;
  /** True when quantiles and histogram come from a sample, not every value. */
  estimated: boolean;
}

/**
 * Mean, sample std and skewness computed on values divided by their largest magnitude, for
 * columns whose streamed power sums overflowed (values beyond about 1e102 in magnitude: the cubes
 * pass the largest double). Over the kept values: all of them up to NUMERIC_SAMPLE_CAP, else the
 * uniform sample. A std beyond the largest double (values near both -1.8e308 and 1.8e308) is
 * reported as the largest double.
 */
export function scaledMoments(values: Float64Array): { mean: number; std: number; skewness: number } {
  const n = values.length;
  let scale = 0;
  for (let i = 0; i < n; i++) scale = Math.max(scale, Math.abs(values[i]!));
  if (n === 0 || scale === 0) return { mean: 0, std: 0, skewness: 0 };
  let mean = 0;
  for (let i = 0; i < n; i++) mean += values[i]! / scale / n;
  let m2 = 0;
  let m3 = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! / scale - mean;
    m2 += d * d;
    m3 += d * d * d;
  }
  const std = n > 1 ? Math.min(Number.MAX_VALUE, Math.sqrt(m2 / (n - 1)) * scale) : 0;
  return { mean: mean * scale, std, skewness: skewnessFromMoments(n, m2, m3) };
}

export function summariseNumeric(part: NumericPart, seed: number): NumericSummaryResult {
  settlePart(part);
  const m = part.moments;
  const c = centralMoments(m);
  const values = sampleValues(part);
  const streamed = { mean: c.mean, std: sampleStd(c), skewness: skewnessFromMoments(c.n, c.m2, c.m3) };
  const moments = Number.isFinite(streamed.mean) && Number.isFinite(streamed.std) && Number.isFinite(c.m2) && Number.isFinite(c.m3) ? streamed : scaledMoments(values);
  const sorted = values.slice().sort();
  const q = (p: number): number => quantileSorted(sorted, p);
  const quantiles: Quantiles = { p1: q(0.01), p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) };
  const estimated = part.slots.seen > values.length;
  const sample = values.length <= CONTRACT_SAMPLE_CAP ? Array.from(values) : subsample(Array.from(values), CONTRACT_SAMPLE_CAP, seed);
  return {
    estimated,
    summary: {
      min: m[N] ? m[MIN]! : 0,
      max: m[N] ? m[MAX]! : 0,
      mean: moments.mean,
      std: moments.std,
      zeros: m[ZEROS]!,
      negatives: m[NEGATIVES]!,
      quantiles,
      skewness: moments.skewness,
      histogram: histogramOf(sorted, m[MIN]!, m[MAX]!, m[N]!),
      quantilesAreEstimates: estimated,
      sample,
    },
  };
}
