import type { CheckRunSummary } from '../../../../../shared/contract/checks';
import { summaryWithoutList } from '../../../../../shared/quality/verdict';
import { VERDICT_TEXT } from '../../../stores/checks/checks.selectors';

/** Where the findings are not listed under the banner, its words point to the report instead of "below". */
const MEANING_ELSEWHERE = { fail: 'Fix the errors the report lists before spending compute on this data.' } as const;

/**
 * The first thing the owner reads: pass / warn / fail, what it means, and the one paragraph.
 * `findingsBelow` is false where the findings are not listed under it (the project overview).
 */
export function VerdictBanner({ run, findingsBelow = true }: { run: Pick<CheckRunSummary, 'verdict' | 'summary' | 'counts'>; findingsBelow?: boolean }) {
  const v = VERDICT_TEXT[run.verdict];
  const meaning = findingsBelow || run.verdict !== 'fail' ? v.meaning : MEANING_ELSEWHERE.fail;
  return (
    <div className={`verdict verdict--${run.verdict}`} role="status" aria-label={`Verdict: ${v.title}`}>
      <div className="verdict__head">
        <span className={`verdict__word badge badge--${v.tone}`}>{v.title}</span>
        <span className="verdict__meaning">{meaning}</span>
      </div>
      <p className="verdict__summary">{findingsBelow ? run.summary : summaryWithoutList(run.summary)}</p>
      <p className="verdict__counts muted">
        {run.counts.error} {run.counts.error === 1 ? 'error' : 'errors'} · {run.counts.warning} {run.counts.warning === 1 ? 'warning' : 'warnings'} · {run.counts.info}{' '}
        {run.counts.info === 1 ? 'note' : 'notes'}
      </p>
    </div>
  );
}
