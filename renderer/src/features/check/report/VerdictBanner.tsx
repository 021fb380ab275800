import type { CheckRunSummary } from '../../../../../shared/contract/checks';
import { VERDICT_TEXT } from '../../../stores/checks/checks.selectors';

/** The first thing the owner reads: pass / warn / fail, what it means, and the one paragraph. */
export function VerdictBanner({ run }: { run: Pick<CheckRunSummary, 'verdict' | 'summary' | 'counts'> }) {
  const v = VERDICT_TEXT[run.verdict];
  return (
    <div className={`verdict verdict--${run.verdict}`} role="status" aria-label={`Verdict: ${v.title}`}>
      <div className="verdict__head">
        <span className={`verdict__word badge badge--${v.tone}`}>{v.title}</span>
        <span className="verdict__meaning">{v.meaning}</span>
      </div>
      <p className="verdict__summary">{run.summary}</p>
      <p className="verdict__counts muted">
        {run.counts.error} {run.counts.error === 1 ? 'error' : 'errors'} · {run.counts.warning} {run.counts.warning === 1 ? 'warning' : 'warnings'} · {run.counts.info}{' '}
        {run.counts.info === 1 ? 'note' : 'notes'}
      </p>
    </div>
  );
}
