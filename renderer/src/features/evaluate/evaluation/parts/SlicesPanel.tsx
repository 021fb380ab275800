import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { plainSentence } from '../../../../components/plain-text';
import { sliceRows } from '../evaluation-view';

/** Groups the model serves worse, first: each with its result, 95% range, rows and a plain verdict. */
export function SlicesPanel({ result }: { result: EvaluationResult }) {
  if (result.slices.length === 0) return null;
  const rows = sliceRows(result.slices);
  const worse = rows.filter((r) => r.verdict === 'significantly-worse');
  // One judged metric for every group (the usual case): named once, in the header.
  const shared = rows.every((r) => r.metric === rows[0]!.metric) ? rows[0]!.metric : null;
  return (
    <section className="card" aria-labelledby="slices-title">
      <h2 id="slices-title">For whom it works less well</h2>
      <p className="muted">
        Each group is compared with the whole; "significantly worse" means the gap is larger than chance explains. Groups under the minimum size are shown but not judged.
      </p>
      {worse.length > 0 ? (
        <ul className="eval-notes" aria-label="Worse groups">
          {worse.map((r) => (
            <li key={r.key}>{plainSentence(r.note ?? '')}</li>
          ))}
        </ul>
      ) : (
        <p>No group does significantly worse than the whole.</p>
      )}
      <div className="eval-table-scroll">
        <table className="eval-table" aria-label="Slices">
          <thead>
            <tr>
              <th scope="col">Group</th>
              <th scope="col" className="eval-table__num">Rows</th>
              <th scope="col" className="eval-table__num">{shared ? `Result: ${shared.toLowerCase()}` : 'Result'}</th>
              <th scope="col" className="eval-table__num">95% range</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-verdict={r.verdict}>
                <th scope="row">{r.group}</th>
                <td className="eval-table__num">{r.rows.toLocaleString('en-US')}</td>
                <td className="eval-table__num">
                  {r.value}
                  {!shared && <span className="muted eval-table__sub"> {r.metric.toLowerCase()}</span>}
                </td>
                <td className="eval-table__num">{r.interval ?? ''}</td>
                <td>{r.badge.tone === 'none' ? <span className="badge">{r.badge.text}</span> : <span className={`badge badge--${r.badge.tone}`}>{r.badge.text}</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
