import { keepPreviousData } from '@tanstack/react-query';
import { useState } from 'react';
import { CostScatterChart } from '../../../charts/runs/CostScatterChart';
import { useChartColors } from '../../../charts/theme';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { Field } from '../../../components/Field';
import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { glossary, metricWords } from '../metric-words';
import { formatMicros } from '../money-input';
import { plainSentence } from '../../../components/plain-text';
import { compareRows, costParts, offChart, scatterPoints } from './compare-view';
import '../evaluate.css';

const usd = (micros: number) => formatMicros(micros, 'USD');

/** "Which model gives us the most for our compute budget?": 2-10 evaluations side by side, a metric against cost, and one sentence. */
export function EvalComparePage({ projectId, evaluationIds }: { projectId: string; evaluationIds: string[] }) {
  const go = useNavigation((s) => s.go);
  const c = useChartColors();
  const [metric, setMetric] = useState<string | undefined>(undefined);
  const [volume, setVolume] = useState('1000000');
  const predictions = Number(volume.replace(/[,_\s]/g, ''));
  const volumeOk = Number.isInteger(predictions) && predictions >= 0 && predictions <= 1e15;
  const valid = evaluationIds.length >= 2 && evaluationIds.length <= 10;
  const q = useRpcQuery(
    'evaluations.compare',
    { ids: evaluationIds, ...(metric ? { metric } : {}), ...(volumeOk ? { expectedPredictions: predictions } : {}) },
    { enabled: valid, placeholderData: keepPreviousData },
  );
  const back = (
    <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/evaluate`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluate', projectId }))}>
      ← All evaluations
    </a>
  );
  if (!valid) {
    return (
      <section className="page">
        {back}
        <h1>Compare evaluations</h1>
        <div className="empty">Tick 2 to 10 evaluations on the Evaluate page, then press Compare.</div>
      </section>
    );
  }
  const cmp = q.data;
  const colors = c.series;
  return (
    <section className="page eval-compare-page" aria-labelledby="eval-compare-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="eval-compare-title">Compare {evaluationIds.length} models</h1>
          <p className="muted">Which model gives the most for the compute budget: what each achieves, what it costs to train and to serve, and which ones no other beats on both.</p>
        </div>
      </header>
      <ErrorBanner error={q.error ?? null} />
      {!cmp ? (
        !q.error && <p className="muted">Loading the comparison…</p>
      ) : (
        <>
          <div className="banner banner--ok eval-verdict" role="status" aria-label="Answer">
            <p className="eval-verdict__sentence" data-testid="compare-sentence">
              {plainSentence(cmp.sentence)}
            </p>
          </div>
          <section className="card" aria-labelledby="pareto-title">
            <h2 id="pareto-title">What each model buys for its cost</h2>
            <p className="muted">Each dot is a model: further right costs more, higher is better{cmp.higherIsBetter ? '' : ' (for this metric lower is better, so lower is better here)'}. A ringed dot ★ is a model no other beats on both.</p>
            <div className="form__row eval-compare-controls">
              <Field label="Set against cost" hint={metricWords(cmp.metric).meaning}>
                {(p) => (
                  <select {...p} value={cmp.metric} onChange={(e) => setMetric(e.target.value)}>
                    {cmp.metrics.map((k) => (
                      <option key={k} value={k}>
                        {metricWords(k).plain}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <Field label="Predictions it will serve" hint="Serving cost = this ÷ 1,000 × each model's cost per 1,000 predictions." error={volumeOk ? undefined : 'Enter a whole number of predictions'}>
                {(p) => <input {...p} inputMode="numeric" value={volume} onChange={(e) => setVolume(e.target.value)} />}
              </Field>
            </div>
            {scatterPoints(cmp, colors).length > 0 ? (
              <CostScatterChart points={scatterPoints(cmp, colors)} metricName={metricWords(cmp.metric).plain.toLowerCase()} currency="USD" formatCost={usd} />
            ) : (
              <p className="muted">No model has a known cost yet: link training runs or enter serving costs on each evaluation's page.</p>
            )}
            {offChart(cmp).length > 0 && (
              <p className="muted">
                Not on the chart: {offChart(cmp).map((o) => `${o.name} (${o.why.replace(/\.$/, '')})`).join('; ')}.
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="side-title">
            <h2 id="side-title">Side by side</h2>
            <div className="eval-table-scroll">
              <table className="eval-table" aria-label="Models side by side">
                <thead>
                  <tr>
                    <th scope="col">What (95% range)</th>
                    {cmp.points.map((p, i) => (
                      <th key={p.id} scope="col" className="eval-compare-head">
                        <span className="eval-swatch" style={{ background: colors[i % colors.length] }} />
                        <a href={`#/projects/${encodeURIComponent(projectId)}/evaluate/${encodeURIComponent(p.id)}`} onClick={(e) => (e.preventDefault(), go({ page: 'evaluation', projectId, evaluationId: p.id }))}>
                          {p.name}
                        </a>
                        {p.paretoOptimal && (
                          <span className="badge badge--ok eval-front" title="No other model is both better and cheaper">
                            ★ best for its cost
                          </span>
                        )}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  <tr>
                    <th scope="row">
                      Cost
                      <div className="muted eval-table__sub">training + serving {cmp.expectedPredictions.toLocaleString('en-US')} predictions</div>
                    </th>
                    {cmp.points.map((p) => (
                      <td key={p.id} className="eval-table__num">
                        {p.totalCostUsdMicros === null ? <span className="muted">unknown</span> : usd(p.totalCostUsdMicros)}
                        {costParts(p, usd)
                          .split(' + ')
                          .map((part) => (
                            <div key={part} className="muted eval-table__sub">
                              {part}
                            </div>
                          ))}
                      </td>
                    ))}
                  </tr>
                  {compareRows(cmp).map((r) => (
                    <tr key={r.key}>
                      <th scope="row">
                        {r.plain}
                        <div className="muted eval-table__sub">{r.meaning}</div>
                      </th>
                      {r.cells.map((cell) => (
                        <td key={cell.id} className={`eval-table__num${cell.best ? ' eval-table__best' : ''}`}>
                          {cell.value}
                          {cell.interval && <div className="muted eval-table__sub">{cell.interval}</div>}
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <details className="eval-details">
              <summary>Glossary: the technical names</summary>
              <ul className="eval-glossary">
                {glossary(cmp.metrics).map((t) => (
                  <li key={t.plain}>
                    <strong>{t.plain}</strong>: {t.technical}
                  </li>
                ))}
              </ul>
            </details>
          </section>
        </>
      )}
    </section>
  );
}
