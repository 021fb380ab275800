import type { z } from 'zod';
import type { Experiment, ExperimentCreateInput, ExperimentListInput } from '../../../shared/contract/experiments';
import type { Project } from '../../../shared/contract/projects';
import { AppError, notFound, invalidInput } from '../../../shared/domain/errors';
import { keyProblem, MAX_EXPERIMENT_TAG_VALUE_LENGTH, tagValueProblem } from '../../../shared/track/mlflow-limits';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/experiments.repository';
import { findProjectByName } from '../db/repositories/projects.repository';
import * as runsRepo from '../db/repositories/runs.repository';
import { getScenario } from '../db/repositories/scenarios.repository';
import { encodePageToken, pageOffset } from './page-token';
import { createProject } from './projects.service';
import { recomputeRunCosts } from './run-costs';
import { noteRunsChanged } from './track-events';
import { mustGetProject } from './project-lookup';

/**
 * Experiments, as an MLflow server keeps them, inside Tally projects. The tag `tally.project`
 * names the project an experiment belongs in (on create, or set later to move it); without it a
 * new experiment goes to the project named like it, created on first use.
 */
export const TALLY_PROJECT_TAG = 'tally.project';

type ListInput = z.output<typeof ExperimentListInput>;
type CreateInput = z.output<typeof ExperimentCreateInput>;

const iso = (ms: number) => new Date(ms).toISOString();

export function toExperiment(r: repo.ExperimentRecord): Experiment {
  return {
    id: String(r.id),
    projectId: r.projectId,
    projectName: r.projectName,
    name: r.name,
    artifactLocation: r.artifactLocation,
    lifecycleStage: r.lifecycleStage,
    scenarioId: r.scenarioId,
    creationTime: iso(r.creationTime),
    lastUpdateTime: iso(r.lastUpdateTime),
    tags: r.tags,
    runCount: r.runCount,
  };
}

export function mustGetExperimentRecord(ctx: BackendContext, id: string, field = 'id'): repo.ExperimentRecord {
  const n = /^\d{1,15}$/.test(id) ? Number(id) : Number.NaN;
  const r = Number.isSafeInteger(n) ? repo.getExperiment(ctx.db, n) : undefined;
  if (!r) throw notFound('experiment', id, { field });
  return r;
}

function checkTag(key: string, value: string): void {
  const problem = keyProblem('tag', key) ?? tagValueProblem(key, value, MAX_EXPERIMENT_TAG_VALUE_LENGTH);
  if (problem) throw new AppError('INVALID_INPUT', problem, { issues: [{ path: 'tags', message: problem }], location: { field: 'tags' } });
}

function checkNameFree(ctx: BackendContext, name: string, self?: number): void {
  const other = repo.getExperimentByName(ctx.db, name);
  if (other && other.id !== self) {
    const deleted = other.lifecycleStage === 'deleted' ? ' in the deleted stage; restore it, or purge it to reuse the name' : '';
    throw new AppError('CONFLICT', `An experiment named "${name}" already exists (id ${other.id})${deleted}.`, { location: { field: 'name' } });
  }
}

function checkScenario(ctx: BackendContext, scenarioId: string | null | undefined, projectId: string): void {
  if (scenarioId == null) return;
  const s = getScenario(ctx.db, scenarioId);
  if (!s || s.projectId !== projectId) {
    throw invalidInput('scenarioId', `no scenario ${scenarioId} in this experiment's project`, { issue: 'not a scenario of this project' });
  }
}

/** The project named `name`, created when there is none. */
export function projectNamed(ctx: BackendContext, name: string): Project {
  const wanted = name.trim().slice(0, 120) || 'Default';
  return findProjectByName(ctx.db, wanted) ?? createProject(ctx, { name: wanted, notes: 'Created for an MLflow experiment.', currency: 'USD', budgetCents: null, monthlyCapCents: null, startDate: null, endDate: null });
}

/**
 * MLflow's "Default" experiment, id "0", which clients log to when no experiment is set. Made on
 * first use in a project named "Default"; if another experiment already has the name, this one
 * is called "Default (MLflow)".
 */
export const DEFAULT_EXPERIMENT_ID = '0';

