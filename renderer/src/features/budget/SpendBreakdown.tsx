import { formatCents } from '../../../../shared/budget/spend/spend-format';
import type { BudgetReport } from '../../../../shared/contract/budget';
import { CategoryBarChart } from '../../charts/budget/CategoryBarChart';

/** Where the money went: by category (a chart) and by experiment (a table with what is committed). */
export function SpendBreakdown({ report }: { report: BudgetReport }) {
  const s = report.status;
  const money = (c: number) => formatCents(c, report.currency);
  return (
    <div className="budget-split">
      <section className="card" aria-labelledby="by-category-title">
        <h2 id="by-category-title">Spent by category</h2>
        {s.spentCents === 0 ? <p className="muted">Nothing spent yet.</p> : <CategoryBarChart data={s.byCategory} currency={report.currency} />}
        <p className="muted budget-note">Runs count as compute; ledger entries and bills carry their own category.</p>
      </section>
      <section className="card" aria-labelledby="by-experiment-title">
        <h2 id="by-experiment-title">Spent by experiment</h2>
        {s.byExperiment.length === 0 ? (
          <p className="muted">Nothing spent or committed yet.</p>
        ) : (
          <div className="plan-table-scroll">
            <table className="plan-table" aria-labelledby="by-experiment-title">
              <thead>
                <tr>
                  <th scope="col">Experiment</th>
                  <th scope="col" className="budget-num">Spent</th>
                  <th scope="col" className="budget-num">Committed</th>
                </tr>
              </thead>
              <tbody>
                {s.byExperiment.map((e) => (
                  <tr key={e.experimentId ?? 'none'}>
                    <th scope="row" className={e.experimentId === null ? 'muted' : undefined}>
                      {e.name}
                    </th>
                    <td className="budget-num">{money(e.spentCents)}</td>
                    <td className="budget-num">{e.committedCents === 0 ? '–' : money(e.committedCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted budget-note">Ledger entries belong to no experiment; runs to theirs.</p>
      </section>
    </div>
  );
}
