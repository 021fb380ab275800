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
  /** Share of the sample beyond the fences. */
  share: number;
  /** Estimated count in the whole column (share x non-missing count). */
  count: number;
}

/** Tukey fences Q1 - k*IQR, Q3 + k*IQR; undefined when IQR is 0 (everything else would be "outlying"). */
export function estimateOutliers(numeric: NumericSummary, nonMissing: number, k: number): OutlierEstimate | undefined {
  const { p25, p75 } = numeric.quantiles;
  const iqr = p75 - p25;
  if (!(iqr > 0) || numeric.sample.length === 0) return undefined;
  const lowerFence = p25 - k * iqr;
  const upperFence = p75 + k * iqr;
  const outside = numeric.sample.filter((v) => v < lowerFence || v > upperFence).length;
  const share = outside / numeric.sample.length;
  return { lowerFence, upperFence, share, count: Math.round(share * nonMissing) };
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
