import { useState } from 'react';
import type { Input } from '../../../../../shared/contract';
import type { MonthlyBudget, Scenario } from '../../../../../shared/contract/scenarios';
import type { WizardPayload } from './scenario-payload';
import { asErrorData } from '../../../../../shared/domain/errors';
import { Field } from '../../../components/Field';
import { useSingleFlight } from '../../../components/single-flight';
import { useRpcMutation, useRpcQuery } from '../../../data/rpc-query';
import { useNavigation } from '../../../stores/navigation';
import { activeProjects } from '../../../stores/projects/projects.selectors';
import { defaultProjectId, useRecent } from '../../../stores/recent/recent.store';
import { NEW_PROJECT, saveTarget } from './save-target';
import { createdProjectNote, NewPlanProject, NO_PROJECT_YET, useNewProjectChoice } from '../parts/NewPlanProject';

/**
 * Saves the result on screen to a project (an existing one, or a new one made right here with its
 * currency and rate; the answer then reads in that currency before it is saved), or
 * back to the scenario it was opened from. The result is sent as shown, so the saved figures are
 * exactly the ones the owner saw. One save at a time: a double click saves once.
 */
export function SaveScenario({
  payload,
  defaultName,
  editing,
  monthlyBudget,
  projectId: shownProjectId,
  onProjectChange,
  typedName,
  onNameChange,
  onSaved,
}: {
  payload: WizardPayload;
  defaultName: string;
  editing: Scenario | null;
  /** The plan's monthly budget as the wizard read it; left out, a saved plan keeps its own. */
  monthlyBudget?: MonthlyBudget | null;
  /** The project the wizard shows the answer for, when the page chooses it. */
  projectId?: string;
  onProjectChange?(id: string): void;
  /**
   * The name the owner typed, kept by the wizard so it outlives this form ("Change answers" and
   * back); null while none is typed. Left out, the form keeps it itself.
   */
  typedName?: string | null;
  onNameChange?(name: string): void;
  /** The plan was saved: the wizard is finished. */
  onSaved?(s: Scenario): void;
}) {
  const all = useRpcQuery('projects.list', {});
  const create = useRpcMutation('scenarios.create');
  const update = useRpcMutation('scenarios.update');
  const go = useNavigation((s) => s.go);
  const recent = useRecent((s) => s.projectId);
  const rememberProject = useRecent((s) => s.rememberProject);
  const projects = activeProjects(all.data ?? []);
  const [projectId, setProjectId] = useState(editing?.projectId ?? '');
  const choice = useNewProjectChoice<HTMLSelectElement>({ hasProjects: projects.length > 0, offered: !editing && all.isSuccess });
  const { showNew, created } = choice;
  const [ownName, setOwnName] = useState<string | null>(null);
  // Typed, else the saved plan's own, else the one proposed from the answers (it follows them).
  const name = (onNameChange ? typedName : ownName) ?? editing?.name ?? defaultName;
  const setName = onNameChange ?? setOwnName;
  const [error, setError] = useState<{ field: 'name' | 'project'; message: string } | null>(null);
  const [saved, setSaved] = useState<Scenario | null>(null);
  // The page's choice, else this form's, else the project used last; with no project yet, "New project…".
  const chosen = showNew ? NEW_PROJECT : shownProjectId || projectId || defaultProjectId(projects, null, recent);
  // No project to save into: none exists and the new-project form was cancelled.
  const noProject = !editing && all.isSuccess && chosen === '';
  const budgetField = monthlyBudget === undefined ? {} : { monthlyBudget };
  const choose = (id: string) => {
    setProjectId(id);
    onProjectChange?.(id);
  };

  const save = useSingleFlight(async (asNew: boolean) => {
    setError(null);
    const target = editing && !asNew ? null : saveTarget(chosen);
    if (target?.kind === 'invalid') return setError({ field: 'project', message: target.message });
    try {
      let s: Scenario;
      if (editing && !asNew) {
        s = await update.mutateAsync({ id: editing.id, patch: { name, estimate: payload, ...budgetField } } as Input<'scenarios.update'>);
      } else {
        const into = target?.kind === 'existing' ? target.projectId : '';
        s = await create.mutateAsync({ projectId: into, name, ...budgetField, ...payload } as Input<'scenarios.create'>);
      }
      rememberProject(s.projectId);
      setSaved(s);
      onSaved?.(s);
    } catch (e) {
      setError({ field: 'name', message: asErrorData(e).message });
    }
  });

  return (
    <div className="card plan-save-scenario" aria-label="Save this plan" role="group">
      <h2>{editing ? `Saved as “${editing.name}”` : 'Save this plan to a project'}</h2>
      <div className="form__row">
        <Field label="Plan name" hint="How you will recognise it in the project." error={error?.field === 'name' ? error.message : undefined}>
          {(p) => <input {...p} name="scenarioName" value={name} maxLength={120} onChange={(e) => (setName(e.target.value), setSaved(null))} />}
        </Field>
        {!editing && (
          <Field label="Project" hint="Where the plan is kept; its budget can be set from it." error={error?.field === 'project' ? error.message : undefined}>
            {(p) => (
              <select
                {...p}
                ref={choice.picker}
                name="projectId"
                value={chosen}
                onChange={(e) => {
                  setError(null);
                  setSaved(null);
                  choice.picked(e.target.value);
                  if (e.target.value !== NEW_PROJECT) choose(e.target.value);
                }}
              >
                {chosen === '' && <option value="">{NO_PROJECT_YET}</option>}
                {projects.map((pr) => (
                  <option key={pr.id} value={pr.id}>
                    {pr.name}
                  </option>
                ))}
                <option value={NEW_PROJECT}>New project…</option>
              </select>
            )}
          </Field>
        )}
      </div>
      {showNew && (
        <NewPlanProject
          onCancel={choice.cancel}
          onCreated={(p) => {
            choice.made(p);
            setError(null);
            choose(p.id);
          }}
        />
      )}
      {created && (
        <p className="banner banner--ok" role="status">
          {createdProjectNote(created, onProjectChange ? 'the answer and the prices you typed' : null)}
        </p>
      )}
      {showNew || noProject ? (
        <p className="muted">{showNew ? 'Create the project first; the plan is then saved into it.' : 'Choose “New project…” to make the project the plan is saved into.'}</p>
      ) : (
        <div className="form__actions">
          {editing && (
            <button type="button" className="button" disabled={save.busy} onClick={() => void save.run(true)}>
              Save as a new plan
            </button>
          )}
          <button type="button" className="button button--primary" disabled={save.busy} onClick={() => void save.run(false)}>
            {save.busy ? 'Saving…' : editing ? 'Save changes' : 'Save plan'}
          </button>
        </div>
      )}
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
