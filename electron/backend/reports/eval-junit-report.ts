/**
 * JUnit XML for `tally eval --junit`: one testcase per gate (a <failure> when it fails or cannot
 * be judged), so a CI dashboard lists each condition. Without gates, one testcase records that
 * the file was evaluated.
 */
import type { EvaluationResult } from '../../../shared/contract/evaluation-result';
import { escapeXml as e } from './escape';

export function renderEvalJunit(fileName: string, r: EvaluationResult, durationMs: number): string {
  const time = (durationMs / 1000).toFixed(3);
  let failures = 0;
  const cases =
    r.gates.length === 0
      ? [`<testcase classname="tally.eval" name="${e(`evaluate ${fileName}`)}" file="${e(fileName)}" time="${time}"><system-out>${e(`${r.task}, ${r.n} rows; no gates were set.`)}</system-out></testcase>`]
      : r.gates.map((g) => {
          const head = `<testcase classname="tally.eval" name="${e(g.expression)}" file="${e(fileName)}" time="0">`;
          if (g.passed === true) return `${head}<system-out>${e(g.message)}</system-out></testcase>`;
          failures++;
          return `${head}<failure message="${e(g.message)}" type="${g.passed === null ? 'not-judged' : 'gate'}">${e(g.message)}</failure></testcase>`;
        });
  const tests = cases.length;
  return `<?xml version="1.0" encoding="UTF-8"?>
<testsuites name="tally eval" tests="${tests}" failures="${failures}" time="${time}">
<testsuite name="tally eval ${e(fileName)}" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="${time}">
${cases.join('\n')}
</testsuite>
</testsuites>
`;
}
