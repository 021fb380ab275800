import type { BudgetReport } from '../../../../shared/contract/budget';
import { useRpcQuery } from '../../data/rpc-query';
import { useNavigation } from '../../stores/navigation';

/**
 * The project's budget alerts as banners: an error when the budget or this month's cap is used
 * up, a warning at 80% or when the forecast says the money runs out early. Shown on the project
 * page (with a link to the budget page) and on the budget page itself.
 */
export function BudgetAlerts({ alerts, projectId, withLink }: { alerts: BudgetReport['alerts']; projectId: string; withLink: boolean }) {
  const go = useNavigation((s) => s.go);
  if (alerts.length === 0) return null;
  // One way to the budget page is enough; it sits on the first (most severe) banner.
  return (
    <div className="budget-alerts" role="region" aria-label="Budget alerts">
      {alerts.map((a, i) => (
        <div key={a.id} className={`banner ${a.severity === 'error' ? 'banner--error' : 'banner--warn'}`} role={a.severity === 'error' ? 'alert' : 'status'} data-alert-id={a.id}>
          <strong>{a.severity === 'error' ? 'Budget exceeded.' : 'Budget warning.'}</strong> {a.message}{' '}
          {withLink && i === 0 && (
            <a href={`#/projects/${encodeURIComponent(projectId)}/budget`} onClick={(e) => (e.preventDefault(), go({ page: 'budget', projectId }))}>
              See the budget →
            </a>
          )}
        </div>
      ))}
    </div>
  );
}

/** The banners for one project, read through the same cached budget.status as the budget page. */
export function BudgetAlertBanner({ projectId, withLink = false }: { projectId: string; withLink?: boolean }) {
  const q = useRpcQuery('budget.status', { projectId });
  return q.data ? <BudgetAlerts alerts={q.data.alerts} projectId={projectId} withLink={withLink} /> : null;
}
