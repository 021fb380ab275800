import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { formatMetric } from '../../metric-words';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

const LEAK = {
  'coin-flip': { text: 'About a coin flip', tone: 'ok' },
  'noticeably-better': { text: 'Noticeably better than a coin flip', tone: 'warn' },
  'much-better': { text: 'Much better than a coin flip', tone: 'error' },
} as const;

/** Labels that are probably wrong, and whether the model gives away which rows it trained on. */
export function RisksPanel({ result }: { result: EvaluationResult }) {
  const li = result.labelIssues;
  const mi = result.membershipInference;
  if (!li && !mi) return null;
  return (
    <section className="card" aria-labelledby="risks-title">
      <h2 id="risks-title">Risks before you ship it</h2>
      {li && (
        <div className="eval-risk" role="group" aria-labelledby="labels-title">
          <h3 id="labels-title">Answers that are probably mislabelled</h3>
          <p>{li.message}</p>
          <div className="eval-table-scroll">
            <table className="eval-table eval-table--compact" aria-label="Likely label errors per class">
              <thead>
                <tr>
                  <th scope="col">Given answer</th>
                  <th scope="col" className="eval-table__num">Rows</th>
                  <th scope="col" className="eval-table__num">Probably mislabelled</th>
                  <th scope="col" className="eval-table__num">Share</th>
                </tr>
              </thead>
              <tbody>
                {li.byClass.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td className="eval-table__num">{c.rows.toLocaleString('en-US')}</td>
                    <td className="eval-table__num">{c.issues.toLocaleString('en-US')}</td>
                    <td className="eval-table__num">{pct(c.share)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {li.rows.length > 0 && (
            <details className="eval-details">
              <summary>The {Math.min(li.rows.length, 20)} most likely, to review first</summary>
              <table className="eval-table eval-table--compact" aria-label="Rows to review">
                <thead>
                  <tr>
                    <th scope="col" className="eval-table__num">Row</th>
                    <th scope="col">Given</th>
                    <th scope="col">Probably</th>
                    <th scope="col" className="eval-table__num">Model's confidence in it</th>
                  </tr>
                </thead>
                <tbody>
                  {li.rows.slice(0, 20).map((r) => (
                    <tr key={r.row}>
                      <td className="eval-table__num">{r.row.toLocaleString('en-US')}</td>
                      <td>{r.given}</td>
                      <td>{r.likely}</td>
                      <td className="eval-table__num">{pct(r.likelyProbability)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">Row = data row of the file, counted from 1 after the header.</p>
            </details>
          )}
        </div>
      )}
      {mi && (
        <div className="eval-risk" role="group" aria-labelledby="leak-title">
          <h3 id="leak-title">
            Does it give away its training rows? <span className={`badge badge--${LEAK[mi.verdict].tone}`}>{LEAK[mi.verdict].text}</span>
          </h3>
          <p>{mi.message}</p>
          <p className="muted">
            An attacker who sees how sure the model is about a row guesses right {pct(mi.balancedAttackAccuracy)} of the time whether it was a training row (50% is a coin flip); {mi.trainRows.toLocaleString('en-US')}{' '}
            training and {mi.heldOutRows.toLocaleString('en-US')} other rows.
          </p>
          <details className="eval-details">
            <summary>Details</summary>
            <p className="muted">
              Membership-inference advantage (loss-threshold attack, Yeom et al. 2018): {formatMetric('membershipAdvantage', mi.advantage)}
              {mi.ci ? `, 95% range ${formatMetric('membershipAdvantage', mi.ci.low)}–${formatMetric('membershipAdvantage', mi.ci.high)}` : ''}; per-row loss: {mi.loss}.
            </p>
          </details>
        </div>
      )}
    </section>
  );
}
