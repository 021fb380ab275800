import type { z } from 'zod';
import type { Scenario, ScenarioCreateInput, ScenarioUpdateInput, SetAsBudgetInput } from '../../../shared/contract/scenarios';
import { notFound, invalidInput } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/scenarios.repository';
import { costCents, withResult } from './scenario-estimate';
import { updateProject } from './projects.service';
import { mustGetProject } from './project-lookup';

/**
 * Saved estimates in a project. The stored costs are always derived from the stored result, so
 * the list, the comparison and "set as budget" agree with what the scenario shows.
 */
type CreateInput = z.output<typeof ScenarioCreateInput>;
type Patch = z.output<typeof ScenarioUpdateInput>['patch'];

function mustGet(ctx: BackendContext, id: string): repo.ScenarioRecord {
  const s = repo.getScenario(ctx.db, id);
  if (!s) throw notFound('scenario', id, { field: 'id', hint: 'It may have been deleted.' });
  return s;
}

function changed(ctx: BackendContext, s: Pick<Scenario, 'id' | 'projectId'>, change: 'created' | 'updated' | 'deleted'): void {
  ctx.emit({ type: 'scenarios.changed', payload: { id: s.id, projectId: s.projectId, change } });
}

export function listScenarios(ctx: BackendContext, projectId: string): Scenario[] {
  mustGetProject(ctx, projectId);
  return repo.listScenarios(ctx.db, projectId);
}

export function getScenario(ctx: BackendContext, id: string): Scenario {
  return mustGet(ctx, id);
}

export function createScenario(ctx: BackendContext, input: CreateInput): Scenario {
  const { projectId, name, notes, ...payload } = input;
  // The estimate runs before the transaction: it only reads the catalog.
  const full = withResult(ctx, payload);
  const now = ctx.clock().toISOString();
  const record: repo.ScenarioRecord = { id: ctx.newId(), projectId, name: name.trim(), notes, ...full, ...costCents(full), createdAt: now, updatedAt: now };
  ctx.db.transaction(() => {
    mustGetProject(ctx, projectId);
    repo.insertScenario(ctx.db, record);
  })();
  changed(ctx, record, 'created');
  return record;
}

export function updateScenario(ctx: BackendContext, id: string, patch: Patch): Scenario {
  const current = mustGet(ctx, id);
  let estimateFields = {};
  if (patch.estimate) {
    if (patch.estimate.kind !== current.kind) {
      throw invalidInput('patch.estimate.kind', `this scenario is a ${current.kind} estimate; save a ${patch.estimate.kind} estimate as a new scenario`, { issue: `must be ${current.kind}` });
    }
    const full = withResult(ctx, patch.estimate);
    estimateFields = { input: full.input, result: full.result, ...costCents(full) };
  }
  const next: repo.ScenarioRecord = {
    ...current,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...estimateFields,
    updatedAt: ctx.clock().toISOString(),
  };
  ctx.db.transaction(() => {
    mustGet(ctx, id);
    repo.updateScenario(ctx.db, next);
  })();
  changed(ctx, next, 'updated');
  return next;
}

/** A copy in the same project, named "<name> (copy)" unless a name is given. */
export function duplicateScenario(ctx: BackendContext, id: string, name: string | undefined): Scenario {
  const copy = ctx.db.transaction(() => {
    const s = mustGet(ctx, id);
    const now = ctx.clock().toISOString();
    const copyName = name?.trim() || `${s.name} (copy)`.slice(0, 120);
    const made: repo.ScenarioRecord = { ...s, id: ctx.newId(), name: copyName, createdAt: now, updatedAt: now };
    repo.insertScenario(ctx.db, made);
    return made;
  })();
  changed(ctx, copy, 'created');
  return copy;
}

export function deleteScenario(ctx: BackendContext, id: string): { id: string } {
  const s = mustGet(ctx, id);
  repo.deleteScenario(ctx.db, id);
  changed(ctx, s, 'deleted');
  return { id };
}

/**
 * Sets the project's total budget from the scenario's P50 or P90 cost. Scenario costs are USD;
 * a project in another currency needs an explicit rate (never a silent 1:1), and a budget below
 * the project's monthly cap is refused by the project's own consistency rule.
 */
export function setAsBudget(ctx: BackendContext, input: z.output<typeof SetAsBudgetInput>) {
  const s = mustGet(ctx, input.id);
  const usdCents = input.level === 'p50' ? s.p50CostCents : s.p90CostCents;
  if (usdCents === null) {
    throw invalidInput('id', `a ${s.kind} scenario has no total cost to use as a budget; use a training, pilot or deployment scenario`, { issue: 'no total cost' });
  }
  const project = mustGetProject(ctx, s.projectId);
  let budgetCents = usdCents;
  if (project.currency !== 'USD') {
    if (input.usdToProjectCurrency === undefined) {
      throw invalidInput('usdToProjectCurrency', `the project budget is in ${project.currency} and the scenario cost in USD; give how many ${project.currency} one US dollar buys`, {
        issue: `required for a ${project.currency} project`,
      });
    }
    budgetCents = Math.round(usdCents * input.usdToProjectCurrency);
  }
  // updateProject checks consistency and emits projects.changed.
  const updated = updateProject(ctx, project.id, { budgetCents });
  return { project: updated, budgetCents, scenario: s };
}
