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
import { sampleValues, type NumericPart } from './numeric-part';

export const HISTOGRAM_BINS = 20;
export const CONTRACT_SAMPLE_CAP = 10_000;

/** Quantile with linear interpolation between closest ranks (pandas' default). */
export function quantileSorted(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function histogramOf(sorted: Float64Array, min: number, max: number, total: number): Histogram {
  if (sorted.length === 0) return { edges: [], counts: [] };
  if (!(max > min)) return { edges: [min, max], counts: [total] };
  const bins = HISTOGRAM_BINS;
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const raw = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) {
    const b = Math.min(bins - 1, Math.floor((sorted[i]! - min) / width));
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

export function summariseNumeric(part: NumericPart, seed: number): NumericSummaryResult {
  const m = part.moments;
  const c = centralMoments(m);
  const values = sampleValues(part);
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
      mean: c.mean,
      std: sampleStd(c),
      zeros: m[ZEROS]!,
      negatives: m[NEGATIVES]!,
      quantiles,
      skewness: skewnessFromMoments(c.n, c.m2, c.m3),
      histogram: histogramOf(sorted, m[MIN]!, m[MAX]!, m[N]!),
      quantilesAreEstimates: estimated,
      sample,
    },
  };
}
