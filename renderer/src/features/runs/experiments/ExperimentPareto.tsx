import { useState } from 'react';
import type { Experiment } from '../../../../../shared/contract/experiments';
import { formatMoney } from '../../../../../shared/domain/money';
import { CostScatterChart } from '../../../charts/runs/CostScatterChart';
import { useChartColors } from '../../../charts/theme';
import { ErrorBanner } from '../../../components/ErrorBanner';
import { useRpcQuery } from '../../../data/rpc-query';
import { MetricChoice } from '../compare/MetricChoice';

/**
 * "Which run gives the most per dollar?" over all the runs of one experiment (compare does it for
 * the 2-10 runs ticked): a chosen metric against cost, the runs no other run beats on both ringed,
 * and one sentence on which to pick.
 */
export function ExperimentPareto({ experiments, metricKeys }: { experiments: Experiment[]; metricKeys: string[] }) {
  const active = experiments.filter((e) => e.lifecycleStage === 'active' && e.runCount > 0);
  const [experimentId, setExperimentId] = useState('');
  const [metric, setMetric] = useState('');
  const [direction, setDirection] = useState<'higher' | 'lower'>('higher');
  const colors = useChartColors();
  const expId = active.some((e) => e.id === experimentId) ? experimentId : (active[0]?.id ?? '');
  const key = metricKeys.includes(metric) ? metric : (metricKeys[0] ?? '');
  const pareto = useRpcQuery('budget.pareto', { experimentId: expId, metricKey: key, direction }, { enabled: expId !== '' && key !== '' });
  if (active.length === 0 || metricKeys.length === 0) return null;
  const r = pareto.data;
  return (
    <section className="card" aria-labelledby="experiment-pareto-title">
      <h2 id="experiment-pareto-title">Metric per dollar</h2>
      <p className="muted">Every finished run of an experiment: further right cost more, higher (or lower) scored better. A ringed dot ★ is a run no other run beats on both cost and the metric.</p>
      <div className="pareto-controls">
        <label className="field">
          <span>Experiment</span>
          <select value={expId} onChange={(e) => setExperimentId(e.target.value)}>
            {active.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </label>
        <MetricChoice
          keys={metricKeys}
          metric={key}
          direction={direction}
          onChange={(m, d) => {
            setMetric(m);
            setDirection(d);
          }}
        />
      </div>
      <ErrorBanner error={pareto.error ?? null} />
      {r && (
        <>
          <p className="pareto-answer" data-testid="experiment-pareto-answer">
            {r.answer}
          </p>
          {r.points.length > 0 && (
            <CostScatterChart
              points={r.points.map((p, i) => ({ x: p.costCents, y: p.metric, id: p.id, name: p.name, onFront: p.onFront, color: colors.series[i % colors.series.length] ?? '#888' }))}
              metricName={key}
              currency={r.currency}
              formatCost={(cents) => formatMoney(cents, r.currency)}
            />
          )}
          {(r.excluded.length > 0 || r.running.length > 0) && (
            <p className="muted">
              {r.excluded.length > 0 && `${r.excluded.length} ${r.excluded.length === 1 ? 'run is' : 'runs are'} not on the chart (no cost or no value of this metric). `}
              {r.running.length > 0 && `${r.running.length} still running: their cost is not final yet.`}
            </p>
          )}
        </>
      )}
    </section>
  );
}
