import type { z } from 'zod';
import type { Project, ProjectCreateInput, ProjectDetail, ProjectPatch } from '../../../shared/contract/projects';
import type { ProjectListInput } from '../../../shared/contract/projects';
import { AppError, invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/projects.repository';
import { actingUser } from './acting-user';
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

type RateFields = Pick<Project, 'usdRate' | 'usdRateAsOf' | 'usdRateSetBy' | 'usdRateSetAt'>;

/** A rate the owner just set: dated `asOf` (today unless given), by whoever is acting, now. */
function freshRate(ctx: BackendContext, usdRate: number, asOf: string | null | undefined): RateFields {
  const now = ctx.clock().toISOString();
  return { usdRate, usdRateAsOf: asOf ?? now.slice(0, 10), usdRateSetBy: actingUser(ctx), usdRateSetAt: now };
}

function refuseUsdRate(): never {
  throw new AppError('INVALID_INPUT', 'A project in US dollars needs no exchange rate (one dollar is one dollar); leave the rate empty', {
    issues: [{ path: 'usdRate', message: 'must be 1 (or left out) for a USD project' }],
  });
}

/** The rate of a new project: 1 for USD, else the one given (or none yet). */
function createdRate(ctx: BackendContext, input: CreateInput): RateFields {
  if (input.currency === 'USD') return { usdRate: 1 };
  return input.usdRate === undefined ? {} : freshRate(ctx, input.usdRate, input.usdRateAsOf);
}

/**
 * The project's USD rate after a patch: 1 for a USD project; a new rate (dated today unless a
 * date is given, recorded with who set it and when); a cleared one; or, when the currency
 * changes without a new rate, none (the old rate was for the old currency and would mix
 * currencies). Re-dating the current rate counts as setting it.
 */
function nextUsdRate(ctx: BackendContext, current: Project, patch: Patch): RateFields {
  const currency = patch.currency ?? current.currency;
  if (currency === 'USD') {
    if (patch.usdRate != null && patch.usdRate !== 1) refuseUsdRate();
    return { usdRate: 1 };
  }
  if (patch.usdRate === null) return {};
  if (patch.usdRate !== undefined) return freshRate(ctx, patch.usdRate, patch.usdRateAsOf);
  if (currency !== current.currency || current.usdRate === undefined) return {};
  if (patch.usdRateAsOf != null && patch.usdRateAsOf !== current.usdRateAsOf) return freshRate(ctx, current.usdRate, patch.usdRateAsOf);
  const { usdRate, usdRateAsOf, usdRateSetBy, usdRateSetAt } = current;
  return { usdRate, ...(usdRateAsOf !== undefined ? { usdRateAsOf } : {}), ...(usdRateSetBy !== undefined ? { usdRateSetBy } : {}), ...(usdRateSetAt !== undefined ? { usdRateSetAt } : {}) };
}

export function listProjects(ctx: BackendContext, input: z.output<typeof ProjectListInput>): Project[] {
  return repo.listProjects(ctx.db, input);
}

export function getProjectDetail(ctx: BackendContext, id: string): ProjectDetail {
  return { ...mustGet(ctx, id), contents: countContents(ctx.db, id) };
}

export function createProject(ctx: BackendContext, input: CreateInput): Project {
  const now = ctx.clock().toISOString();
  const { usdRate: _rate, usdRateAsOf: _asOf, ...fields } = input;
  const project: Project = { id: ctx.newId(), ...fields, ...createdRate(ctx, input), name: input.name.trim(), archivedAt: null, createdAt: now, updatedAt: now };
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
    const { usdRate: _rate, usdRateAsOf: _asOf, usdRateSetBy: _by, usdRateSetAt: _at, ...rest } = current;
    const updated: Project = {
      ...rest,
      ...fields,
      ...nextUsdRate(ctx, current, patch),
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
