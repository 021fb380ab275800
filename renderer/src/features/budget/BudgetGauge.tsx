import { formatCents, formatShare } from '../../../../shared/budget/spend/spend-format';
import type { BudgetReport } from '../../../../shared/contract/budget';
import { gaugeParts, gaugeWords, monthWords } from './budget-figures';

const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

function Stat({ label, value, meaning, tone }: { label: string; value: string; meaning: string; tone?: 'spent' | 'committed' | 'remaining' | 'over' }) {
  return (
    <div className="stat">
      <div className="stat__label">
        {tone && <span className={`budget-swatch budget-swatch--${tone}`} aria-hidden="true" />}
        {label}
      </div>
      <div className="stat__value">{value}</div>
      <div className="stat__meaning">{meaning}</div>
    </div>
  );
}

/** Spent, committed by running runs and later entries, and what is left, as one bar and in words. */
export function BudgetGauge({ report }: { report: BudgetReport }) {
  const s = report.status;
  const money = (c: number) => formatCents(c, report.currency);
  const parts = gaugeParts(s);
  const words = gaugeWords(s);
  return (
    <section className="card budget-gauge" aria-labelledby="gauge-title">
      <h2 id="gauge-title">Where the money stands</h2>
      {parts && (
        <div className="budget-bar" role="img" aria-label={words.join(' ')}>
          <span className="budget-bar__part budget-bar__part--spent" style={{ width: pct(parts.spent) }} />
          <span className="budget-bar__part budget-bar__part--committed" style={{ width: pct(parts.committed) }} />
          <span className="budget-bar__part budget-bar__part--remaining" style={{ width: pct(parts.remaining) }} />
          <span className="budget-bar__part budget-bar__part--over" style={{ width: pct(parts.over) }} />
          <span className="budget-bar__mark budget-bar__mark--warn" style={{ left: pct(parts.warnAt) }} title="80% of the budget" />
          {parts.budgetAt < 1 && <span className="budget-bar__mark budget-bar__mark--budget" style={{ left: pct(parts.budgetAt) }} title="The budget" />}
        </div>
      )}
      {parts && s.budgetCents !== null && (
        <div className="budget-bar__scale" aria-hidden="true">
          <span style={{ left: 0 }}>{money(0)}</span>
          <span className="budget-bar__scale--mid" style={{ left: pct(parts.warnAt) }}>
            80%
          </span>
          <span className="budget-bar__scale--end" style={{ left: pct(parts.budgetAt) }}>
            budget {money(s.budgetCents)}
          </span>
        </div>
      )}
      <p className="budget-gauge__words" data-testid="gauge-words">
        {words.join(' ')}
      </p>
      <div className="stats" role="group" aria-label="Budget figures">
        <Stat label="Spent" tone="spent" value={money(s.spentCents)} meaning={s.shareSpent === null ? 'Paid so far: the ledger and finished runs.' : `${formatShare(s.shareSpent)} of the budget, paid so far.`} />
        <Stat label="Committed" tone="committed" value={money(s.committed.totalCents)} meaning="Running runs and entries dated later: money already on its way out." />
        <Stat
          label="Remaining"
          tone={s.remainingCents !== null && s.remainingCents < 0 ? 'over' : 'remaining'}
          value={s.remainingCents === null ? 'No budget' : s.remainingCents < 0 ? `${money(-s.remainingCents)} over` : money(s.remainingCents)}
          meaning={s.budgetCents === null ? 'Set a total budget on the project to see what is left.' : 'The budget less spent and committed.'}
        />
        <Stat label="This month" value={money(s.month.spentCents)} meaning={monthWords(s)} />
      </div>
    </section>
  );
}
