import { useEffect, useRef, useState } from 'react';
import type { Project } from '../../../../../shared/contract/projects';
import { moneyOf, rateNote } from '../../../../../shared/domain/currency';
import { useRpcMutation } from '../../../data/rpc-query';
import { ProjectForm } from '../../projects/ProjectForm';
import { emptyProjectForm } from '../../projects/project-form';
import { NEW_PROJECT } from '../scenarios/save-target';

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

/** The option a project picker shows while no project is chosen: none exists, or the form was cancelled. */
export const NO_PROJECT_YET = 'No project yet';

/**
 * "New project…" in a project picker (the planner's step and its save form alike): the form opens
 * on that choice, and on its own while there is no project at all. Cancel closes it and puts focus
 * back on the picker, where the owner was: on the project chosen before, or, with none yet, on
 * "No project yet" (choosing "New project…" opens the form again). Creating closes it too, and
 * focus comes back to the picker showing the new project.
 */
export function useNewProjectChoice<T extends HTMLElement>({ hasProjects, offered }: { hasProjects: boolean; offered: boolean }) {
  const [creating, setCreating] = useState(false);
  // With no project at all the form opens on its own; once cancelled (or "No project yet" chosen) it waits to be asked for.
  const [declined, setDeclined] = useState(false);
  const [created, setCreated] = useState<Project | null>(null);
  const picker = useFocusAfterCreate<T>(created);
  return {
    showNew: offered && (creating || (!hasProjects && !declined)),
    created,
    picker,
    /** The picker's new value: "New project…" opens the form, anything else closes it. */
    picked(value: string) {
      setCreated(null);
      setCreating(value === NEW_PROJECT);
      if (value !== NEW_PROJECT) setDeclined(true);
    },
    cancel() {
      setCreating(false);
      setDeclined(true);
      picker.current?.focus();
    },
    made(p: Project) {
      setCreating(false);
      setCreated(p);
    },
  };
}
