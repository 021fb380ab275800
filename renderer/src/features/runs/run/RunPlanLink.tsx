import type { RunDetail } from '../../../../../shared/contract/runs';
import { useSubmit } from '../../../components/use-submit';
import { useRpcQuery } from '../../../data/rpc-query';

/**
 * Which Plan scenario this run carries out. A run linked here counts toward that plan's planned vs
 * actual on the budget page; unlinked, it follows its experiment's link.
 */
export function RunPlanLink({ run }: { run: RunDetail }) {
  const plans = useRpcQuery('scenarios.list', { projectId: run.projectId });
  const link = useSubmit('runs.setCompute', { invalidates: ['runs', 'budget'] });
  if (!plans.data || plans.data.length === 0) return null;
  return (
    <p className="run-page__plan">
      <label>
        Carries out plan{' '}
        <select value={run.compute.scenarioId ?? ''} disabled={link.busy} onChange={(e) => void link.submit({ id: run.id, compute: { scenarioId: e.target.value || null } })}>
          <option value="">The experiment&apos;s plan (or none)</option>
          {plans.data.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      {link.error && (
        <span className="field__error" role="alert">
          {' '}
          {link.error.message}
        </span>
      )}
    </p>
  );
}
