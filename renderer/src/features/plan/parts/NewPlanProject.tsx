import { useEffect, useRef } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { moneyOf, rateNote } from '../../../../../shared/domain/currency';
import { useRpcMutation } from '../../../data/rpc-query';
import { ProjectForm } from '../../projects/ProjectForm';
import { emptyProjectForm } from '../../projects/project-form';

/**
 * "New project…" inside a planner: the Projects page's form with only the name, the currency and
 * its rate to US dollars (dated today unless another day is typed; the rest is set later on the
 * project page). Created with the same projects.create call; the planner then switches to it.
 */
export function NewPlanProject({ onCreated, onCancel }: { onCreated(p: Project): void; onCancel?: (() => void) | undefined }) {
  const create = useRpcMutation('projects.create');
  return (
    <ProjectForm
      brief
      initial={emptyProjectForm}
      submitLabel="Create project"
      onCancel={onCancel}
      onSubmit={async (input) => onCreated(await create.mutateAsync(input))}
    />
  );
}

/** What the planner says once the project is made: where the plan goes and the money it reads in. */
export function createdProjectNote(p: Project, what: string | null): string {
  if (what === null || p.currency === 'USD') return `Created “${p.name}”.`;
  const rate = rateNote(moneyOf(p));
  if (!rate) return `Created “${p.name}” in ${p.currency}, without an exchange rate yet: ${what} stay in US dollars until one is set on the project page.`;
  return `Created “${p.name}” in ${p.currency}; ${what} now read in ${p.currency}, ${rate}.`;
}

/**
 * After a project is created from a picker, focus goes back to the picker (now showing the new
 * project), as it does to a dialog's trigger: the form that had focus is gone.
 */
export function useFocusAfterCreate<T extends HTMLElement>(created: Project | null) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (created) ref.current?.focus();
  }, [created]);
  return ref;
}
