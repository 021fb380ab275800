import { formatCents } from '../../../../shared/budget/spend/spend-format';
import type { BudgetReport } from '../../../../shared/contract/budget';

/** What the figures leave out and why, so nothing is mixed in or dropped without a word. */
export function NotCountedCard({ report }: { report: BudgetReport }) {
  const { runs, entries, message } = report.notCounted;
  const scenarios = report.burnDown.scenariosLeftOut;
  if (!message && scenarios.length === 0) return null;
  return (
    <section className="card budget-not-counted" aria-labelledby="not-counted-title">
      <h2 id="not-counted-title">Not counted</h2>
      {message && <p>{message}</p>}
      <ul>
        {runs.map((r) => (
          <li key={r.runId}>
            Run <strong>{r.runName || r.runId.slice(0, 8)}</strong> ({r.experimentName}): {r.reason}.{' '}
            {/* A plain hash link: the run page owns its route. */}
            <a href={`#/projects/${encodeURIComponent(report.projectId)}/runs/${r.runId}`}>Set its hardware on the run page</a>
          </li>
        ))}
        {entries.map((e) => (
          <li key={e.id}>
            Entry of {e.date}, {formatCents(e.amountCents, e.currency)}
            {e.description ? ` (${e.description})` : ''}: {e.reason}. Edit it in the ledger below and give its exchange rate.
          </li>
        ))}
        {scenarios.map((s) => (
          <li key={s.id}>
            Plan <strong>{s.name}</strong> is not on the burn-down: {s.reason}.
          </li>
        ))}
      </ul>
    </section>
  );
}
