import { formatCents, formatCentsRange } from '../../../../shared/budget/spend/spend-format';
import type { BudgetReport } from '../../../../shared/contract/budget';

/** When the money runs out at the recent rate, with its range, in one sentence; then the month end. */
export function ForecastCard({ report }: { report: BudgetReport }) {
  const { runout, monthEnd } = report;
  const rate = runout.rate;
  return (
    <section className="card budget-forecast" aria-labelledby="forecast-title">
      <h2 id="forecast-title">When the money runs out</h2>
      <p className="budget-forecast__sentence" data-testid="runout-sentence">
        {runout.message}
      </p>
      <p>{monthEnd.message}</p>
      {rate && (
        <p className="muted">
          Recent burn rate: {formatCents(Math.round(rate.perDayCents), report.currency)} a day, likely {formatCentsRange(Math.round(rate.lowPerDayCents), Math.round(rate.highPerDayCents), report.currency)} (the days from {rate.from} to {rate.to}).
        </p>
      )}
      <details className="budget-details">
        <summary>How this is worked out</summary>
        <p>{runout.method}</p>
        <ul>
          {[...runout.assumptions, ...report.assumptions].map((a) => (
            <li key={a}>{a}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
