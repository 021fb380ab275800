import type { EvaluationResult } from '../../../../../../shared/contract/evaluation-result';
import { QualityBar } from '../../../../charts/quality/QualityBar';
import { formatMetric } from '../../metric-words';

const QUANTILES = ['smallest', '5%', '25%', 'median', '75%', '95%', 'largest'];

/** Regression: how far off the predictions are, as a histogram of errors and their spread. */
export function ResidualsPanel({ result }: { result: EvaluationResult }) {
  const r = result.residuals;
  if (!r) return null;
  const fmt = (v: number) => formatMetric('mae', v);
  const data = r.histogram.counts.map((count, i) => ({ bin: `${fmt(r.histogram.edges[i]!)} – ${fmt(r.histogram.edges[i + 1]!)}`, count }));
  return (
    <section className="card" aria-labelledby="residuals-title">
      <h2 id="residuals-title">How far off the predictions are</h2>
      <p className="muted">
        Error = true value minus prediction. On average the model is off by {fmt(r.mean)} in one direction ({r.mean > 0 ? 'it predicts too low' : r.mean < 0 ? 'it predicts too high' : 'no lean'}); half of
        the errors lie between {fmt(r.quantiles[2]!)} and {fmt(r.quantiles[4]!)}.
      </p>
      <QualityBar data={data} indexBy="bin" keys={['count']} label="How many rows have each size of error" size="medium" valueFormat={(v) => Math.round(v).toLocaleString('en-US')} />
      <dl className="facts eval-quantiles">
        {r.quantiles.map((q, i) => (
          <div key={QUANTILES[i]} className="eval-quantile">
            <dt>{QUANTILES[i]}</dt>
            <dd>{fmt(q)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
