/**
 * drift: per-column distribution shift between the reference and the checked file, and one
 * dataset-level finding when at least half of the columns drifted (Evidently's defaults; see
 * drift/column-drift.ts for the choice of test).
 */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatNumber, formatShare, plural } from '../format';
import type { ColumnDrift } from '../drift/column-drift';

const METHOD_WORDS: Record<ColumnDrift['method'], string> = {
  ks: 'Kolmogorov-Smirnov test',
  chi_square: 'chi-square test',
  wasserstein_normed: 'Wasserstein distance in reference standard deviations',
  jensen_shannon: 'Jensen-Shannon distance',
};

function evidence(d: ColumnDrift): string {
  const score = d.pValue !== undefined ? `p = ${formatNumber(d.pValue)}, effect size ${formatNumber(d.effectSize.value)}` : `${formatNumber(d.statistic)} against a limit of ${formatNumber(d.threshold)}`;
  return `${METHOD_WORDS[d.method]}: ${score}; PSI ${formatNumber(d.psi)}, ${d.psiBand}`;
}

export function driftDetails(d: ColumnDrift): Finding['details'] {
  return {
    kind: d.kind,
    method: d.method,
    statistic: d.statistic,
    pValue: d.pValue ?? null,
    threshold: d.threshold,
    effectSize: d.effectSize,
    negligible: d.negligible,
    psi: d.psi,
    psiBand: d.psiBand,
    referenceSize: d.referenceSize,
    currentSize: d.currentSize,
  };
}

export const driftCheck: CheckDefinition = {
  id: 'drift',
  title: 'Distribution drift',
  about: 'Columns distributed differently in the two files, so results on one will not carry over.',
  needs: 'reference',
  run({ thresholds: t, roles, drift }) {
    const report = drift();
    if (!report) return [];
    const findings: Finding[] = report.columns
      .filter((d) => d.drifted)
      .map(
        (d): Finding => ({
          id: 'drift',
          severity: d.negligible ? 'info' : 'warning',
          column: d.column,
          details: driftDetails(d),
          message: d.negligible
            ? `Column ${col(d.column)} differs measurably between the ${roles.reference} and ${roles.current} data, but only slightly (${evidence(d)}).`
            : `Column ${col(d.column)} is distributed differently in the ${roles.current} data than in the ${roles.reference} data (${evidence(d)}).`,
          advice: d.negligible
            ? `Usually nothing to do; keep an eye on it if it grows.`
            : `Compare the two distributions: if the world changed, retrain on recent data; if the data pipeline changed (units, encoding, defaults), fix the pipeline.`,
        }),
      );
    if (report.datasetDrift) {
      findings.unshift({
        id: 'drift',
        severity: 'error',
        count: report.driftedColumns,
        share: report.share,
        details: { driftedColumns: report.driftedColumns, testedColumns: report.columns.length, share: report.share, threshold: t.datasetDriftShare },
        message: `${plural(report.driftedColumns, 'column')} of ${report.columns.length} (${formatShare(report.share)}) are distributed differently in the ${roles.current} data than in the ${roles.reference} data: the data as a whole has shifted, so results measured on one will not carry over to the other.`,
        advice: `Find out what changed between the two (period, source, pipeline). Retrain on data like the ${roles.current} data, or evaluate on data like the ${roles.reference} data.`,
      });
    }
    return findings;
  },
};
