import { useState } from 'react';
import { paretoFront } from '../../../../../shared/budget/spend/pareto';
import { formatMoney } from '../../../../../shared/domain/money';
import { CostScatterChart } from '../../../charts/runs/CostScatterChart';
import { metricDirection, paretoCandidates, scatterMetricKeys } from './compare-shaping';
import { MetricChoice } from './MetricChoice';
import type { RunComparisonValue } from './compare-types';

/** A chosen metric against cost, with the runs no other run beats on both marked, and one sentence on which to pick. */
export function ParetoPanel({ comparison, colors, currency }: { comparison: RunComparisonValue; colors: string[]; currency: string }) {
  const keys = scatterMetricKeys(comparison.runs);
  const [metric, setMetric] = useState(keys[0] ?? '');
  const [direction, setDirection] = useState<'higher' | 'lower'>(() => metricDirection(keys[0] ?? ''));
  const key = keys.includes(metric) ? metric : (keys[0] ?? '');
  const result = key ? paretoFront({ candidates: paretoCandidates(comparison.runs, key), metricName: key, direction, currency }) : null;
  const front = new Set(result?.front ?? []);
  const colorOf = new Map(comparison.runs.map((r, i) => [r.id, colors[i]!]));
  return (
    <section className="card" aria-labelledby="pareto-title">
      <h2 id="pareto-title">What each run bought</h2>
      <p className="muted">Each dot is a run: further right cost more, higher (or lower) scored better. A ringed dot ★ is a run no other run beats on both cost and the metric.</p>
      {keys.length === 0 ? (
        <p className="muted">No metric is logged by at least two of these runs, so there is nothing to set against cost.</p>
      ) : (
        <>
          <div className="pareto-controls">
            <MetricChoice
              keys={keys}
              metric={key}
              direction={direction}
              onChange={(m, d) => {
                setMetric(m);
                setDirection(d);
              }}
            />
          </div>
          {result && (
            <>
              <p className="pareto-answer" data-testid="pareto-answer">
                {result.answer}
              </p>
              {result.points.length > 0 && (
                <CostScatterChart
                  points={result.points.map((p) => ({ x: p.costCents, y: p.metric, id: p.id, name: p.name, onFront: front.has(p.id), color: colorOf.get(p.id) ?? '#888' }))}
                  metricName={key}
                  currency={currency}
                  formatCost={(cents) => formatMoney(cents, currency)}
                />
              )}
              {result.excluded.length > 0 && (
                <p className="muted">
                  Not on the chart: {result.excluded.map((e) => `${comparison.runs.find((r) => r.id === e.id)?.name ?? e.id} (${e.reason === 'no cost' ? 'cost unknown: set its hardware' : e.reason})`).join(', ')}.
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
