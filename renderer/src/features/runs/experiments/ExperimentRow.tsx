import { useState } from 'react';
import type { Experiment } from '../../../../../shared/contract/experiments';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { useRpcMutation } from '../../../data/rpc-query';

interface Props {
  experiment: Experiment;
  plans: Scenario[];
  /** Other projects it can move to (an MLflow client may have put it in the wrong one). */
  projects: Array<{ id: string; name: string }>;
  shown: boolean;
  onShown(on: boolean): void;
}

/** One experiment: its name (renamed in place), run count, linked plan, delete or restore. */
export function ExperimentRow({ experiment: x, plans, projects, shown, onShown }: Props) {
  const update = useRpcMutation('experiments.update', { invalidates: ['experiments', 'runs'] });
  const remove = useRpcMutation('experiments.delete', { invalidates: ['experiments', 'runs'] });
  const restore = useRpcMutation('experiments.restore', { invalidates: ['experiments', 'runs'] });
  const move = useRpcMutation('experiments.move', { invalidates: ['experiments', 'runs', 'budget', 'ledger'] });
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(x.name);
  const deleted = x.lifecycleStage === 'deleted';
  const error = update.error ?? remove.error ?? restore.error ?? move.error;
  return (
    <tr className={deleted ? 'experiments__row--deleted' : undefined}>
      <td>
        <input type="checkbox" aria-label={`Show runs of ${x.name}`} checked={shown && !deleted} disabled={deleted} onChange={(e) => onShown(e.target.checked)} />
      </td>
      <th scope="row">
        {editing ? (
          <form
            className="experiments__rename"
            onSubmit={(e) => {
              e.preventDefault();
              update.mutate({ id: x.id, patch: { name } }, { onSuccess: () => setEditing(false) });
            }}
          >
            <input aria-label={`New name for ${x.name}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit" className="button plan-button--small">
              Save
            </button>
            <button type="button" className="button plan-button--small" onClick={() => (setEditing(false), setName(x.name))}>
              Cancel
            </button>
          </form>
        ) : (
          <>
            {x.name} {deleted && <span className="badge">deleted</span>}
          </>
        )}
        {error && (
          <p className="field__error" role="alert">
            {error.message}
          </p>
        )}
      </th>
      <td className="plan-num">{x.runCount.toLocaleString('en-US')}</td>
      <td>
        <select
          aria-label={`Plan that ${x.name} carries out`}
          value={x.scenarioId ?? ''}
          disabled={deleted}
          onChange={(e) => update.mutate({ id: x.id, patch: { scenarioId: e.target.value || null } })}
        >
          <option value="">No plan linked</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </td>
      <td>
        <div className="plan-row-actions">
          {!deleted && !editing && (
            <button type="button" className="button plan-button--small" onClick={() => setEditing(true)}>
              Rename
            </button>
          )}
          {!deleted && !editing && projects.length > 0 && (
            <select
              aria-label={`Move ${x.name} to another project`}
              value=""
              disabled={move.isPending}
              onChange={(e) => e.target.value && move.mutate({ id: x.id, projectId: e.target.value })}
            >
              <option value="">Move to…</option>
              {projects.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          {deleted ? (
            <button type="button" className="button plan-button--small" onClick={() => restore.mutate({ id: x.id })}>
              Restore
            </button>
          ) : (
            <button type="button" className="button plan-button--small button--danger" title="Moves the experiment and its runs to Deleted; restore brings them back." onClick={() => remove.mutate({ id: x.id })}>
              Delete
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
