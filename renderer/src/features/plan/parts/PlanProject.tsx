import { useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { Field } from '../../../components/Field';
import { NEW_PROJECT } from '../scenarios/save-target';
import { createdProjectNote, NewPlanProject, useFocusAfterCreate } from './NewPlanProject';
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
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<Project | null>(null);
  const picker = useFocusAfterCreate<HTMLSelectElement>(created);
  const showNew = !locked && ready && (creating || projects.length === 0);
  return (
    <>
      {(projects.length > 0 || showNew) && (
        <Field label="For the project" hint="The plan is saved there; its currency is the one you spend in.">
          {(p) => (
            <select
              {...p}
              ref={picker}
              name="planProject"
              value={showNew ? NEW_PROJECT : projectId}
              onChange={(e) => {
                setCreated(null);
                if (e.target.value === NEW_PROJECT) return setCreating(true);
                setCreating(false);
                onProject(e.target.value);
              }}
            >
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
          onCancel={
            projects.length > 0
              ? () => {
                  setCreating(false);
                  picker.current?.focus();
                }
              : undefined
          }
          onCreated={(p) => {
            setCreating(false);
            setCreated(p);
            onProject(p.id);
          }}
        />
      )}
      {created && (
        <p className="banner banner--ok" role="status">
          {createdProjectNote(created, 'prices you type and the answer')}
        </p>
      )}
      {!showNew && currency.rateNote && <p className="muted plan-small">Catalog prices and estimates are in US dollars; we show them in {currency.currency} {currency.rateNote}.</p>}
      {!showNew && currency.missingRate && <p className="banner banner--warn">{currency.missingRate}</p>}
    </>
  );
}
