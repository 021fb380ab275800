/**
 * JUnit XML for CI dashboards: one testcase per check id that applied to this run (its findings
 * grouped), a <failure> when one of its findings reaches the gate, the other findings as
 * <system-out>. Check ids that did not apply (no target, no reference ...) are <skipped/>.
 */
import type { FailOn, Finding } from '../../../shared/contract/checks';
import { CHECK_IDS, POPULATION_CHECK_IDS, REFERENCE_CHECK_IDS, TARGET_CHECK_IDS } from '../../../shared/quality/finding';
import { escapeXml as e } from './escape';

export interface JunitInput {
  file: string;
  findings: readonly Finding[];
  failOn: FailOn;
  applies: { target: boolean; reference: boolean; population: boolean };
  durationMs: number;
}

function reaches(f: Finding, failOn: FailOn): boolean {
  return failOn !== 'never' && (f.severity === 'error' || (failOn === 'warning' && f.severity === 'warning'));
}

function line(f: Finding): string {
  const where = f.column ? ` [${f.column}]` : f.columns?.length ? ` [${f.columns.join(', ')}]` : '';
  return `${f.severity}${where}: ${f.message} Advice: ${f.advice}`;
}

export function renderJunit(input: JunitInput): string {
  const skipped = (id: string) =>
    (!input.applies.target && (TARGET_CHECK_IDS as readonly string[]).includes(id)) ||
    (!input.applies.reference && (REFERENCE_CHECK_IDS as readonly string[]).includes(id)) ||
    (!input.applies.population && (POPULATION_CHECK_IDS as readonly string[]).includes(id));
  let failures = 0;
  let skips = 0;
  const cases = CHECK_IDS.map((id) => {
    const head = `<testcase classname="tally.check" name="${e(id)}" file="${e(input.file)}" time="0">`;
    if (skipped(id)) {
      skips++;
      return `${head}<skipped message="not applicable: needs ${e((TARGET_CHECK_IDS as readonly string[]).includes(id) ? '--target' : (REFERENCE_CHECK_IDS as readonly string[]).includes(id) ? '--reference' : '--population')}"/></testcase>`;
    }
    const mine = input.findings.filter((f) => f.id === id);
    const failing = mine.filter((f) => reaches(f, input.failOn));
    const out = mine.length ? `<system-out>${e(mine.map(line).join('\n'))}</system-out>` : '';
    if (failing.length === 0) return `${head}${out}</testcase>`;
    failures++;
    const worst = failing[0]!;
    return `${head}<failure message="${e(worst.message)}" type="${e(worst.severity)}">${e(failing.map(line).join('\n'))}</failure>${out}</testcase>`;
  });
  const time = (input.durationMs / 1000).toFixed(3);
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="tally check" tests="${CHECK_IDS.length}" failures="${failures}" skipped="${skips}" time="${time}">
<testsuite name="tally check ${e(input.file)}" tests="${CHECK_IDS.length}" failures="${failures}" errors="0" skipped="${skips}" time="${time}">
${cases.join('\n')}
</testsuite>
</testsuites>
`;
}