export function ensureDefaultExperiment(ctx: BackendContext): Experiment {
  const existing = repo.getExperiment(ctx.db, 0);
  if (existing) return toExperiment(existing);
  const made = ctx.db.transaction(() => {
    const name = repo.getExperimentByName(ctx.db, 'Default') ? 'Default (MLflow)' : 'Default';
    repo.insertExperimentWithId(ctx.db, 0, { projectId: projectNamed(ctx, 'Default').id, name, now: ctx.clock().getTime() });
    return repo.getExperiment(ctx.db, 0)!;
  }).immediate();
  ctx.emit({ type: 'experiments.changed', payload: { projectId: made.projectId, experimentId: DEFAULT_EXPERIMENT_ID, change: 'created' } });
  return toExperiment(made);
}

export function getExperiment(ctx: BackendContext, id: string): Experiment {
  return toExperiment(mustGetExperimentRecord(ctx, id));
}

export function getExperimentByName(ctx: BackendContext, name: string): Experiment {
  const r = repo.getExperimentByName(ctx.db, name);
  if (!r) throw new AppError('NOT_FOUND', `No experiment named "${name}".`, { location: { field: 'name' } });
  return toExperiment(r);
}

export function listExperiments(ctx: BackendContext, input: ListInput): { experiments: Experiment[]; nextPageToken: string | null } {
  const { pageToken, maxResults, ...query } = input;
  const fingerprint = JSON.stringify(query);
  const offset = pageOffset(pageToken, fingerprint);
  const page = repo.searchExperiments(ctx.db, { ...query, limit: maxResults, offset });
  return { experiments: page.rows.map(toExperiment), nextPageToken: page.more ? encodePageToken(offset + maxResults, fingerprint) : null };
}

export function createExperiment(ctx: BackendContext, input: CreateInput): Experiment {
  const name = input.name.trim();
  for (const [k, v] of Object.entries(input.tags)) checkTag(k, v);
  const created = ctx.db.transaction(() => {
    checkNameFree(ctx, name);
    let projectId = input.projectId;
    if (projectId !== undefined) {
      mustGetProject(ctx, projectId);
    } else projectId = projectNamed(ctx, input.tags[TALLY_PROJECT_TAG] ?? name).id;
    checkScenario(ctx, input.scenarioId, projectId);
    const id = repo.insertExperiment(ctx.db, { projectId, name, artifactLocation: input.artifactLocation ?? '', scenarioId: input.scenarioId ?? null, now: ctx.clock().getTime() });
    for (const [k, v] of Object.entries(input.tags)) repo.setExperimentTag(ctx.db, id, k, v);
    return repo.getExperiment(ctx.db, id)!;
  }).immediate();
  ctx.emit({ type: 'experiments.changed', payload: { projectId: created.projectId, experimentId: String(created.id), change: 'created' } });
  return toExperiment(created);
}

export function updateExperiment(ctx: BackendContext, id: string, patch: { name?: string | undefined; scenarioId?: string | null | undefined }): Experiment {
  const updated = ctx.db.transaction(() => {
    const e = mustGetExperimentRecord(ctx, id);
    const name = patch.name?.trim();
    if (name !== undefined) checkNameFree(ctx, name, e.id);
    if (patch.scenarioId !== undefined) checkScenario(ctx, patch.scenarioId, e.projectId);
    repo.updateExperimentFields(ctx.db, e.id, { ...(name !== undefined ? { name } : {}), ...(patch.scenarioId !== undefined ? { scenarioId: patch.scenarioId } : {}), now: ctx.clock().getTime() });
    return repo.getExperiment(ctx.db, e.id)!;
  }).immediate();
  ctx.emit({ type: 'experiments.changed', payload: { projectId: updated.projectId, experimentId: id, change: 'updated' } });
  return toExperiment(updated);
}

