import type { ProjectYardsticks } from '../../../../../shared/budget/plan-money';
import { formatCents } from '../../../../../shared/budget/spend/spend-format';
import type { Project } from '../../../../../shared/contract/projects';
import { dollarsToProjectCents, rateNote, usdRateOf, type ProjectMoney } from '../../../../../shared/domain/currency';
import { formatAmount, formatAmountRange, rangeIsOneAmount } from '../../../../../shared/domain/money-format';

/**
 * The currency a wizard's answer is shown in: the project the plan is for. Estimates come in US
 * dollars; with the project's rate every figure is converted once (shared/domain/currency.ts).
 * A project in another currency without a rate keeps the answer in dollars and says why, and no
 * budget in its currency is set beside those dollars. Prices the owner types on the way in
 * (a GPU's purchase price, a tariff, an hourly price) are in the same shown currency.
 */
export interface PlanCurrency {
  /** The currency figures are shown in, and prices are typed in. */
  currency: string;
  /** The shown currency and its rate (1 for USD): what typed prices are converted with. */
  shown: ProjectMoney;
  /** The project's currency, its rate, budget and cap; null when no project is chosen. */
  yardsticks: ProjectYardsticks | null;
  /** Dollars -> the shown currency's major units (for charts). */
  fromUsd(usd: number): number;
  /** Dollars as money in the shown currency ("€16", "€1,200", "€0.45"). */
  money(usd: number): string;
  /** An estimate's dollars in the shown currency, as estimates are written ("€12,000", "€63"). */
  approx(usd: number): string;
  /** "€12 to €17", or null when both ends read the same. */
  approxRange(low: number, high: number): string | null;
  /** A price per kWh or per hour in the shown currency ("€0.30"). */
  unitPrice(usd: number): string;
  /** "at 0.92 EUR per US dollar of 2026-11-30" when figures were converted. */
  rateNote: string | null;
  /** Why figures stay in US dollars for a project in another currency (no rate yet). */
  missingRate: string | null;
}

const USD: ProjectMoney = { currency: 'USD', usdRate: 1, usdRateAsOf: null };

/** An estimate's figures written in `m`'s currency, each converted once to cents first. */
function writers(m: ProjectMoney): Pick<PlanCurrency, 'money' | 'approx' | 'approxRange' | 'unitPrice' | 'fromUsd'> {
  const rate = usdRateOf(m) ?? 1;
  // Dollars stay as the estimate gave them; another currency is rounded once, to its cents.
  const major = (usd: number) => (m.currency === 'USD' ? usd : (dollarsToProjectCents(usd, m) as number) / 100);
  const approx = { currency: m.currency, approx: true } as const;
  return {
    fromUsd: (x) => x * rate,
    money: (x) => formatCents(m.currency === 'USD' ? Math.round(x * 100) : (dollarsToProjectCents(x, m) as number), m.currency),
    approx: (x) => formatAmount(major(x), approx),
    approxRange: (low, high) => (rangeIsOneAmount(major(low), major(high), approx) ? null : formatAmountRange(major(low), major(high), { ...approx, joiner: ' to ' })),
    unitPrice: (x) => formatAmount(x * rate, { currency: m.currency, perUnit: true }),
  };
}

export function planCurrency(project: Pick<Project, 'name' | 'currency' | 'usdRate' | 'usdRateAsOf' | 'budgetCents' | 'monthlyCapCents'> | null): PlanCurrency {
  const dollars: PlanCurrency = { currency: 'USD', shown: USD, yardsticks: null, ...writers(USD), rateNote: null, missingRate: null };
  if (!project) return dollars;
  const yardsticks: ProjectYardsticks = { currency: project.currency, usdRate: project.usdRate ?? null, usdRateAsOf: project.usdRateAsOf ?? null, budgetCents: project.budgetCents, monthlyCapCents: project.monthlyCapCents };
  const rate = usdRateOf(yardsticks);
  if (rate === null) {
    return {
      ...dollars,
      yardsticks,
      missingRate: `“${project.name}” counts in ${project.currency} and has no exchange rate from US dollars yet, so these figures stay in US dollars. Set the rate on the project (how many ${project.currency} one US dollar buys) to see them in ${project.currency}.`,
    };
  }
  const shown: ProjectMoney = { currency: project.currency, usdRate: rate, usdRateAsOf: yardsticks.usdRateAsOf };
  return { currency: project.currency, shown, yardsticks, ...writers(shown), rateNote: rateNote(yardsticks), missingRate: null };
}

interface AssumptionFigure {
  value: number | string;
  unit?: string | undefined;
  range?: { p10: number; p90: number } | undefined;
}

/**
 * An estimate's assumption in the shown currency: a value whose unit is in US dollars ("USD/kWh",
 * "USD per device") is converted with the same rate as the answer ("EUR/kWh"), keeping what it
 * was (`dollars`) for the record; every other assumption stays as it is.
 */
export function assumptionIn(a: AssumptionFigure, pc: PlanCurrency): AssumptionFigure & { dollars?: AssumptionFigure } {
  if (pc.currency === 'USD' || typeof a.value !== 'number' || !a.unit?.startsWith('USD')) return a;
  const rate = pc.fromUsd(1);
  const unit = `${pc.currency}${a.unit.slice(3)}`;
  return { value: a.value * rate, unit, ...(a.range ? { range: { p10: a.range.p10 * rate, p90: a.range.p90 * rate } } : {}), dollars: a };
}
