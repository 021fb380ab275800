/** Test helper: profile rows in memory and run the checks, in one call. */
import type { CheckOptions } from '../check-context';
import type { CheckId, Finding } from '../finding';
import { type CheckReport, runChecks } from '../run-checks';
import { type BuildOptions, type Row, buildCheckInput } from './build-check-input';

export type RunOptions = BuildOptions & Omit<CheckOptions, 'target' | 'id' | 'time'>;

export function runOnRows(rows: readonly Row[], options: RunOptions = {}): CheckReport {
  const { reference, referenceFile, types, file, ...checkOptions } = options;
  const input = buildCheckInput(rows, { reference, referenceFile, types, file, target: options.target, id: options.id, time: options.time });
  return runChecks(input, checkOptions);
}

export function findingsOf(report: CheckReport, id: CheckId): Finding[] {
  return report.findings.filter((f) => f.id === id);
}
