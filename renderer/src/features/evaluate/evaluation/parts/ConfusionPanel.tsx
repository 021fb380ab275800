import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { formatMetric } from '../../metric-words';
import { confusionView } from '../evaluation-view';

const pct = (x: number) => `${(Math.round(x * 1000) / 10).toString()}%`;

/** Who was right and who was not: the confusion matrix in words, and for several classes the per-class table. */
export function ConfusionPanel({ result }: { result: EvaluationResult }) {
  const view = confusionView(result);
  if (!view) return null;
  const binary = result.task === 'binary';
  const many = view.labels.length > 12;
  return (
    <section className="card" aria-labelledby="confusion-title">
      <h2 id="confusion-title">Right and wrong answers</h2>
      <p className="muted">
        Rows are what really happened, columns what the model said{binary && result.decisionThreshold !== null ? ` (flagging scores of ${formatMetric('threshold', result.decisionThreshold)} or more)` : ''}. The diagonal is where it was right.
      </p>
      {many ? (
        <p className="muted">{view.labels.length} classes: the per-class table below says how each one fares.</p>
      ) : (
        <div className="eval-table-scroll">
          <table className="eval-confusion" aria-label="Confusion matrix">
            <thead>
              <tr>
                <th scope="col">Really ↓ · Said →</th>
                {view.labels.map((l) => (
                  <th key={l} scope="col">
                    {l}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.rows.map((r) => (
                <tr key={r.actual}>
                  <th scope="row">{r.actual}</th>
                  {r.cells.map((c) => (
                    <td key={c.predicted} className={c.correct ? 'eval-confusion__right' : c.count > 0 ? 'eval-confusion__wrong' : ''}>
                      <span className="eval-confusion__count">{c.count.toLocaleString('en-US')}</span>
                      <span className="muted eval-confusion__share">{pct(c.share)}</span>
                      {c.words && <span className="eval-confusion__words">{c.words}</span>}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {result.perClass.length > 0 && result.task === 'multiclass' && (
        <div className="eval-table-scroll">
          <table className="eval-table eval-table--compact" aria-label="Per class">
            <thead>
              <tr>
                <th scope="col">Class</th>
                <th scope="col" className="eval-table__num">Rows</th>
                <th scope="col" className="eval-table__num">Flags that were right</th>
                <th scope="col" className="eval-table__num">Cases found</th>
                <th scope="col" className="eval-table__num">Balance</th>
                <th scope="col" className="eval-table__num">How well it ranks</th>
              </tr>
            </thead>
            <tbody>
              {result.perClass.map((c) => (
                <tr key={c.label}>
                  <th scope="row">{c.label}</th>
                  <td className="eval-table__num">{Math.round(c.support).toLocaleString('en-US')}</td>
                  <td className="eval-table__num">{formatMetric('precision', c.precision)}</td>
                  <td className="eval-table__num">{formatMetric('recall', c.recall)}</td>
                  <td className="eval-table__num">{formatMetric('f1', c.f1)}</td>
                  <td className="eval-table__num">{formatMetric('rocAuc', c.rocAuc)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
