/**
 * The overall verdict and the one paragraph a non-technical owner reads first. fail = at least one
 * error, warn = at least one warning, pass otherwise. The paragraph leads with what to do, then the
 * most important findings in plain words (leakage first: it silently inflates every score).
 */
import type { CheckId, Finding, Severity, Verdict } from './finding';
import { SEVERITY_RANK } from './finding';
import { plural } from './format';

/** Which findings to tell first when several share a severity: the ones that fake good results. */
export const SUMMARY_PRIORITY: readonly CheckId[] = [
  'train_test_overlap',
  'group_leakage',
  'date_leakage',
  'target_leakage',
  'new_labels',
  'pii',
  'conflicting_labels',
  'drift',
  'representativeness',
  'class_imbalance',
  'duplicate_rows',
  'missing_values',
  'mixed_types',
  'disguised_missing',
  'new_categories',
  'unique_identifier',
  'string_variants',
  'constant_column',
  'outliers',
  'almost_constant',
  'high_correlation',
  'high_cardinality',
  'skewed',
];

export function verdictOf(findings: readonly Finding[]): Verdict {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

/** Most important first: severity, then SUMMARY_PRIORITY, then the larger share. */
export function rankFindings(findings: readonly Finding[]): Finding[] {
  const priority = (f: Finding) => {
    const i = SUMMARY_PRIORITY.indexOf(f.id);
    return i < 0 ? SUMMARY_PRIORITY.length : i;
  };
  return [...findings].sort(
    (a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] || priority(a) - priority(b) || (b.share ?? 0) - (a.share ?? 0),
  );
}

const LEAD: Record<Verdict, string> = {
  fail: 'Fix before training:',
  warn: 'Usable, but review first:',
  pass: 'Ready to use:',
};

/** How many findings the paragraph spells out before summarising the rest as a count. */
const SPELLED_OUT = 2;

export function summarise(findings: readonly Finding[], verdict: Verdict, rows: number, columns: number): string {
  if (verdict === 'pass') {
    const notes = findings.length > 0 ? ` ${plural(findings.length, 'minor note')} ${findings.length === 1 ? 'is' : 'are'} listed for reference.` : '';
    return `${LEAD.pass} no problems found in ${plural(rows, 'row')} and ${plural(columns, 'column')}.${notes}`;
  }
  const top = rankFindings(findings).filter((f) => f.severity !== 'info');
  const told = top.slice(0, SPELLED_OUT).map((f) => f.message);
  const rest = top.length - told.length;
  const tail = rest > 0 ? ` ${plural(rest, 'more issue')} ${rest === 1 ? 'is' : 'are'} listed below.` : '';
  return `${LEAD[verdict]} ${told.join(' ')}${tail}`;
}

// The closing sentence summarise() writes about the findings it did not spell out.
const LISTED_TAIL = / (\d[\d,]*) (more issues?|minor notes?) (is|are) listed (?:below|for reference)\.$/;

/**
 * The paragraph for a place that does not list the findings under it (a project overview, a
 * card): "N more issues are listed below" becomes "... are in the full report". Stored runs keep
 * the paragraph as written, so this rewrites its closing sentence rather than the stored text.
 */
export function summaryWithoutList(summary: string): string {
  return summary.replace(LISTED_TAIL, (_all, n: string, what: string, verb: string) => ` ${n} ${what} ${verb} in the full report.`);
}

/** The CLI's --fail-on level: the lowest severity that fails a CI gate. */
export type FailOn = 'error' | 'warning' | 'never';

/** Every --fail-on level (the contract's FailOn schema lists the same three). */
export const FAIL_ON_LEVELS: readonly FailOn[] = ['error', 'warning', 'never'];

export function isFailOn(x: string): x is FailOn {
  return (FAIL_ON_LEVELS as readonly string[]).includes(x);
}

/** How many findings of each severity (a run's summary counts). */
export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): Record<Severity, number> {
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** True when some finding reaches the --fail-on level (the CLI then exits with code 1). */
export function reachesFailOn(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'never') return false;
  return findings.some((f) => SEVERITY_RANK[f.severity] >= SEVERITY_RANK[failOn]);
}
