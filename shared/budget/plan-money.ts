import { dollarsToProjectCents, moneyOf, rateNote, toProjectMinor, roundCents, type ProjectMoney } from '../domain/currency';
import { estimateCentsRange, estimateCentsText, estimateText } from './best-guess';
import type { BreakEven } from './break-even';
import type { DeploymentOptionResult } from './deployment-options';
import { recommend, type MoneyWords, type Recommendation } from './deployment-recommendation';
import type { SensitivityEntry } from './sensitivity';
import { formatCents } from './spend/spend-format';
import type { Workload } from './workload';

/**
 * A saved plan (or a wizard's answer) in the project's currency, held against the project's
 * yardsticks. Estimates are in US dollars; each figure here is converted from the estimate's own
 * dollars with the project's rate, once (shared/domain/currency.ts). Without a rate nothing is
 * converted and the reason says so: a dollar figure is never set beside a cap in another
 * currency.
 *
 * The yardstick: a plan's own monthly budget (the cloud wizard asks for one), else the
 * project's monthly cap, for a plan with a monthly cost; the project's total budget for a plan
 * with a total cost (training, pilot). All three are integer cents of the project's currency.
 */
interface Quantiles {
  p10: number;
  p50: number;
  p90: number;
}

/** The parts of a saved plan the money view reads (structurally the contract's Scenario). */
export type PlanLike =
  | { kind: 'training'; result: { range: { p10: { costUsd: number }; p50: { costUsd: number }; p90: { costUsd: number } } } }
  | { kind: 'pilot'; result: { range: { p10: { costUsd: number | null }; p50: { costUsd: number | null }; p90: { costUsd: number | null } } } }
  | { kind: 'deployment'; result: { options: ReadonlyArray<{ option: string; monthlyCostUsd: Quantiles; totalCostUsd: Quantiles }>; recommendation: { option: string | null } } }
  | { kind: 'inference' | 'memory' | 'optimal'; result: unknown };

/** The project as the money view needs it: its currency and rate, budget and monthly cap. */
export interface ProjectYardsticks extends ProjectMoney {
  budgetCents: number | null;
  monthlyCapCents: number | null;
}

/**
 * A project's yardsticks (a project row, or anything with its money fields): the one way the
 * backend's saved plans and the planners' answers read them, so both hold a plan against the same figures.
 */
export function projectYardsticks(p: Parameters<typeof moneyOf>[0] & { budgetCents: number | null; monthlyCapCents: number | null }): ProjectYardsticks {
  return { ...moneyOf(p), budgetCents: p.budgetCents, monthlyCapCents: p.monthlyCapCents };
}

export interface CentsRange {
  p10: number;
  p50: number;
  p90: number;
}

export type CapKind = 'plan-monthly' | 'project-monthly' | 'project-total';

export interface PlanMoney {
  currency: string;
  /** What converted figures rest on ("at 0.92 EUR per US dollar of 2026-11-30"); null when nothing was converted. */
  rateNote: string | null;
  /** Why figures are missing (no rate into the project's currency); null when none is. */
  notConverted: string | null;
  /** The plan's total cost (training, pilot, and a deployment over its months), P10-P90. */
  totalCents: CentsRange | null;
  /** A deployment's monthly cost for the recommended option. */
  monthlyCents: CentsRange | null;
  /** The plan's own monthly budget, in the project's currency. */
  monthlyBudgetCents: number | null;
  /** The yardstick the plan is held against. */
  cap: { cents: number; kind: CapKind } | null;
  /** within: even the high case (P90) fits; at-risk: the best guess fits, the high case does not; over: the best guess does not. */
  capStatus: 'within' | 'at-risk' | 'over' | null;
  /** One sentence for lists: "€16 a month, within your €300 monthly cap". */
  summary: string | null;
}

function totalUsdOf(plan: PlanLike): Quantiles | null {
  switch (plan.kind) {
    case 'training':
      return { p10: plan.result.range.p10.costUsd, p50: plan.result.range.p50.costUsd, p90: plan.result.range.p90.costUsd };
    case 'pilot': {
      const r = plan.result.range;
      if (r.p10.costUsd === null || r.p50.costUsd === null || r.p90.costUsd === null) return null;
      return { p10: r.p10.costUsd, p50: r.p50.costUsd, p90: r.p90.costUsd };
    }
    case 'deployment':
      return recommended(plan)?.totalCostUsd ?? null;
    default:
      return null;
  }
}

/** Whether the plan has a total cost at all (training, pilot, a deployment with a pick). */
export function hasTotalCost(plan: PlanLike): boolean {
  return totalUsdOf(plan) !== null;
}

function recommended(plan: Extract<PlanLike, { kind: 'deployment' }>) {
  return plan.result.options.find((o) => o.option === plan.result.recommendation.option) ?? null;
}

/** P10/P50/P90 dollars -> project cents, each converted once; the order P10 <= P50 <= P90 kept. */
function rangeCents(q: Quantiles, m: ProjectMoney): CentsRange | null {
  const [p10, p50, p90] = [q.p10, q.p50, q.p90].map((x) => dollarsToProjectCents(Math.max(0, x), m));
  if (p10 == null || p50 == null || p90 == null) return null;
  return { p10: Math.min(p10, p50), p50, p90: Math.max(p90, p50) };
}

