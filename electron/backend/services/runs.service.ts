import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { ComputePatch, RunCreateInput, RunDetail, RunUpdateInput } from '../../../shared/contract/runs';
import { AppError, notFound, invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { deleteTag, upsertTags } from '../db/repositories/run-data.repository';
import * as repo from '../db/repositories/runs.repository';
import { getScenario } from '../db/repositories/scenarios.repository';
import { mustGetExperimentRecord } from './experiments.service';
import { checkTags, type Tag } from './run-checks';
import { MLFLOW_RUN_NAME, TALLY_DEVICES, TALLY_HARDWARE, TALLY_PRICE } from './run-compute-tags';
import { recomputeRunCosts } from './run-costs';
import { applyTags, MLFLOW_NOTE_TAG } from './run-tags';
import { runDetail } from './run-views';
import { noteRunsChanged } from './track-events';
import { groupWrite } from './write-queue';

/**
 * Run lifecycle and the fields the UI edits. Writes go through the group commit (write-queue),
 * so they share transactions with concurrent tracking requests; each resolves once committed.
 */
type CreateInput = z.output<typeof RunCreateInput>;
type UpdatePatch = z.output<typeof RunUpdateInput>['patch'];
type Compute = z.output<typeof ComputePatch>;



/** Epoch ms from an epoch-ms number or an ISO date-time. */
export function toMs(t: number | string): number {
  return typeof t === 'number' ? t : Date.parse(t);
}

export function mustGetRun(ctx: BackendContext, id: string, field = 'id'): repo.RunRecord {
  const r = repo.getRun(ctx.db, id);
  if (!r) throw notFound('run', id, { field });
  return r;
}

/** MLflow refuses writes to a deleted run. */
export function mustGetActiveRun(ctx: BackendContext, id: string, field = 'runId'): repo.RunRecord {
  const r = mustGetRun(ctx, id, field);
  if (r.lifecycleStage !== 'active') throw new AppError('INVALID_INPUT', `The run ${id} is deleted; restore it before writing to it.`, { location: { field } });
  return r;
}

function newRunId(): string {
  return randomBytes(16).toString('hex');
}

export function getRun(ctx: BackendContext, id: string): RunDetail {
  return runDetail(ctx, mustGetRun(ctx, id));
}

/** Creates a run in an active experiment. The name comes from `name`, else the tag mlflow.runName, else "run-<id prefix>". */
export async function createRun(ctx: BackendContext, input: CreateInput): Promise<RunDetail> {
  const tags: Tag[] = input.tags.map((t) => ({ key: t.key, value: t.value }));
  checkTags(tags);
  const id = input.id ?? newRunId();
  const tagName = tags.filter((t) => t.key === MLFLOW_RUN_NAME).at(-1)?.value;
  const name = (input.name?.trim() || tagName?.trim() || `run-${id.slice(0, 8)}`).slice(0, 500);
  const startTime = input.startTime === undefined ? ctx.clock().getTime() : toMs(input.startTime);
  await groupWrite(ctx, () => {
    const e = mustGetExperimentRecord(ctx, input.experimentId, 'experimentId');
    if (e.lifecycleStage !== 'active') throw new AppError('INVALID_INPUT', `The experiment "${e.name}" is deleted; restore it before adding runs.`, { location: { field: 'experimentId' } });
    if (repo.getRun(ctx.db, id)) throw new AppError('CONFLICT', `A run with id ${id} already exists.`, { location: { field: 'id' } });
    const artifactUri = e.artifactLocation ? `${e.artifactLocation.replace(/\/+$/, '')}/${id}/artifacts` : '';
    repo.insertRun(ctx.db, { id, experimentId: e.id, name, status: input.status ?? 'RUNNING', startTime, userId: input.userId ?? '', artifactUri });
    applyTags(ctx, repo.getRun(ctx.db, id)!, [...tags.filter((t) => t.key !== MLFLOW_RUN_NAME), { key: MLFLOW_RUN_NAME, value: name }]);
    recomputeRunCosts(ctx, [id]);
  });
  return getRun(ctx, id);
}

/** Status, end time, start time and name (the name also rewrites the tag mlflow.runName, as MLflow does). */
export async function updateRun(ctx: BackendContext, id: string, patch: UpdatePatch): Promise<RunDetail> {
  await groupWrite(ctx, () => {
    const r = mustGetActiveRun(ctx, id, 'id');
    repo.updateRunFields(ctx.db, id, {
      ...(patch.status !== undefined ? { status: patch.status } : {}),
      ...(patch.endTime !== undefined ? { endTime: patch.endTime === null ? null : toMs(patch.endTime) } : {}),
      ...(patch.startTime !== undefined ? { startTime: toMs(patch.startTime) } : {}),
    });
    if (patch.name !== undefined && patch.name.trim() !== '') applyTags(ctx, r, [{ key: MLFLOW_RUN_NAME, value: patch.name.trim() }]);
    recomputeRunCosts(ctx, [id]);
  });
  return getRun(ctx, id);
}

function setLifecycle(ctx: BackendContext, id: string, stage: 'active' | 'deleted') {
  return groupWrite(ctx, () => {
    const r = mustGetRun(ctx, id);
    if (r.lifecycleStage !== stage) repo.updateRunFields(ctx.db, id, { lifecycleStage: stage, deletedTime: stage === 'deleted' ? ctx.clock().getTime() : null });
    noteRunsChanged(ctx, r.projectId, r.experimentId, id);
    return { id, lifecycleStage: stage };
  });
}

export function deleteRun(ctx: BackendContext, id: string): Promise<{ id: string; lifecycleStage: 'active' | 'deleted' }> {
  return setLifecycle(ctx, id, 'deleted');
}

export function restoreRun(ctx: BackendContext, id: string): Promise<{ id: string; lifecycleStage: 'active' | 'deleted' }> {
  return setLifecycle(ctx, id, 'active');
}

/** Removes deleted runs for good, with their params, tags, inputs and metric history. */
export function purgeRuns(ctx: BackendContext, ids: readonly string[]): Promise<{ purged: number }> {
  return groupWrite(ctx, () => {
    const runs = repo.getRuns(ctx.db, ids);
    const missing = ids.find((id) => !runs.some((r) => r.id === id));
    if (missing) throw notFound('run', missing, { field: 'ids' });
    const active = runs.find((r) => r.lifecycleStage === 'active');
    if (active) throw new AppError('CONFLICT', `Run "${active.name}" (${active.id}) is active; delete it before purging it for good.`, { location: { field: 'ids' } });
    for (const r of runs) noteRunsChanged(ctx, r.projectId, r.experimentId, r.id);
    return { purged: repo.purgeRuns(ctx.db, ids) };
  });
}

/** Notes are MLflow's tag mlflow.note.content; both stay equal. */
export async function setRunNotes(ctx: BackendContext, id: string, notes: string): Promise<RunDetail> {
  await groupWrite(ctx, () => {
    const r = mustGetRun(ctx, id);
    repo.updateRunFields(ctx.db, id, { notes });
    if (notes === '') deleteTag(ctx.db, id, MLFLOW_NOTE_TAG);
    else upsertTags(ctx.db, id, [{ key: MLFLOW_NOTE_TAG, value: notes }]);
    noteRunsChanged(ctx, r.projectId, r.experimentId, id);
  });
  return getRun(ctx, id);
}

/**
 * What the run ran on and what it cost, as the UI sets it. Hardware, devices and the per-run
 * price are written to the tally.* tags too, so an MLflow client reading the run sees the same.
 */
export async function setRunCompute(ctx: BackendContext, id: string, c: Compute): Promise<RunDetail> {
  await groupWrite(ctx, () => {
    const r = mustGetRun(ctx, id);
    if (c.scenarioId != null) {
      const s = getScenario(ctx.db, c.scenarioId);
      if (!s || s.projectId !== r.projectId) throw invalidInput('compute.scenarioId', `no scenario ${c.scenarioId} in this run's project`, { issue: 'not a scenario of this project' });
    }
    const mirrored: Array<{ key: string; value: string | null }> = [];
    if (c.hardwareId !== undefined) mirrored.push({ key: TALLY_HARDWARE, value: c.hardwareId });
    if (c.devices !== undefined) mirrored.push({ key: TALLY_DEVICES, value: c.devices === null ? null : String(c.devices) });
    if (c.pricePerDeviceHourUsd !== undefined) mirrored.push({ key: TALLY_PRICE, value: c.pricePerDeviceHourUsd === null ? null : String(c.pricePerDeviceHourUsd) });
    applyTags(ctx, r, mirrored);
    const currency = c.manualCostCurrency !== undefined ? c.manualCostCurrency : c.manualCostCents != null && r.manualCostCurrency == null ? r.projectCurrency : undefined;
    repo.updateRunFields(ctx.db, id, {
      ...(c.durationS !== undefined ? { durationS: c.durationS } : {}),
      ...(c.energyKwhMeasured !== undefined ? { energyKwhMeasured: c.energyKwhMeasured } : {}),
      ...(c.manualCostCents !== undefined ? { manualCostCents: c.manualCostCents } : {}),
      ...(currency !== undefined ? { manualCostCurrency: currency } : {}),
      ...(c.scenarioId !== undefined ? { scenarioId: c.scenarioId } : {}),
    });
    recomputeRunCosts(ctx, [id]);
  });
  return getRun(ctx, id);
}
