import { ErrorBanner } from '../../components/ErrorBanner';
import { useSubmit } from '../../components/use-submit';
import { useRpcQuery } from '../../data/rpc-query';

/**
 * Which Plan scenario each experiment carries out. Its runs then count against that plan (a run
 * may name a scenario of its own on the run page). Costed scenarios only make sense here, but any
 * saved scenario can be chosen.
 */
export function PlanLinks({ projectId }: { projectId: string }) {
  const experiments = useRpcQuery('experiments.list', { projectId });
  const scenarios = useRpcQuery('scenarios.list', { projectId });
  const link = useSubmit('experiments.update', { invalidates: ['experiments', 'budget'] });
  const list = experiments.data?.experiments ?? [];
  const plans = scenarios.data ?? [];
  if (list.length === 0 || plans.length === 0) {
    return <p className="muted budget-note">{plans.length === 0 ? 'Save a plan to this project (in Plan) to compare it with what the runs cost.' : 'No experiment in this project yet: runs logged by MLflow clients create them.'}</p>;
  }
  return (
    <div className="budget-links">
      <ErrorBanner error={experiments.error ?? scenarios.error ?? link.error ?? null} />
      <table className="plan-table">
        <thead>
          <tr>
            <th scope="col">Experiment</th>
            <th scope="col">Carries out the plan</th>
          </tr>
        </thead>
        <tbody>
          {list.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.name}</th>
              <td>
                <select
                  aria-label={`Plan carried out by ${e.name}`}
                  value={e.scenarioId ?? ''}
                  disabled={link.busy}
                  onChange={(ev) => void link.submit({ id: e.id, patch: { scenarioId: ev.target.value === '' ? null : ev.target.value } })}
                >
                  <option value="">No plan</option>
                  {plans.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
