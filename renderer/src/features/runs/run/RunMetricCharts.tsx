import { MetricLineChart } from '../../../charts/runs/MetricLineChart';
import { toChartLine } from '../../../charts/runs/metric-series';
import { useChartColors } from '../../../charts/theme';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRpcQuery } from '../../../data/rpc-query';

/** Buckets per chart: about one per 2 pixels of a half-width chart. */
const CHART_BUCKETS = 500;
/** Charts drawn at once; more keys are listed with their latest value only. */
const MAX_CHARTS = 12;

/** One chart per metric key the run logged (system/* metrics last). */
export function RunMetricCharts({ runId, keys }: { runId: string; keys: string[] }) {
  const ordered = [...keys.filter((k) => !k.startsWith('system/')), ...keys.filter((k) => k.startsWith('system/'))];
  const shown = ordered.slice(0, MAX_CHARTS);
  return (
    <section className="card" aria-labelledby="run-metrics-title">
      <h2 id="run-metrics-title">Metrics over training</h2>
      {keys.length === 0 ? (
        <p className="muted">This run logged no metrics.</p>
      ) : (
        <>
          <div className="run-charts">
            {shown.map((key) => (
              <OneMetric key={key} runId={runId} metricKey={key} />
            ))}
          </div>
          {ordered.length > shown.length && <p className="muted">{ordered.length - shown.length} more metrics are not charted here; compare runs to chart any of them.</p>}
        </>
      )}
    </section>
  );
}

function OneMetric({ runId, metricKey }: { runId: string; metricKey: string }) {
  const c = useChartColors();
  const q = useRpcQuery('runs.series', { runId, keys: [metricKey], maxPoints: CHART_BUCKETS });
  const series = q.data?.metrics[0]?.series;
  if (q.error) return <ErrorBanner error={q.error} />;
  if (!series) {
    return (
      <figure className="metric-chart" aria-busy="true">
        <h3>{metricKey}</h3>
        <p className="muted">Loading…</p>
      </figure>
    );
  }
  return <MetricLineChart title={metricKey} lines={[toChartLine(series, metricKey, c.series[0]!)]} />;
}