/** Delete and restore flip the experiment's stage and its runs' with it, as MLflow's SQL store does. */
function setStage(ctx: BackendContext, id: string, stage: 'active' | 'deleted'): Experiment {
  const updated = ctx.db.transaction(() => {
    const e = mustGetExperimentRecord(ctx, id);
    const now = ctx.clock().getTime();
    repo.updateExperimentFields(ctx.db, e.id, { lifecycleStage: stage, now });
    runsRepo.setStageOfExperimentRuns(ctx.db, e.id, stage, now);
    return repo.getExperiment(ctx.db, e.id)!;
  }).immediate();
  ctx.emit({ type: 'experiments.changed', payload: { projectId: updated.projectId, experimentId: id, change: stage === 'deleted' ? 'deleted' : 'restored' } });
  noteRunsChanged(ctx, updated.projectId, id);
  return toExperiment(updated);
}

export function deleteExperiment(ctx: BackendContext, id: string): Experiment {
  return setStage(ctx, id, 'deleted');
}

export function restoreExperiment(ctx: BackendContext, id: string): Experiment {
  return setStage(ctx, id, 'active');
}

/** Removes a deleted experiment and everything of its runs for good. */
export function purgeExperiment(ctx: BackendContext, id: string): { id: string; runsRemoved: number } {
  const r = ctx.db.transaction(() => {
    const e = mustGetExperimentRecord(ctx, id);
    if (e.lifecycleStage !== 'deleted') throw new AppError('CONFLICT', `Experiment "${e.name}" is active; delete it before purging it for good.`, { location: { field: 'id' } });
    const runsRemoved = runsRepo.countRunsOfExperiment(ctx.db, e.id);
    repo.deleteExperimentRow(ctx.db, e.id);
    return { projectId: e.projectId, runsRemoved };
  }).immediate();
  ctx.emit({ type: 'experiments.changed', payload: { projectId: r.projectId, experimentId: id, change: 'purged' } });
  noteRunsChanged(ctx, r.projectId, id);
  return { id, runsRemoved: r.runsRemoved };
}

function moveTo(ctx: BackendContext, e: repo.ExperimentRecord, projectId: string): void {
  if (e.projectId === projectId) return;
  const scenarioStays = e.scenarioId != null && getScenario(ctx.db, e.scenarioId)?.projectId === projectId;
  repo.updateExperimentFields(ctx.db, e.id, { projectId, ...(scenarioStays ? {} : { scenarioId: null }), now: ctx.clock().getTime() });
  runsRepo.clearForeignScenarioLinks(ctx.db, e.id);
  // The project's currency, USD rate and negotiated rates now apply to every run.
  recomputeRunCosts(ctx, runsRepo.runIdsOfExperiment(ctx.db, e.id));
}

export function moveExperiment(ctx: BackendContext, id: string, projectId: string): Experiment {
  const { before, after } = ctx.db.transaction(() => {
    const e = mustGetExperimentRecord(ctx, id);
    mustGetProject(ctx, projectId);
    moveTo(ctx, e, projectId);
    return { before: e, after: repo.getExperiment(ctx.db, e.id)! };
  }).immediate();
  emitMoved(ctx, before, after);
  return toExperiment(after);
}

function emitMoved(ctx: BackendContext, before: repo.ExperimentRecord, after: repo.ExperimentRecord): void {
  if (before.projectId === after.projectId) {
    ctx.emit({ type: 'experiments.changed', payload: { projectId: after.projectId, experimentId: String(after.id), change: 'updated' } });
    return;
  }
  for (const projectId of [before.projectId, after.projectId]) {
    ctx.emit({ type: 'experiments.changed', payload: { projectId, experimentId: String(after.id), change: 'moved' } });
  }
}

/** Sets (overwrites) a tag; `tally.project` moves the experiment to the project of that name. */
export function setExperimentTag(ctx: BackendContext, id: string, key: string, value: string): Experiment {
  checkTag(key, value);
  const { before, after } = ctx.db.transaction(() => {
    const e = mustGetExperimentRecord(ctx, id);
    repo.setExperimentTag(ctx.db, e.id, key, value);
    if (key === TALLY_PROJECT_TAG) moveTo(ctx, e, projectNamed(ctx, value).id);
    repo.updateExperimentFields(ctx.db, e.id, { now: ctx.clock().getTime() });
    return { before: e, after: repo.getExperiment(ctx.db, e.id)! };
  }).immediate();
  emitMoved(ctx, before, after);
  return toExperiment(after);
}
