import { keyProblem, MAX_EXPERIMENT_TAG_VALUE_LENGTH, tagValueProblem } from '../../../../shared/track/mlflow-limits';
import type { BackendContext } from '../../context';
import * as repo from '../../db/repositories/experiments.repository';
import { projectNamed, TALLY_PROJECT_TAG } from '../experiments.service';
import type { ImportReport, Origin } from './import-report';
import { mustGetProject } from '../project-lookup';

/**
 * The Tally experiment an imported experiment's runs go into: the one with the same name (left
 * in its project), else a new one in the chosen project, or, with none chosen, where the tracking
 * API would put it (tag tally.project, else the project the file names, else a project named
 * like the experiment). A new experiment keeps the file's creation time, tags, artifact location
 * and lifecycle stage (an experiment from MLflow's .trash arrives deleted).
 */
export type ProjectChoice = { projectId: string } | { projectName: string } | null;

export interface ExperimentWanted {
  name: string;
  artifactLocation: string;
  tags: Record<string, string>;
  lifecycleStage: 'active' | 'deleted';
  creationTime: number | null;
  /** The project named by the file itself (a Tally JSON export's project). */
  fileProject: string | null;
  origin: Origin;
}

/** Refuses a chosen project that does not exist before anything is read. */
export function checkProjectChoice(ctx: BackendContext, choice: ProjectChoice): void {
  if (choice && 'projectId' in choice) mustGetProject(ctx, choice.projectId);
}

function projectFor(ctx: BackendContext, want: ExperimentWanted, choice: ProjectChoice): string {
  if (choice && 'projectId' in choice) return choice.projectId;
  if (choice) return projectNamed(ctx, choice.projectName).id;
  return projectNamed(ctx, want.tags[TALLY_PROJECT_TAG] ?? want.fileProject ?? want.name).id;
}

function setTags(ctx: BackendContext, id: number, want: ExperimentWanted, report: ImportReport, isNew: boolean): void {
  for (const [key, value] of Object.entries(want.tags)) {
    // On an experiment Tally has, tally.project would move it: an import never moves experiments.
    if (!isNew && key === TALLY_PROJECT_TAG) continue;
    const problem = keyProblem('tag', key) ?? tagValueProblem(key, value, MAX_EXPERIMENT_TAG_VALUE_LENGTH);
    if (problem) report.skip('tag', { ...want.origin, field: `experiment tag ${key}` }, problem);
    else repo.setExperimentTag(ctx.db, id, key, value);
  }
}

/** Finds or creates the experiment (inside the caller's transaction) and notes it in the report. */
export function resolveExperiment(ctx: BackendContext, want: ExperimentWanted, choice: ProjectChoice, report: ImportReport): repo.ExperimentRecord {
  const name = want.name.trim();
  const existing = repo.getExperimentByName(ctx.db, name);
  if (existing) {
    setTags(ctx, existing.id, want, report, false);
    report.experiment({ id: String(existing.id), name, projectId: existing.projectId, projectName: existing.projectName, created: false });
    return existing;
  }
  const now = ctx.clock().getTime();
  const id = repo.insertExperiment(ctx.db, { projectId: projectFor(ctx, want, choice), name, artifactLocation: want.artifactLocation, scenarioId: null, now: want.creationTime ?? now });
  setTags(ctx, id, want, report, true);
  if (want.lifecycleStage === 'deleted') repo.updateExperimentFields(ctx.db, id, { lifecycleStage: 'deleted', now });
  const made = repo.getExperiment(ctx.db, id)!;
  report.experiment({ id: String(id), name, projectId: made.projectId, projectName: made.projectName, created: true });
  ctx.emit({ type: 'experiments.changed', payload: { projectId: made.projectId, experimentId: String(id), change: 'created' } });
  return made;
}
