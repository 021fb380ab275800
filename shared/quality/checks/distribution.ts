/** skewed (ydata-profiling SKEWED alert) and outliers (Tukey's fences on the value sample). */
import type { ColumnSummary, NumericSummary } from '../check-input';
import { type CheckDefinition, isRoleColumn } from '../check-context';
import type { Finding } from '../finding';
import { col, formatNumber, formatShare, plural } from '../format';

function numericColumns(columns: readonly ColumnSummary[]): (ColumnSummary & { numeric: NumericSummary })[] {
  return columns.filter(
    (c): c is ColumnSummary & { numeric: NumericSummary } =>
      (c.type === 'integer' || c.type === 'float') && c.numeric !== undefined && c.count > 0,
  );
}

export const skewedCheck: CheckDefinition = {
  id: 'skewed',
  title: 'Highly skewed distribution',
  about: 'A very lopsided distribution, where a few extreme values dominate.',
  needs: 'dataset',
  run({ input, thresholds: t }) {
    return numericColumns(input.columns)
      .filter((c) => Math.abs(c.numeric.skewness) > t.skewnessAbs)
      .map(
        (c): Finding => ({
          id: 'skewed',
          severity: 'info',
          column: c.name,
          details: { skewness: c.numeric.skewness, threshold: t.skewnessAbs, median: c.numeric.quantiles.p50, max: c.numeric.max, min: c.numeric.min },
          message: `Column ${col(c.name)} is very lopsided (skewness ${formatNumber(c.numeric.skewness)}): most values sit near ${formatNumber(c.numeric.quantiles.p50)} while a few reach ${formatNumber(c.numeric.skewness > 0 ? c.numeric.max : c.numeric.min)}.`,
          advice: `Consider a log or rank transform for linear models and neural networks; tree models usually cope. Check the extreme values are real.`,
        }),
      );
  },
};

export type OutlierScale = 'linear' | 'log' | 'log-positive' | 'log-upper';

export interface OutlierEstimate {
  lowerFence: number;
  upperFence: number;
  /**
   * How the fences were set: 'linear' Tukey; 'log' for positive right-skewed columns (prices,
   * durations), judged on ln(x); 'log-positive' for right-skewed columns that are never negative
   * but hold zeros (rain, amounts, counts): zeros sit on the column's natural bound and only the
   * positive values are judged, on ln(x), for a far upper tail; 'log-upper' for right-skewed
   * columns that go below zero (delays): the upper side on ln(x) of the positive values, the lower
   * side on the plain scale.
   */
  scale: OutlierScale;
  /** Share of the sample beyond the fences. */
  share: number;
  /** Estimated count in the whole column (share x non-missing count). */
  count: number;
}

/**
 * Percentile skewness ((p95 - p50) - (p50 - p5)) / (p95 - p5) above which a column counts as
 * right-skewed and its upper fence is set on the log scale. Robust: up to 5% planted outliers cannot
 * flip the scale the way they would flip the moment skewness. Lognormal with sigma 0.5 scores
 * about 0.4; a normal 0.
 */
export const LOG_SCALE_PERCENTILE_SKEW = 0.2;

/**
 * Whole numbers spanning at most this many steps (pixel intensities 0-16, ratings 1-5, children
 * 0-10) are a short scale: every value is one of its points, and none is "far out".
 */
export const SHORT_INTEGER_SCALE = 32;

/** Fewest sampled values a log-scale fence is set from. */
const MIN_LOG_VALUES = 8;

export function percentileSkew(q: NumericSummary['quantiles']): number {
  const spread = q.p95 - q.p5;
  return spread > 0 ? (q.p95 - q.p50 - (q.p50 - q.p5)) / spread : 0;
}

