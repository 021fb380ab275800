import { dayLabel } from '../../../../shared/budget/spend/spend-dates';
import { BurnDownChart } from '../../charts/budget/BurnDownChart';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';
import { BudgetAlerts } from './BudgetAlertBanner';
import { BudgetGauge } from './BudgetGauge';
import { ForecastCard } from './ForecastCard';
import { LedgerPanel } from './ledger/LedgerPanel';
import { NotCountedCard } from './NotCountedCard';
import { PlanVsActual } from './PlanVsActual';
import { RatesPanel } from './rates/RatesPanel';
import { SpendBreakdown } from './SpendBreakdown';
import './budget.css';

/**
 * A project's budget against what it actually spent: the gauge, the burn-down against the plan
 * and the caps, when the money runs out, where it went, planned vs actual per scenario, the
 * ledger (entries, bills) and the prices and exchange rate behind the figures. Every figure is
 * in the project's currency and comes from budget.status, so the page, the CLI and the alerts
 * agree.
 */
export function BudgetPage({ projectId }: { projectId: string }) {
  const go = useNavigation((s) => s.go);
  const project = useRpcQuery('projects.get', { id: projectId });
  const status = useRpcQuery('budget.status', { projectId });
  const report = status.data;
  const p = project.data;
  return (
    <section className="page budget-page" aria-labelledby="budget-title">
      <a className="back" href={`#/projects/${encodeURIComponent(projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'project', id: projectId }))}>
        ← {p?.name ?? 'Project'}
      </a>
      <header className="page__header">
        <div>
          <h1 id="budget-title">Budget</h1>
          {report && (
            <p className="muted">
              {report.projectName} · in {report.currency} · as of {dayLabel(report.today)}
            </p>
          )}
          {report?.exchangeRate && <p className="muted budget-note">{report.exchangeRate.sentence}</p>}
        </div>
      </header>
      <ErrorBanner error={project.error ?? status.error ?? null} />
      {!report && !status.error && <p className="muted">Working out the budget…</p>}
      {report && p && (
        <>
          <BudgetAlerts alerts={report.alerts} projectId={projectId} withLink={false} />
          <BudgetGauge report={report} />
          <section className="card" aria-labelledby="burn-title">
            <h2 id="burn-title">Burn-down</h2>
            <p className="muted budget-note">Money spent so far against the plan from your saved scenarios and against the caps. The dotted vertical line is today.</p>
            <BurnDownChart burnDown={report.burnDown} today={report.today} />
            <p className="muted budget-note">{report.burnDown.assumptions.filter((a) => a.startsWith('The plan') || a.startsWith('No plan')).join(' ')}</p>
          </section>
          <ForecastCard report={report} />
          <SpendBreakdown report={report} />
          <NotCountedCard report={report} />
          <PlanVsActual projectId={projectId} currency={report.currency} />
          <LedgerPanel projectId={projectId} currency={report.currency} today={report.today} />
          <RatesPanel project={p} today={report.today} />
        </>
      )}
    </section>
  );
}