const CAP_WORDS: Record<CapKind, string> = { 'plan-monthly': 'your {} monthly cap', 'project-monthly': "the project's {} monthly cap", 'project-total': "the project's {} budget" };

function capPhrase(cap: { cents: number; kind: CapKind }, currency: string): string {
  return CAP_WORDS[cap.kind].replace('{}', formatCents(cap.cents, currency));
}

function noRateReason(p: ProjectYardsticks): string {
  return `The plan is priced in US dollars and the project counts in ${p.currency} without an exchange rate; set how many ${p.currency} one US dollar buys on the project's Budget page to see it in ${p.currency}.`;
}

/** The plan's monthly budget in the project's currency, or why it cannot be. */
function budgetInProject(budget: { cents: number; currency: string } | null, p: ProjectYardsticks): { cents: number | null; reason: string | null } {
  if (budget === null) return { cents: null, reason: null };
  const conv = toProjectMinor(budget.cents, budget.currency, p);
  if (conv.minor === null) return { cents: null, reason: `The plan's monthly budget is in ${budget.currency} and the project now counts in ${p.currency}; edit the plan to set it again in ${p.currency}.` };
  return { cents: roundCents(conv.minor), reason: null };
}

function statusOf(r: CentsRange, capCents: number): PlanMoney['capStatus'] {
  if (r.p90 <= capCents) return 'within';
  return r.p50 <= capCents ? 'at-risk' : 'over';
}

/**
 * The plan's best guess held against its yardstick. The plan's figures are estimates and are
 * written as the answer writes them (estimate-format, best-guess.ts), so the saved plan reads the
 * same amount as the answer it came from; the cap is the owner's own amount, written exactly.
 */
function sentence(figure: string, range: CentsRange, cap: { cents: number; kind: CapKind } | null, status: PlanMoney['capStatus'], currency: string): string {
  const estimate = (c: number) => estimateCentsText(c, currency);
  const likely = estimateCentsRange(range.p10, range.p90, currency, '–');
  if (cap === null || status === null) return likely === estimate(range.p50) ? figure : `${figure} (likely ${likely})`;
  const phrase = capPhrase(cap, currency);
  if (status === 'within') return `${figure}, within ${phrase}`;
  if (status === 'at-risk') return `${figure}, within ${phrase} (up to ${estimate(range.p90)} in the high case)`;
  return `${figure}, ${estimate(range.p50 - cap.cents)} over ${phrase}`;
}

/**
 * The plan in the project's currency. `monthlyBudget` is the plan's own, in the currency it was
 * entered in (the project's, unless the project's currency changed since).
 */
export function planMoney(plan: PlanLike & { monthlyBudget?: { cents: number; currency: string } | null }, p: ProjectYardsticks): PlanMoney {
  const budget = budgetInProject(plan.monthlyBudget ?? null, p);
  const out: PlanMoney = { currency: p.currency, rateNote: null, notConverted: budget.reason, totalCents: null, monthlyCents: null, monthlyBudgetCents: budget.cents, cap: null, capStatus: null, summary: null };
  const totalUsd = totalUsdOf(plan);
  const monthlyUsd = plan.kind === 'deployment' ? (recommended(plan)?.monthlyCostUsd ?? null) : null;
  if (totalUsd === null && monthlyUsd === null) return out;
  const total = totalUsd && rangeCents(totalUsd, p);
  const monthly = monthlyUsd && rangeCents(monthlyUsd, p);
  if ((totalUsd && !total) || (monthlyUsd && !monthly)) return { ...out, notConverted: [noRateReason(p), budget.reason].filter(Boolean).join(' ') };
  out.totalCents = total;
  out.monthlyCents = monthly;
  out.rateNote = rateNote(p);
  if (monthly) {
    const capCents = budget.cents ?? p.monthlyCapCents;
    out.cap = capCents === null ? null : { cents: capCents, kind: budget.cents !== null ? 'plan-monthly' : 'project-monthly' };
    out.capStatus = out.cap && statusOf(monthly, out.cap.cents);
    out.summary = sentence(`${estimateCentsText(monthly.p50, p.currency)} a month`, monthly, out.cap, out.capStatus, p.currency);
  } else if (total) {
    out.cap = p.budgetCents === null ? null : { cents: p.budgetCents, kind: 'project-total' };
    out.capStatus = out.cap && statusOf(total, out.cap.cents);
    out.summary = sentence(`${estimateCentsText(total.p50, p.currency)} in total`, total, out.cap, out.capStatus, p.currency);
  }
  return out;
}

/** Dollars in the project's currency, as the recommendation's sentences write money. */
export function moneyWordsIn(m: ProjectMoney): MoneyWords | null {
  if (m.currency === 'USD') return null;
  if (dollarsToProjectCents(1, m) === null) return null;
  return (usd) => estimateText(usd, m) as string;
}

/**
 * The comparison's recommendation with its money in the project's currency: the same sentence
 * the estimator wrote, re-worded from the stored figures (it is deterministic given them).
 * Null when the project counts in USD (the stored sentence already is) or has no rate.
 */
export function recommendationIn(
  result: { options: readonly DeploymentOptionResult[]; breakEven: readonly BreakEven[]; sensitivity: readonly SensitivityEntry[] },
  workload: Workload,
  m: ProjectMoney,
): Recommendation | null {
  const words = moneyWordsIn(m);
  if (words === null) return null;
  return recommend(result.options, result.breakEven, workload, () => [...result.sensitivity], words).recommendation;
}