function quartilesOf(sorted: Float64Array): [number, number] {
  const q = (p: number) => {
    const h = (sorted.length - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * (sorted[Math.min(sorted.length - 1, lo + 1)] - sorted[lo]);
  };
  return [q(0.25), q(0.75)];
}

/** Tukey fences of ln(x) over the positive sampled values, back on the column's scale. */
function logFences(sample: readonly number[], k: number): [number, number] | undefined {
  const logs = Float64Array.from(sample.filter((v) => v > 0).map(Math.log)).sort();
  if (logs.length < MIN_LOG_VALUES) return undefined;
  const [q1, q3] = quartilesOf(logs);
  const iqr = q3 - q1;
  return iqr > 0 ? [Math.exp(q1 - k * iqr), Math.exp(q3 + k * iqr)] : undefined;
}

/**
 * A whole-number column on a short scale: not judged for outliers (see SHORT_INTEGER_SCALE). Whole
 * numbers written as floats ("16.0", as pandas writes an integer frame with gaps) count too.
 */
export function onShortIntegerScale(type: ColumnSummary['type'], numeric: NumericSummary): boolean {
  if (numeric.max - numeric.min > SHORT_INTEGER_SCALE) return false;
  return type === 'integer' || (type === 'float' && numeric.sample.every(Number.isInteger));
}

/**
 * Fences Q1 - k*IQR, Q3 + k*IQR on the scale that suits the column (see OutlierScale); undefined
 * when the spread is 0 (everything else would be "outlying") or too few values to judge.
 */
export function estimateOutliers(numeric: NumericSummary, nonMissing: number, k: number): OutlierEstimate | undefined {
  const sample = numeric.sample;
  if (sample.length === 0) return undefined;
  const rightSkewed = percentileSkew(numeric.quantiles) > LOG_SCALE_PERCENTILE_SKEW;
  let lower: number;
  let upper: number;
  let scale: OutlierScale;
  if (rightSkewed) {
    const fences = logFences(sample, k);
    if (!fences) return undefined;
    if (numeric.min > 0) {
      [lower, upper] = fences;
      scale = 'log';
    } else if (numeric.min === 0) {
      lower = -Infinity;
      upper = fences[1];
      scale = 'log-positive';
    } else {
      const iqr = numeric.quantiles.p75 - numeric.quantiles.p25;
      lower = iqr > 0 ? numeric.quantiles.p25 - k * iqr : -Infinity;
      upper = fences[1];
      scale = 'log-upper';
    }
  } else {
    const iqr = numeric.quantiles.p75 - numeric.quantiles.p25;
    if (!(iqr > 0)) return undefined;
    lower = numeric.quantiles.p25 - k * iqr;
    upper = numeric.quantiles.p75 + k * iqr;
    scale = 'linear';
  }
  const outside = sample.filter((v) => v < lower || v > upper).length;
  const share = outside / sample.length;
  return { lowerFence: lower, upperFence: upper, scale, share, count: Math.round(share * nonMissing) };
}

/** Why the fences sit where they do, for the message. */
const SCALE_WORDS: Record<OutlierScale, string> = {
  linear: '',
  log: ' Judged on a log scale: the column is positive and right-skewed, so a long upper tail is normal.',
  'log-positive': ' Zeros are left aside (the column never goes below them) and the other values judged on a log scale, as for rain, amounts or counts: the column is right-skewed, so a long upper tail is normal.',
  'log-upper': ' Values above zero are judged on a log scale and those below on the plain scale: the column is right-skewed (as delays are), so a long upper tail is normal.',
};

function range(f: OutlierEstimate): string {
  const below = Number.isFinite(f.lowerFence) ? `below ${formatNumber(f.lowerFence)}` : '';
  const above = Number.isFinite(f.upperFence) ? `above ${formatNumber(f.upperFence)}` : '';
  return below && above ? `${below} or ${above}` : below || above;
}

export const outliersCheck: CheckDefinition = {
  id: 'outliers',
  title: 'Outliers',
  about: 'Values far outside the usual range: often typos, unit mix-ups or placeholder numbers.',
  needs: 'dataset',
  run(context) {
    const { input, thresholds: t } = context;
    const findings: Finding[] = [];
    const shortScales: ColumnSummary[] = [];
    for (const c of numericColumns(input.columns)) {
      if (isRoleColumn(context, c.name)) continue;
      if (onShortIntegerScale(c.type, c.numeric)) {
        // Named in the note only where the fences could have judged it: not one value throughout
        // (constant_column's case) and enough values to judge a column at all.
        if (c.numeric.max > c.numeric.min && c.count >= t.minValuesForColumnJudgement) shortScales.push(c);
        continue;
      }
      const estimate = estimateOutliers(c.numeric, c.count, t.outlierIqrMultiplier);
      if (!estimate || estimate.share < t.outlierMinShare || estimate.count === 0) continue;
      const exact = c.numeric.sample.length >= c.count;
      findings.push({
        id: 'outliers',
        severity: estimate.share >= t.outlierWarningShare ? 'warning' : 'info',
        column: c.name,
        count: estimate.count,
        share: estimate.share,
        details: {
          lowerFence: Number.isFinite(estimate.lowerFence) ? estimate.lowerFence : null,
          // A fence past the largest double (a log-scale fence over values near 1e300) is no
          // fence: the finding names only the side that has one, and JSON has no Infinity.
          upperFence: Number.isFinite(estimate.upperFence) ? estimate.upperFence : null,
          scale: estimate.scale,
          iqrMultiplier: t.outlierIqrMultiplier,
          estimatedFromSample: !exact,
          sampleSize: c.numeric.sample.length,
        },
        message: `Column ${col(c.name)} has ${exact ? '' : 'about '}${plural(estimate.count, 'value')} (${formatShare(estimate.share)}) far outside the usual range of ${formatNumber(c.numeric.quantiles.p25)} to ${formatNumber(c.numeric.quantiles.p75)} (${range(estimate)}).${SCALE_WORDS[estimate.scale]}`,
        advice: `Look at these rows: typos, unit mix-ups (grams vs kilograms) and sentinel values like 9999 are common causes. Fix or cap them if they are errors.`,
      });
    }
    if (shortScales.length > 0) {
      const named = shortScales.slice(0, 5).map((c) => `${col(c.name)} (${formatNumber(c.numeric!.min)} to ${formatNumber(c.numeric!.max)})`);
      const more = shortScales.length > 5 ? ` and ${shortScales.length - 5} more` : '';
      context.note(
        'outliers',
        `Not judged on ${plural(shortScales.length, 'column')} of whole numbers on a short scale, where every value is a point of the scale and none is far out: ${named.join(', ')}${more}.`,
      );
    }
    return findings;
  },
};
