import { useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { MonthlyBudget, Scenario } from '../../../../../shared/contract/scenarios';
import type { WizardPayload } from './scenario-payload';
import { asErrorData } from '../../../../../shared/domain/errors';
import { Field } from '../../../components/Field';
import { useRpcMutation, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { activeProjects } from '../../../stores/projects/projects.selectors';

/**
 * Saves the result on screen to a project, or back to the scenario it was opened from. The
 * result is sent as shown, so the saved figures are exactly the ones the owner saw.
 */
export function SaveScenario({
  payload,
  defaultName,
  editing,
  monthlyBudget,
  projectId: shownProjectId,
  onProjectChange,
}: {
  payload: WizardPayload;
  defaultName: string;
  editing: Scenario | null;
  /** The plan's monthly budget as the wizard read it; left out, a saved plan keeps its own. */
  monthlyBudget?: MonthlyBudget | null;
  /** The project the wizard shows the answer for, when the page chooses it. */
  projectId?: string;
  onProjectChange?(id: string): void;
}) {
  const all = useRpcQuery('projects.list', {});
  const create = useRpcMutation('scenarios.create');
  const update = useRpcMutation('scenarios.update');
  const go = useNavigation((s) => s.go);
  const projects = activeProjects(all.data ?? []);
  const [projectId, setProjectId] = useState(editing?.projectId ?? '');
  const [name, setName] = useState(editing?.name ?? defaultName);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<Scenario | null>(null);
  const busy = create.isPending || update.isPending;
  const chosen = shownProjectId || projectId || projects[0]?.id || '';
  const budgetField = monthlyBudget === undefined ? {} : { monthlyBudget };

  async function save(asNew: boolean) {
    setError(null);
    try {
      const s =
        editing && !asNew
          ? await update.mutateAsync({ id: editing.id, patch: { name, estimate: payload, ...budgetField } } as Input<'scenarios.update'>)
          : await create.mutateAsync({ projectId: chosen, name, ...budgetField, ...payload } as Input<'scenarios.create'>);
      setSaved(s);
    } catch (e) {
      setError(asErrorData(e).message);
    }
  }

  if (all.isSuccess && projects.length === 0 && !editing) {
    return (
      <div className="card plan-save-scenario">
        <h2>Save this plan</h2>
        <p className="muted">
          Plans are kept in a project.{' '}
          <a href="#/projects" onClick={(e) => (e.preventDefault(), go({ page: 'projects' }))}>
            Create a project
          </a>{' '}
          first, then come back.
        </p>
      </div>
    );
  }
  return (
    <div className="card plan-save-scenario" aria-label="Save this plan" role="group">
      <h2>{editing ? `Saved as “${editing.name}”` : 'Save this plan to a project'}</h2>
      <div className="form__row">
        <Field label="Plan name" hint="How you will recognise it in the project." error={error ?? undefined}>
          {(p) => <input {...p} name="scenarioName" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />}
        </Field>
        {!editing && (
          <Field label="Project" hint="Where the plan is kept; its budget can be set from it.">
            {(p) => (
              <select {...p} name="projectId" value={chosen} onChange={(e) => (setProjectId(e.target.value), onProjectChange?.(e.target.value))}>
                {projects.map((pr) => (
                  <option key={pr.id} value={pr.id}>
                    {pr.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </div>
      <div className="form__actions">
        {editing && (
          <button type="button" className="button" disabled={busy} onClick={() => void save(true)}>
            Save as a new plan
          </button>
        )}
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void save(false)}>
          {editing ? 'Save changes' : 'Save plan'}
        </button>
      </div>
      {saved && (
        <p className="banner banner--ok" role="status">
          Saved “{saved.name}”.{' '}
          <a href={`#/projects/${encodeURIComponent(saved.projectId)}`} onClick={(e) => (e.preventDefault(), go({ page: 'project', id: saved.projectId }))}>
            Open the project
          </a>
        </p>
      )}
    </div>
  );
}
