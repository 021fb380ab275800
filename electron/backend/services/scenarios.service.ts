import type { z } from 'zod';
import { planMoney, projectYardsticks } from '../../../shared/budget/plan-money';
import type { Project } from '../../../shared/contract/projects';
import type { MonthlyBudget, PricesTypedAt, Scenario, ScenarioCreateInput, ScenarioUpdateInput, SetAsBudgetInput } from '../../../shared/contract/scenarios';
import { usdRateOf } from '../../../shared/domain/currency';
import { AppError, invalidInput, notFound } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import * as repo from '../db/repositories/scenarios.repository';
import { costCents, withResult } from './scenario-estimate';
import { updateProject } from './projects.service';
import { mustGetProject } from './project-lookup';

/**
 * Saved estimates in a project. The stored costs are always derived from the stored result, so
 * the list, the comparison and "set as budget" agree with what the scenario shows; every
 * procedure returns a scenario with its figures in the project's currency (`money`).
 */
type CreateInput = z.output<typeof ScenarioCreateInput>;
type Patch = z.output<typeof ScenarioUpdateInput>['patch'];

/** A stored scenario as procedures return it: with its figures in the project's currency. */
function toScenario(r: repo.ScenarioRecord, project: Project): Scenario {
  return { ...r, money: planMoney(r, projectYardsticks(project)) };
}

/**
 * A plan's monthly budget is entered in the project's currency: another is refused, naming both
 * (a budget typed as "$300" in a EUR project would otherwise be read as 300 EUR or converted
 * behind the owner's back).
 */
function checkBudgetCurrency(budget: MonthlyBudget | null | undefined, project: Project, path: string): void {
  if (!budget || budget.currency === project.currency) return;
  throw new AppError('INVALID_INPUT', `The monthly budget is in ${budget.currency}, but the project "${project.name}" counts in ${project.currency}; enter it in ${project.currency}.`, {
    issues: [{ path: `${path}.currency`, message: `must be ${project.currency}, the project's currency` }],
    location: { field: `${path}.currency` },
  });
}

/** The project's currency and rate now: what prices typed for this estimate were converted at. */
function pricesTypedAt(project: Project): PricesTypedAt {
  return { currency: project.currency, usdRate: usdRateOf(projectYardsticks(project)) };
}

function mustGet(ctx: BackendContext, id: string): repo.ScenarioRecord {
  const s = repo.getScenario(ctx.db, id);
  if (!s) throw notFound('scenario', id, { field: 'id', hint: 'It may have been deleted.' });
  return s;
}

function changed(ctx: BackendContext, s: Pick<Scenario, 'id' | 'projectId'>, change: 'created' | 'updated' | 'deleted'): void {
  ctx.emit({ type: 'scenarios.changed', payload: { id: s.id, projectId: s.projectId, change } });
}

export function listScenarios(ctx: BackendContext, projectId: string): Scenario[] {
  const project = mustGetProject(ctx, projectId);
  return repo.listScenarios(ctx.db, projectId).map((r) => toScenario(r, project));
}

export function getScenario(ctx: BackendContext, id: string): Scenario {
  const s = mustGet(ctx, id);
  return toScenario(s, mustGetProject(ctx, s.projectId));
}

export function createScenario(ctx: BackendContext, input: CreateInput): Scenario {
  const { projectId, name, notes, monthlyBudget, ...payload } = input;
  checkBudgetCurrency(monthlyBudget, mustGetProject(ctx, projectId), 'monthlyBudget');
  // The estimate runs before the transaction: it only reads the catalog.
  const full = withResult(ctx, payload);
  const now = ctx.clock().toISOString();
  const base = { id: ctx.newId(), projectId, name: name.trim(), notes, ...full, ...costCents(full), monthlyBudget, createdAt: now, updatedAt: now };
  const { project, record } = ctx.db.transaction(() => {
    const p = mustGetProject(ctx, projectId);
    checkBudgetCurrency(monthlyBudget, p, 'monthlyBudget');
    const r: repo.ScenarioRecord = { ...base, pricesTypedAt: pricesTypedAt(p) };
    repo.insertScenario(ctx.db, r);
    return { project: p, record: r };
  })();
  changed(ctx, record, 'created');
  return toScenario(record, project);
}

export function updateScenario(ctx: BackendContext, id: string, patch: Patch): Scenario {
  const current = mustGet(ctx, id);
  checkBudgetCurrency(patch.monthlyBudget, mustGetProject(ctx, current.projectId), 'patch.monthlyBudget');
  let estimateFields = {};
  if (patch.estimate) {
    if (patch.estimate.kind !== current.kind) {
      throw invalidInput('patch.estimate.kind', `this scenario is a ${current.kind} estimate; save a ${patch.estimate.kind} estimate as a new scenario`, { issue: `must be ${current.kind}` });
    }
    const full = withResult(ctx, patch.estimate);
    // A new estimate's prices were typed at the project's rate of today.
    estimateFields = { input: full.input, result: full.result, ...costCents(full), pricesTypedAt: pricesTypedAt(mustGetProject(ctx, current.projectId)) };
  }
  const next: repo.ScenarioRecord = {
    ...current,
    ...(patch.name !== undefined ? { name: patch.name.trim() } : {}),
    ...(patch.notes !== undefined ? { notes: patch.notes } : {}),
    ...(patch.monthlyBudget !== undefined ? { monthlyBudget: patch.monthlyBudget } : {}),
    ...estimateFields,
    updatedAt: ctx.clock().toISOString(),
  };
  ctx.db.transaction(() => {
    mustGet(ctx, id);
    repo.updateScenario(ctx.db, next);
  })();
  changed(ctx, next, 'updated');
  return toScenario(next, mustGetProject(ctx, next.projectId));
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
  return toScenario(copy, mustGetProject(ctx, copy.projectId));
}

export function deleteScenario(ctx: BackendContext, id: string): { id: string } {
  const s = mustGet(ctx, id);
  repo.deleteScenario(ctx.db, id);
  changed(ctx, s, 'deleted');
  return { id };
}

/**
 * Sets the project's total budget from the scenario's P50 or P90 cost, in the project's currency:
 * the plan's dollars converted once with the project's own rate (refused while a project in
 * another currency has none, never a silent 1:1). A budget below the project's monthly cap is
 * refused by the project's own consistency rule.
 */
export function setAsBudget(ctx: BackendContext, input: z.output<typeof SetAsBudgetInput>) {
  const s = mustGet(ctx, input.id);
  const project = mustGetProject(ctx, s.projectId);
  const total = toScenario(s, project).money.totalCents;
  if (total === null) {
    if (project.currency === 'USD' || s.p50CostCents === null) {
      throw new AppError('INVALID_INPUT', `A ${s.kind} plan has no total cost to use as a budget; use a training, pilot or deployment plan.`, { issues: [{ path: 'id', message: 'no total cost' }] });
    }
    throw new AppError('INVALID_INPUT', `This plan's cost is in US dollars and "${project.name}" counts in ${project.currency} without an exchange rate; set how many ${project.currency} one US dollar buys on the project's Budget page, then set the budget again.`, {
      issues: [{ path: 'id', message: `the project has no exchange rate from USD to ${project.currency}` }],
    });
  }
  const budgetCents = input.level === 'p50' ? total.p50 : total.p90;
  // updateProject checks consistency and emits projects.changed.
  const updated = updateProject(ctx, project.id, { budgetCents });
  return { project: updated, budgetCents, scenario: toScenario(s, updated) };
}
