import { budgetAlerts, budgetStatus, burnDown, forecastMonthEnd, forecastRunout, formatCents, type PlanScenario, type ProjectBudget } from '../../../shared/budget/spend';
import type { BudgetReport, ExchangeRateUsed, ProjectAlert } from '../../../shared/contract/budget';
import { moneyOf, rateNote } from '../../../shared/domain/currency';
import type { Project } from '../../../shared/contract/projects';
import type { BackendContext } from '../context';
import { searchExperiments } from '../db/repositories/experiments.repository';
import { listProjects } from '../db/repositories/projects.repository';
import { projectSpend, type ProjectSpend } from './budget-inputs';
import { scenarioInCurrency } from './budget-scenarios';
import { listScenarios } from './scenarios.service';
import { mustGetProject } from './project-lookup';

/**
 * budget.status: where a project's money stands on a day, in its own currency. The spend math
 * (shared/budget/spend) does every sum and forecast; this service gathers its inputs
 * (budget-inputs.ts), chooses the plan's scenarios and says what it could not count.
 */

/** The backend clock's date (UTC), the day budgets are judged on unless the caller names one. */
export function todayOf(ctx: BackendContext, today: string | undefined): string {
  return today ?? ctx.clock().toISOString().slice(0, 10);
}

function budgetOf(p: Project): ProjectBudget {
  return { currency: p.currency, budgetCents: p.budgetCents, monthlyCapCents: p.monthlyCapCents, startDate: p.startDate, endDate: p.endDate };
}

export interface ScenarioLinks {
  /** Active experiments of the project: id -> the scenario it carries out (or null) and its name. */
  experiments: Map<number, { scenarioId: string | null; name: string }>;
  /** Every scenario an active experiment or run is linked to. */
  ids: Set<string>;
}

/** A run carries out its own scenario, else its experiment's. */
export function scenarioOfRun(links: ScenarioLinks, run: { scenarioId: string | null; experimentId: number }): string | null {
  return run.scenarioId ?? links.experiments.get(run.experimentId)?.scenarioId ?? null;
}

export function scenarioLinks(ctx: BackendContext, projectId: string, spend: ProjectSpend): ScenarioLinks {
  const experiments = new Map<number, { scenarioId: string | null; name: string }>();
  for (const e of searchExperiments(ctx.db, { projectId, view: 'active', filter: [], orderBy: [], limit: 1_000_000, offset: 0 }).rows) experiments.set(e.id, { scenarioId: e.scenarioId, name: e.name });
  const links: ScenarioLinks = { experiments, ids: new Set() };
  for (const r of spend.runs) {
    const s = scenarioOfRun(links, r);
    if (s !== null) links.ids.add(s);
  }
  for (const e of experiments.values()) if (e.scenarioId !== null) links.ids.add(e.scenarioId);
  return links;
}

interface PlanChoice {
  scenarios: PlanScenario[];
  leftOut: Array<{ id: string; name: string; reason: string }>;
  sentence: string;
}

/**
 * The plan line: the scenarios runs or experiments carry out, or, when nothing is linked yet,
 * every scenario of the project with a total cost.
 */
function planChoice(ctx: BackendContext, project: Project, linked: Set<string>): PlanChoice {
  const all = listScenarios(ctx, project.id);
  const chosen = linked.size > 0 ? all.filter((s) => linked.has(s.id)) : all;
  const scenarios: PlanScenario[] = [];
  const leftOut: PlanChoice['leftOut'] = [];
  for (const s of chosen) {
    const c = scenarioInCurrency(s, project);
    // burnDown names scenarios without a total cost itself; a missing rate only this service knows.
    if (c.costMissing === 'no-rate') leftOut.push({ id: s.id, name: s.name, reason: c.costNote as string });
    else scenarios.push(c.scenario);
  }
  const sentence =
    chosen.length === 0
      ? 'The project has no saved Plan scenario, so there is no plan line.'
      : linked.size > 0
        ? `The plan line is made of the scenarios runs or experiments are linked to (${chosen.map((s) => s.name).join(', ')}).`
        : `No run or experiment is linked to a scenario yet, so the plan line adds every scenario of the project with a cost (${chosen.map((s) => s.name).join(', ')}); link runs to a scenario to choose.`;
  return { scenarios, leftOut, sentence };
}

function notCountedMessage(spend: ProjectSpend, currency: string): string | null {
  const parts: string[] = [];
  const runs = spend.uncountedRuns.length;
  const entries = spend.uncountedEntries.length;
  if (runs > 0) parts.push(`${runs} ${runs === 1 ? 'run' : 'runs'} with an unknown cost`);
  if (entries > 0) parts.push(`${entries} ledger ${entries === 1 ? 'entry' : 'entries'} in a currency with no rate into ${currency}`);
  return parts.length === 0 ? null : `Not counted: ${parts.join(' and ')}. The figures leave ${runs + entries === 1 ? 'it' : 'them'} out rather than guess.`;
}

