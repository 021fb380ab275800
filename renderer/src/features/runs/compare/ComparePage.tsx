import { MetricLineChart } from '../../../charts/runs/MetricLineChart';
import { toChartLine } from '../../../charts/runs/metric-series';
import { useChartColors } from '../../../charts/theme';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { formatCost, formatDuration } from '../run-format';
import { ParamsDiff } from './ParamsDiff';
import { ParetoPanel } from './ParetoPanel';
import '../runs.css';

/** Buckets per curve: the backend keeps each bucket's min and max, so a 1M-point run still shows its spikes. */
const CURVE_BUCKETS = 600;

/** 2-10 runs side by side: what differed, how they trained, and what each bought for its cost. */
export function ComparePage({ projectId, runIds }: { projectId: string; runIds: string[] }) {
  const go = useNavigation((s) => s.go);
  const c = useChartColors();
  const project = useRpcQuery('projects.get', { id: projectId });
  const valid = runIds.length >= 2 && runIds.length <= 10;
  const q = useRpcQuery('runs.compare', { runIds, maxPoints: CURVE_BUCKETS }, { enabled: valid });
  const back = (
    <a className="back" href={`#/projects/${encodeURIComponent(projectId)}/runs`} onClick={(e) => (e.preventDefault(), go({ page: 'runs', projectId }))}>
      ← All runs
    </a>
  );
  if (!valid) {
    return (
      <section className="page">
        {back}
        <h1>Compare runs</h1>
        <div className="empty">Pick 2 to 10 runs in the runs table, then press Compare.</div>
      </section>
    );
  }
  const cmp = q.data;
  const colors = runIds.map((_, i) => c.series[i % c.series.length]!);
  const currency = cmp?.runs[0]?.currency ?? project.data?.currency ?? 'USD';
  const nameOf = (id: string) => {
    const r = cmp?.runs.find((x) => x.id === id);
    return r ? r.name || r.id.slice(0, 8) : id.slice(0, 8);
  };
  return (
    <section className="page compare-page" aria-labelledby="compare-title">
      {back}
      <header className="page__header">
        <div>
          <h1 id="compare-title">Compare {runIds.length} runs</h1>
          <p className="muted">What was different between them, how they trained, and what each one bought for its cost.</p>
        </div>
      </header>
      <ErrorBanner error={q.error ?? null} />
      {!cmp ? (
        !q.error && <p className="muted">Loading runs…</p>
      ) : (
        <>
          <ul className="compare-legend" aria-label="Runs compared">
            {cmp.runs.map((r, i) => (
              <li key={r.id}>
                <span className="swatch" style={{ background: colors[i] }} />
                <a href={`#/projects/${encodeURIComponent(projectId)}/runs/${r.id}`} onClick={(e) => (e.preventDefault(), go({ page: 'run', projectId, runId: r.id }))}>
                  {r.name || r.id.slice(0, 8)}
                </a>
                <span className="muted">
                  {formatCost(r.costCents, r.currency)} · {formatDuration(r.hours)}
                </span>
              </li>
            ))}
          </ul>
          <ParamsDiff comparison={cmp} colors={colors} />
          <ParetoPanel comparison={cmp} colors={colors} currency={currency} />
          <section className="card" aria-labelledby="curves-title">
            <h2 id="curves-title">Metrics over training</h2>
            {cmp.metrics.length === 0 ? (
              <p className="muted">These runs logged no metrics.</p>
            ) : (
              <div className="run-charts">
                {cmp.metrics.map((m) => (
                  <MetricLineChart
                    key={m.key}
                    title={m.key}
                    legend
                    lines={m.series.filter((s) => s.totalPoints > 0).map((s) => toChartLine(s, nameOf(s.runId), colors[runIds.indexOf(s.runId)] ?? c.series[0]!))}
                  />
                ))}
              </div>
            )}
          </section>
        </>
      )}
    </section>
  );
}
