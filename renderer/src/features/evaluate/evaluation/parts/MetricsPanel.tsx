import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { formatInterval, formatMetric, glossary, metricWords } from '../../metric-words';
import { metricCards, otherMetricKeys } from '../evaluation-view';

const TONE = { better: 'ok', 'not-clearly': 'warn', worse: 'error' } as const;
const TONE_WORDS = { better: 'better than no model', 'not-clearly': 'not clearly better than no model', worse: 'worse than no model' } as const;

/** The headline numbers: each with its meaning, its 95% range and what a model without skill would get. */
export function MetricsPanel({ result }: { result: EvaluationResult }) {
  const cards = metricCards(result);
  const others = otherMetricKeys(result);
  const terms = glossary([...cards.map((c) => c.key), ...others]);
  return (
    <section className="card" aria-labelledby="metrics-title">
      <h2 id="metrics-title">How good is it?</h2>
      <p className="muted">Each number comes with the range it would likely fall in on other data like this (95%), and what a model without any skill would get.</p>
      <ul className="eval-dot-legend muted" aria-hidden="true">
        <li>
          <span className="eval-metric__dot eval-metric__dot--ok" /> clearly better than no model
        </li>
        <li>
          <span className="eval-metric__dot eval-metric__dot--warn" /> not clearly better
        </li>
        <li>
          <span className="eval-metric__dot eval-metric__dot--error" /> worse
        </li>
      </ul>
      <div className="eval-metrics" role="list" aria-label="Headline metrics">
        {cards.map((c) => (
          <div key={c.key} className="stat eval-metric" role="listitem" data-metric={c.key}>
            <div className="stat__label">{c.plain}</div>
            <div className="stat__value">
              {c.value}
              {c.versusBaseline && <span className={`eval-metric__dot eval-metric__dot--${TONE[c.versusBaseline]}`} role="img" title={TONE_WORDS[c.versusBaseline]} aria-label={TONE_WORDS[c.versusBaseline]} />}
            </div>
            {c.interval && <div className="eval-metric__range">95% range {c.interval}</div>}
            {c.baseline && <div className="eval-metric__baseline">{c.baseline}</div>}
            <div className="stat__meaning">{c.reason ?? c.meaning}</div>
          </div>
        ))}
      </div>
      {others.length > 0 && (
        <details className="eval-details">
          <summary>All {Object.keys(result.metrics).length} numbers</summary>
          <table className="eval-table eval-table--compact" aria-label="All metrics">
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col" className="eval-table__num">Value</th>
                <th scope="col" className="eval-table__num">95% range</th>
                <th scope="col" className="eval-table__num">No model</th>
                <th scope="col">Meaning</th>
              </tr>
            </thead>
            <tbody>
              {Object.keys(result.metrics).map((k) => (
                <tr key={k}>
                  <td>{metricWords(k).plain}</td>
                  <td className="eval-table__num">{formatMetric(k, result.metrics[k])}</td>
                  <td className="eval-table__num">{formatInterval(k, result.ci[k]) ?? ''}</td>
                  <td className="eval-table__num">{result.baseline[k] == null ? '' : formatMetric(k, result.baseline[k])}</td>
                  <td className="muted">{result.metrics[k] === null ? (result.reasons[k] ?? '') : metricWords(k).meaning}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
      <details className="eval-details">
        <summary>Glossary: the technical names</summary>
        <ul className="eval-glossary">
          {terms.map((t) => (
            <li key={t.plain}>
              <strong>{t.plain}</strong>: {t.technical}
            </li>
          ))}
          <li>
            <strong>95% range</strong>: a confidence interval (Wilson for shares, a seeded bootstrap for the rest)
          </li>
        </ul>
      </details>
    </section>
  );
}
