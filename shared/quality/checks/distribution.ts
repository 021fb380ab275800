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

export interface OutlierEstimate {
  lowerFence: number;
  upperFence: number;
  /** 'log' for positive, right-skewed columns (prices, counts, durations), judged on ln(x). */
  scale: 'linear' | 'log';
  /** Share of the sample beyond the fences. */
  share: number;
  /** Estimated count in the whole column (share x non-missing count). */
  count: number;
}

/**
 * Percentile skewness ((p95 - p50) - (p50 - p5)) / (p95 - p5) above which a positive column's
 * fences are set on the log scale. Robust: up to 5% planted outliers cannot flip the scale the way
 * they would flip the moment skewness. Lognormal with sigma 0.5 scores about 0.4; a normal 0.
 */
export const LOG_SCALE_PERCENTILE_SKEW = 0.2;

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

/**
 * Tukey fences Q1 - k*IQR, Q3 + k*IQR; undefined when IQR is 0 (everything else would be
 * "outlying"). A positive, right-skewed column (a price, a count) has a long tail by nature, so
 * its fences are set on ln(x) from the sample: only values far out even on that scale count.
 */
export function estimateOutliers(numeric: NumericSummary, nonMissing: number, k: number): OutlierEstimate | undefined {
  if (numeric.sample.length === 0) return undefined;
  const logScale = numeric.min > 0 && percentileSkew(numeric.quantiles) > LOG_SCALE_PERCENTILE_SKEW;
  const values = logScale ? numeric.sample.map(Math.log) : numeric.sample;
  const [q1, q3] = logScale ? quartilesOf(Float64Array.from(values).sort()) : [numeric.quantiles.p25, numeric.quantiles.p75];
  const iqr = q3 - q1;
  if (!(iqr > 0)) return undefined;
  const low = q1 - k * iqr;
  const high = q3 + k * iqr;
  const outside = values.filter((v) => v < low || v > high).length;
  const share = outside / values.length;
  return {
    lowerFence: logScale ? Math.exp(low) : low,
    upperFence: logScale ? Math.exp(high) : high,
    scale: logScale ? 'log' : 'linear',
    share,
    count: Math.round(share * nonMissing),
  };
}

export const outliersCheck: CheckDefinition = {
  id: 'outliers',
  title: 'Outliers',
  about: 'Values far outside the usual range: often typos, unit mix-ups or placeholder numbers.',
  needs: 'dataset',
  run(context) {
    const { input, thresholds: t } = context;
    const findings: Finding[] = [];
    for (const c of numericColumns(input.columns)) {
      if (isRoleColumn(context, c.name)) continue;
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
          lowerFence: estimate.lowerFence,
          upperFence: estimate.upperFence,
          scale: estimate.scale,
          iqrMultiplier: t.outlierIqrMultiplier,
          estimatedFromSample: !exact,
          sampleSize: c.numeric.sample.length,
        },
        message: `Column ${col(c.name)} has ${exact ? '' : 'about '}${plural(estimate.count, 'value')} (${formatShare(estimate.share)}) far outside the usual range of ${formatNumber(c.numeric.quantiles.p25)} to ${formatNumber(c.numeric.quantiles.p75)} (below ${formatNumber(estimate.lowerFence)} or above ${formatNumber(estimate.upperFence)}).`,
        advice: `Look at these rows: typos, unit mix-ups (grams vs kilograms) and sentinel values like 9999 are common causes. Fix or cap them if they are errors.`,
      });
    }
    return findings;
  },
};