/** Status, forecasts and alerts: what the alerts need, without the chart and the plan. */
function moneyPicture(ctx: BackendContext, project: Project, today: string) {
  const budget = budgetOf(project);
  const spend = projectSpend(ctx, project);
  const status = budgetStatus({ budget, items: spend.items, running: spend.running, today });
  const runout = forecastRunout({ budget, items: spend.items, today, committedCents: status.committed.totalCents });
  const monthEnd = forecastMonthEnd({ budget, items: spend.items, today });
  const alerts = budgetAlerts({ projectId: project.id, status, runout, monthEnd });
  return { budget, spend, status, runout, monthEnd, alerts };
}

/** The rate behind every converted figure of the report, with who set it and when. */
export function exchangeRateUsed(p: Project): ExchangeRateUsed | null {
  if (p.currency === 'USD') return null;
  const m = moneyOf(p);
  const note = rateNote(m);
  const by = p.usdRateSetBy ? ` (set by ${p.usdRateSetBy}${p.usdRateSetAt ? ` on ${p.usdRateSetAt.slice(0, 10)}` : ''})` : '';
  const sentence = note === null
    ? `No exchange rate from US dollars to ${p.currency} is set: run costs and plans priced in dollars are left out until it is.`
    : `Run costs and plans priced in US dollars are converted ${note}${by}.`;
  return { currency: p.currency, usdRate: m.usdRate, asOf: m.usdRateAsOf, setBy: p.usdRateSetBy ?? null, setAt: p.usdRateSetAt ?? null, sentence };
}

export function budgetReport(ctx: BackendContext, project: Project, today: string): BudgetReport {
  const { budget, spend, status, runout, monthEnd, alerts } = moneyPicture(ctx, project, today);
  const plan = planChoice(ctx, project, scenarioLinks(ctx, project.id, spend).ids);
  const chart = burnDown({ budget, items: spend.items, scenarios: plan.scenarios, today });
  const money = (c: number) => formatCents(c, project.currency);
  const assumptions = [
    `Each finished run's cost is spread over the UTC days it ran, in proportion to its hours on each day${spend.runsSplit > 0 ? ` (${spend.runsSplit} ${spend.runsSplit === 1 ? 'run spans' : 'runs span'} more than one day)` : ''}; a run is not booked all on the day it started.`,
    `Running runs are committed, not spent: ${money(status.committed.runningSoFarCents + status.committed.toFinishCents)} so far${status.committed.toFinishCents > 0 ? ' and to finish' : ''}.`,
    'Ledger entries in another currency count at the rate they were booked at; the project\'s USD rate converts run costs and USD plans.',
    plan.sentence,
  ];
  if (spend.scheduledRuns > 0) assumptions.push(`${spend.scheduledRuns} scheduled ${spend.scheduledRuns === 1 ? 'run has' : 'runs have'} not started and cost nothing yet.`);
  return {
    projectId: project.id,
    projectName: project.name,
    currency: project.currency,
    exchangeRate: exchangeRateUsed(project),
    today,
    status,
    burnDown: { ...chart, scenariosLeftOut: [...plan.leftOut, ...chart.scenariosLeftOut] },
    runout,
    monthEnd,
    alerts,
    capExceeded: alerts.some((a) => a.severity === 'error'),
    notCounted: { runs: spend.uncountedRuns, entries: spend.uncountedEntries, message: notCountedMessage(spend, project.currency) },
    method: 'Spent = the ledger (manual entries and bills, in the project\'s currency) plus finished runs\' costs split by UTC day; committed = running runs and entries dated after today; the forecasts use the recent burn rate of that spend.',
    assumptions,
  };
}

export function budgetStatusOf(ctx: BackendContext, input: { projectId: string; today?: string | undefined }): BudgetReport {
  return budgetReport(ctx, mustGetProject(ctx, input.projectId), todayOf(ctx, input.today));
}

/** Alerts of every project that is not archived and has a budget or a monthly cap. */
export function allAlerts(ctx: BackendContext, input: { today?: string | undefined }): { today: string; alerts: ProjectAlert[] } {
  const today = todayOf(ctx, input.today);
  const alerts: ProjectAlert[] = [];
  for (const p of listProjects(ctx.db, { includeArchived: false })) {
    if (p.budgetCents === null && p.monthlyCapCents === null) continue;
    for (const a of moneyPicture(ctx, p, today).alerts) alerts.push({ ...a, projectId: p.id, projectName: p.name });
  }
  return { today, alerts };
}
