import { useState } from 'react';
import type { Experiment } from '../../../../../shared/contract/experiments';
import type { Scenario } from '../../../../../shared/contract/scenarios';
import { useSubmit } from '../../../components/use-submit';

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
  const update = useSubmit('experiments.update', { invalidates: ['experiments', 'runs'] });
  const remove = useSubmit('experiments.delete', { invalidates: ['experiments', 'runs'] });
  const restore = useSubmit('experiments.restore', { invalidates: ['experiments', 'runs'] });
  const move = useSubmit('experiments.move', { invalidates: ['experiments', 'runs', 'budget', 'ledger'] });
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
              void update.submit({ id: x.id, patch: { name } }, () => setEditing(false));
            }}
          >
            <input aria-label={`New name for ${x.name}`} value={name} onChange={(e) => setName(e.target.value)} autoFocus />
            <button type="submit" className="button plan-button--small" disabled={update.busy}>
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
          disabled={deleted || update.busy}
          onChange={(e) => void update.submit({ id: x.id, patch: { scenarioId: e.target.value || null } })}
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
              disabled={move.busy}
              onChange={(e) => e.target.value && void move.submit({ id: x.id, projectId: e.target.value })}
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
            <button type="button" className="button plan-button--small" disabled={restore.busy} onClick={() => void restore.submit({ id: x.id })}>
              Restore
            </button>
          ) : (
            <button type="button" className="button plan-button--small button--danger" title="Moves the experiment and its runs to Deleted; restore brings them back." disabled={remove.busy} onClick={() => void remove.submit({ id: x.id })}>
              Delete
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
