/**
 * The entry point: run every applicable check on a CheckInput and return the findings (most
 * important first), the verdict and the owner's paragraph. Pure and deterministic: same input,
 * same output, so CI gates and stored check runs are reproducible.
 */
import type { CheckInput } from './check-input';
import type { CheckContext, CheckNote, CheckOptions } from './check-context';
import { CHECKS } from './checks';
import { type DriftReport, computeDrift } from './drift/dataset-drift';
import type { Finding, Severity, Verdict } from './finding';
import { resolveThresholds } from './thresholds';
import { rankFindings, summarise, verdictOf } from './verdict';

export interface CheckReport {
  findings: Finding[];
  verdict: Verdict;
  summary: string;
  /** Findings per severity, for badges. */
  counts: Record<Severity, number>;
  /** Per-column drift measurements (for the drift chart), present with a reference. */
  drift?: DriftReport;
  /** What the checks did not cover (caps, columns left out), in plain words. */
  notes: CheckNote[];
}

export function runChecks(input: CheckInput, options: CheckOptions = {}): CheckReport {
  const thresholds = resolveThresholds(options.thresholds);
  const byName = new Map(input.columns.map((c) => [c.name, c]));
  let drift: DriftReport | undefined | null = null;
  const notes: CheckNote[] = (input.notes ?? []).map((n) => ({ check: n.check as CheckNote['check'], message: n.message }));
  const context: CheckContext = {
    input,
    thresholds,
    options,
    roles: { current: options.roles?.current ?? 'checked', reference: options.roles?.reference ?? 'reference' },
    column: (name) => byName.get(name),
    drift: () => {
      if (drift === null) drift = computeDrift(input, thresholds, [options.id, options.time]);
      return drift;
    },
    note: (check, message) => notes.push({ check, message }),
  };
  const hasTarget = (options.target ?? input.target?.column) !== undefined;
  const findings: Finding[] = [];
  for (const check of CHECKS) {
    if (check.needs === 'target' && !hasTarget) continue;
    if (check.needs === 'reference' && !input.reference) continue;
    if (check.needs === 'population' && !options.population) continue;
    findings.push(...check.run(context));
  }
  // Roles that only a comparison uses: given without a reference, say what was not looked at.
  if (!input.reference) {
    if (options.id !== undefined) notes.push({ check: 'group_leakage', message: `Not checked: the id column "${options.id}" was given without a reference file, so no entity could be looked for in both files.` });
    if (options.time !== undefined) notes.push({ check: 'date_leakage', message: `Not checked: the time column "${options.time}" was given without a reference file, so no row could be compared with the reference's period.` });
  }
  const verdict = verdictOf(findings);
  const ranked = rankFindings(findings);
  const driftReport = context.drift();
  return {
    findings: ranked,
    verdict,
    summary: summarise(ranked, verdict, input.rows, input.columns.length),
    counts: {
      error: findings.filter((f) => f.severity === 'error').length,
      warning: findings.filter((f) => f.severity === 'warning').length,
      info: findings.filter((f) => f.severity === 'info').length,
    },
    ...(driftReport ? { drift: driftReport } : {}),
    notes,
  };
}
