/**
 * Drift of one column between the reference and the current file, with the test chosen as
 * Evidently's default algorithm chooses it:
 *   reference <= 1000 rows: numeric -> two-sample KS (p < 0.05); categorical -> chi-square (p < 0.05)
 *   larger:                 numeric -> Wasserstein distance / reference std (>= 0.1);
 *                           categorical -> Jensen-Shannon distance (>= 0.1)
 * Numeric columns with <= 5 distinct values are treated as categorical. For binary columns
 * Evidently's small-sample test is a two-proportion Z test; the 2x2 chi-square without continuity
 * correction used here is the same test (chi2 = z^2).
 * Every p-value comes with an effect size (KS D, Cramér's V); a significant but tiny effect is
 * marked `negligible` so a huge sample does not cry wolf. PSI is reported on every column.
 */
import {
  chiSquareIndependence,
  countIntoBins,
  cramersV,
  jensenShannonDistance,
  ksTwoSample,
  normedWassersteinDistance,
  populationStabilityIndex,
  type PsiBand,
  quantileCutPoints,
} from '../../evaluation/stats';
import type { CategoryCounts, ColumnSummary } from '../check-input';
import type { QualityThresholds } from '../thresholds';
import { alignFrequencies } from './category-frequencies';
import { sharedKind } from './column-kind';

export type DriftMethod = 'ks' | 'chi_square' | 'wasserstein_normed' | 'jensen_shannon';

export interface ColumnDrift {
  column: string;
  kind: 'numeric' | 'categorical';
  method: DriftMethod;
  /** The method's own score: KS D, chi-square statistic, normed Wasserstein or JS distance. */
  statistic: number;
  /** p-value for KS and chi-square; absent for distances. */
  pValue?: number;
  /** Drift is declared at p < threshold (tests) or score >= threshold (distances). */
  threshold: number;
  effectSize: { name: 'ks_d' | 'cramers_v' | 'wasserstein_normed' | 'jensen_shannon'; value: number };
  drifted: boolean;
  /** Statistically significant but too small to matter (effect below driftMinEffectSize). */
  negligible: boolean;
  psi: number;
  psiBand: PsiBand;
  referenceSize: number;
  currentSize: number;
  /**
   * Numeric columns: the values the statistic was computed on when fewer than every value (the
   * engine's uniform samples, 10,000 per column), so a reader knows it is an estimate.
   */
  sampled?: { reference: number; current: number };
  /** Categorical columns: categories compared (with "(other)" when some were pooled). */
  categories?: number;
  /**
   * Categorical columns whose categories could not all be counted (more than the engine counts
   * exactly): the ones beyond the most frequent were pooled into one "(other)" category, holding
   * these shares of each file's rows. Absent when every category was compared.
   */
  pooled?: { reference: number; current: number };
}

function band(psi: number, t: QualityThresholds): PsiBand {
  return psi < t.psiModerate ? 'stable' : psi <= t.psiMajor ? 'moderate' : 'major';
}

function numericDrift(ref: ColumnSummary, cur: ColumnSummary, referenceRows: number, t: QualityThresholds): ColumnDrift | undefined {
  const a = ref.numeric?.sample ?? [];
  const b = cur.numeric?.sample ?? [];
  if (a.length === 0 || b.length === 0) return undefined;
  const cuts = quantileCutPoints([...a].sort((x, y) => x - y), 10);
  const psi = populationStabilityIndex(countIntoBins(a, cuts), countIntoBins(b, cuts));
  const sampled = a.length < ref.count || b.length < cur.count ? { sampled: { reference: a.length, current: b.length } } : {};
  const common = { column: cur.name, kind: 'numeric' as const, psi, psiBand: band(psi, t), referenceSize: ref.count, currentSize: cur.count, ...sampled };
  if (referenceRows <= t.driftSmallSampleMax) {
    const ks = ksTwoSample(a, b);
    const drifted = ks.pValue < t.driftPValue;
    return {
      ...common,
      method: 'ks',
      statistic: ks.statistic,
      pValue: ks.pValue,
      threshold: t.driftPValue,
      effectSize: { name: 'ks_d', value: ks.statistic },
      drifted,
      negligible: drifted && ks.statistic < t.driftMinEffectSize,
    };
  }
  const w = normedWassersteinDistance(a, b);
  return {
    ...common,
    method: 'wasserstein_normed',
    statistic: w,
    threshold: t.driftWassersteinNormed,
    effectSize: { name: 'wasserstein_normed', value: w },
    drifted: w >= t.driftWassersteinNormed,
    negligible: false,
  };
}

function categoricalDrift(ref: ColumnSummary, cur: ColumnSummary, referenceRows: number, t: QualityThresholds, counts?: CategoryCounts): ColumnDrift | undefined {
  // Every category when the engine counted them all; else the top values, the rest pooled (said).
  const f = counts ? { reference: counts.reference, current: counts.current, pooled: undefined } : alignFrequencies(ref, cur);
  if (f.reference.length === 0 || ref.count === 0 || cur.count === 0) return undefined;
  const psi = populationStabilityIndex(f.reference, f.current);
  const pooled = f.pooled ? { pooled: f.pooled } : {};
  const common = { column: cur.name, kind: 'categorical' as const, psi, psiBand: band(psi, t), referenceSize: ref.count, currentSize: cur.count, categories: f.reference.length, ...pooled };
  if (referenceRows <= t.driftSmallSampleMax) {
    const table = [f.reference, f.current];
    const chi = chiSquareIndependence(table);
    const v = cramersV(table);
    const drifted = chi.pValue < t.driftPValue;
    return {
      ...common,
      method: 'chi_square',
      statistic: chi.statistic,
      pValue: chi.pValue,
      threshold: t.driftPValue,
      effectSize: { name: 'cramers_v', value: v },
      drifted,
      negligible: drifted && v < t.driftMinEffectSize,
    };
  }
  const js = jensenShannonDistance(f.reference, f.current);
  return {
    ...common,
    method: 'jensen_shannon',
    statistic: js,
    threshold: t.driftJensenShannon,
    effectSize: { name: 'jensen_shannon', value: js },
    drifted: js >= t.driftJensenShannon,
    negligible: false,
  };
}

export function columnDrift(ref: ColumnSummary, cur: ColumnSummary, referenceRows: number, t: QualityThresholds, counts?: CategoryCounts): ColumnDrift | undefined {
  const shared = sharedKind(ref, cur, t);
  if (shared.kind === 'numeric') return numericDrift(ref, cur, referenceRows, t);
  if (shared.kind === 'categorical') return categoricalDrift(ref, cur, referenceRows, t, counts);
  return undefined;
}
