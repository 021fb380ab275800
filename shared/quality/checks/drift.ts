/**
 * drift: per-column distribution shift between the reference and the checked file, and one
 * dataset-level finding when at least half of the columns drifted (Evidently's defaults; see
 * drift/column-drift.ts for the choice of test).
 */
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatNumber, formatShare, plural, pValueWords } from '../format';
import type { ColumnDrift } from '../drift/column-drift';

/** The test's name, for analysts: in brackets after the figure and in the finding's details. */
const METHOD_WORDS: Record<ColumnDrift['method'], string> = {
  ks: 'Kolmogorov-Smirnov test',
  chi_square: 'chi-square test',
  wasserstein_normed: 'Wasserstein distance in reference standard deviations',
  jensen_shannon: 'Jensen-Shannon distance',
};

/**
 * What the test found, in words an owner reads (the Check screens say "a shift of" for PSI the
 * same way): the tests with a p-value ask whether chance explains the difference, the distances
 * whether it passes a limit.
 */
const PLAIN_WORDS: Record<ColumnDrift['method'], string> = {
  ks: 'its values differ more than chance would explain',
  chi_square: 'its mix of categories differs more than chance would explain',
  wasserstein_normed: 'its values moved further than the limit allows',
  jensen_shannon: 'its mix of categories moved further than the limit allows',
};

/** "on random samples of 10,000 of 5,000,000 reference and 10,000 of 4,000,000 checked values". */
function sampleWords(d: ColumnDrift, roles: { current: string; reference: string }): string {
  if (!d.sampled) return '';
  const side = (n: number, of: number, role: string) => (n < of ? `${formatCount(n)} of ${formatCount(of)} ${role}` : `all ${formatCount(of)} ${role}`);
  return `, on random samples (${side(d.sampled.reference, d.referenceSize, roles.reference)} and ${side(d.sampled.current, d.currentSize, roles.current)} values)`;
}

/** "; categories beyond the most frequent pooled into one (12% of reference and 30% of checked rows)". */
function pooledWords(d: ColumnDrift, roles: { current: string; reference: string }): string {
  if (!d.pooled) return '';
  return `; too many categories to count each, so those beyond the most frequent were compared as one pooled category (${formatShare(d.pooled.reference)} of ${roles.reference} and ${formatShare(d.pooled.current)} of ${roles.current} rows)`;
}

/**
 * The plain finding, then its figures in brackets with the test named: "its values differ more
 * than chance would explain (p < 1e-16, Kolmogorov-Smirnov test; effect size 0.31; PSI 0.4, major)".
 */
function evidence(d: ColumnDrift, roles: { current: string; reference: string }): string {
  const over = d.kind === 'categorical' && d.categories !== undefined && !d.pooled ? ` over all ${formatCount(d.categories)} categories` : '';
  const test = `${METHOD_WORDS[d.method]}${over}`;
  const score = d.pValue !== undefined ? `${pValueWords(d.pValue)}, ${test}; effect size ${formatNumber(d.effectSize.value)}` : `${test} ${formatNumber(d.statistic)} against a limit of ${formatNumber(d.threshold)}`;
  return `${PLAIN_WORDS[d.method]} (${score}${sampleWords(d, roles)}${pooledWords(d, roles)}; PSI ${formatNumber(d.psi)}, ${d.psiBand})`;
}

/** One note listing the columns drift did not compare, grouped by why. */
function skippedNote(skipped: ReadonlyArray<{ column: string; reason: string }>): string | undefined {
  if (skipped.length === 0) return undefined;
  const byReason = new Map<string, string[]>();
  for (const s of skipped) byReason.set(s.reason, [...(byReason.get(s.reason) ?? []), s.column]);
  const parts = [...byReason].map(([reason, columns]) => {
    const shown = columns.slice(0, 5).map(col).join(', ');
    return `${shown}${columns.length > 5 ? ` and ${columns.length - 5} more` : ''} (${reason})`;
  });
  return `${plural(skipped.length, 'column')} in both files ${skipped.length === 1 ? 'was' : 'were'} not compared: ${parts.join('; ')}.`;
}

export function driftDetails(d: ColumnDrift): Finding['details'] {
  return {
    kind: d.kind,
    method: d.method,
    test: METHOD_WORDS[d.method],
    statistic: d.statistic,
    pValue: d.pValue ?? null,
    threshold: d.threshold,
    effectSize: d.effectSize,
    negligible: d.negligible,
    psi: d.psi,
    psiBand: d.psiBand,
    referenceSize: d.referenceSize,
    currentSize: d.currentSize,
    ...(d.sampled ? { sampled: d.sampled } : {}),
    ...(d.categories !== undefined ? { categories: d.categories } : {}),
    ...(d.pooled ? { pooled: d.pooled } : {}),
  };
}

export const driftCheck: CheckDefinition = {
  id: 'drift',
  title: 'Distribution drift',
  about: 'Columns distributed differently in the two files, so results on one will not carry over.',
  needs: 'reference',
  run({ thresholds: t, roles, drift, note }) {
    const report = drift();
    if (!report) return [];
    const skipped = skippedNote(report.skipped);
    if (skipped) note('drift', skipped);
    for (const d of report.columns.filter((c) => c.pooled && !c.drifted)) {
      note('drift', `Column ${col(d.column)} has too many categories to count each: those beyond the most frequent were compared as one pooled category (${formatShare(d.pooled!.reference)} of ${roles.reference} and ${formatShare(d.pooled!.current)} of ${roles.current} rows), so a shift inside them can go unseen.`);
    }
    const findings: Finding[] = report.columns
      .filter((d) => d.drifted)
      .map(
        (d): Finding => ({
          id: 'drift',
          severity: d.negligible ? 'info' : 'warning',
          column: d.column,
          details: driftDetails(d),
          message: d.negligible
            ? `Column ${col(d.column)} differs measurably between the ${roles.reference} and ${roles.current} data, but only slightly: ${evidence(d, roles)}.`
            : `Column ${col(d.column)} is distributed differently in the ${roles.current} data than in the ${roles.reference} data: ${evidence(d, roles)}.`,
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
