import type { z } from 'zod';
import type { Project, ProjectCreateInput, ProjectDetail, ProjectPatch } from '../../../shared/contract/projects';
import type { ProjectListInput } from '../../../shared/contract/projects';
import { invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/projects.repository';
import { countContents } from './project-contents';
import { mustGetProject } from './project-lookup';
import { projectMoneyChanged } from './project-money';

type CreateInput = z.output<typeof ProjectCreateInput>;
type Patch = z.output<typeof ProjectPatch>;

const mustGet = (ctx: BackendContext, id: string): Project => mustGetProject(ctx, id, 'id');

/** Rules the schema cannot see alone: a patch must leave the whole project consistent. */
function checkConsistency(p: Project): void {
  if (p.startDate && p.endDate && p.startDate > p.endDate) {
    throw invalidInput('endDate', 'The end date must be on or after the start date');
  }
  if (p.budgetCents != null && p.monthlyCapCents != null && p.monthlyCapCents > p.budgetCents) {
    throw invalidInput('monthlyCapCents', 'The monthly cap cannot exceed the total budget');
  }
}

/**
 * The project's USD rate after a patch: a new rate (dated today unless a date is given), a
 * cleared one, or, when the currency changes without a new rate, none (the old rate was for the
 * old currency and would mix currencies).
 */
function nextUsdRate(current: Project, patch: Patch, today: string): Pick<Project, 'usdRate' | 'usdRateAsOf'> {
  if (patch.usdRate === null) return {};
  if (patch.usdRate !== undefined) return { usdRate: patch.usdRate, usdRateAsOf: patch.usdRateAsOf ?? today };
  if (patch.currency !== undefined && patch.currency !== current.currency) return {};
  if (current.usdRate === undefined) return {};
  const asOf = patch.usdRateAsOf === undefined ? current.usdRateAsOf : (patch.usdRateAsOf ?? undefined);
  return { usdRate: current.usdRate, ...(asOf !== undefined ? { usdRateAsOf: asOf } : {}) };
}

export function listProjects(ctx: BackendContext, input: z.output<typeof ProjectListInput>): Project[] {
  return repo.listProjects(ctx.db, input);
}

export function getProjectDetail(ctx: BackendContext, id: string): ProjectDetail {
  return { ...mustGet(ctx, id), contents: countContents(ctx.db, id) };
}

export function createProject(ctx: BackendContext, input: CreateInput): Project {
  const now = ctx.clock().toISOString();
  const project: Project = { id: ctx.newId(), ...input, name: input.name.trim(), archivedAt: null, createdAt: now, updatedAt: now };
  checkConsistency(project);
  repo.insertProject(ctx.db, project);
  ctx.emit({ type: 'projects.changed', payload: { id: project.id, change: 'created' } });
  return project;
}

export function updateProject(ctx: BackendContext, id: string, patch: Patch): Project {
  const next = ctx.db.transaction(() => {
    const current = mustGet(ctx, id);
    const { archived, usdRate: _newRate, usdRateAsOf: _newAsOf, ...fields } = patch;
    const now = ctx.clock().toISOString();
    const { usdRate: _rate, usdRateAsOf: _asOf, ...rest } = current;
    const updated: Project = {
      ...rest,
      ...fields,
      ...nextUsdRate(current, patch, now.slice(0, 10)),
      archivedAt: archived === undefined ? current.archivedAt : archived ? (current.archivedAt ?? now) : null,
      updatedAt: now,
    };
    checkConsistency(updated);
    repo.updateProject(ctx.db, updated);
    if (updated.currency !== current.currency || updated.usdRate !== current.usdRate) projectMoneyChanged(ctx, updated, current);
    return updated;
  })();
  ctx.emit({ type: 'projects.changed', payload: { id, change: 'updated' } });
  return next;
}

export function archiveProject(ctx: BackendContext, id: string, archived: boolean): Project {
  const p = updateProject(ctx, id, { archived });
  ctx.emit({ type: 'projects.changed', payload: { id, change: 'archived' } });
  return p;
}

export function deleteProject(ctx: BackendContext, id: string) {
  const removed = ctx.db.transaction(() => {
    mustGet(ctx, id);
    const contents = countContents(ctx.db, id);
    repo.deleteProject(ctx.db, id);
    return contents;
  })();
  ctx.emit({ type: 'projects.changed', payload: { id, change: 'deleted' } });
  return { id, removed };
}
