import { Field } from '../../../components/Field';
import { NEW_PROJECT } from '../scenarios/save-target';
import { createdProjectNote, NewPlanProject, NO_PROJECT_YET, useNewProjectChoice } from './NewPlanProject';
import type { PlanCurrency } from './plan-currency';

export interface PlanProjectChoice {
  projects: ReadonlyArray<{ id: string; name: string; currency: string }>;
  projectId: string;
  onProject(id: string): void;
  currency: PlanCurrency;
  /** The projects are read: with none, "New project…" is offered at once. */
  ready?: boolean;
  /** A plan being edited stays in its project: no "New project…". */
  locked?: boolean;
}

/**
 * Which project the plan is for, and what that means for the money on this step. "New project…"
 * makes one here (name, currency, rate), so prices can be typed in its currency before the answer.
 */
export function PlanProject({ plan }: { plan: PlanProjectChoice }) {
  const { projects, projectId, onProject, currency, ready = true, locked = false } = plan;
  const offered = !locked && ready;
  const choice = useNewProjectChoice<HTMLSelectElement>({ hasProjects: projects.length > 0, offered });
  const { showNew } = choice;
  return (
    <>
      {(projects.length > 0 || offered) && (
        <Field label="For the project" hint="The plan is saved there; its currency is the one you spend in.">
          {(p) => (
            <select
              {...p}
              ref={choice.picker}
              name="planProject"
              value={showNew ? NEW_PROJECT : projectId}
              onChange={(e) => {
                choice.picked(e.target.value);
                if (e.target.value !== NEW_PROJECT) onProject(e.target.value);
              }}
            >
              {projectId === '' && <option value="">{NO_PROJECT_YET}</option>}
              {projects.map((pr) => (
                <option key={pr.id} value={pr.id}>
                  {pr.name} ({pr.currency})
                </option>
              ))}
              {!locked && <option value={NEW_PROJECT}>New project…</option>}
            </select>
          )}
        </Field>
      )}
      {showNew && (
        <NewPlanProject
          onCancel={choice.cancel}
          onCreated={(p) => {
            choice.made(p);
            onProject(p.id);
          }}
        />
      )}
      {choice.created && (
        <p className="banner banner--ok" role="status">
          {createdProjectNote(choice.created, 'prices you type and the answer')}
        </p>
      )}
      {!showNew && currency.rateNote && <p className="muted plan-small">Catalog prices and estimates are in US dollars; we show them in {currency.currency} {currency.rateNote}.</p>}
      {!showNew && currency.missingRate && <p className="banner banner--warn">{currency.missingRate}</p>}
    </>
  );
}
