import { estimateAmountIn, estimateText } from '../../../../../shared/budget/best-guess';
import { assumptionInCurrency, type AssumptionFigure } from '../../../../../shared/budget/assumption-currency';
import { projectYardsticks, type ProjectYardsticks } from '../../../../../shared/budget/plan-money';
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
  // The one way an estimate's amount is written, on the answer and on the saved plan (best-guess.ts).
  const major = (usd: number) => estimateAmountIn(usd, m) as number;
  const approx = { currency: m.currency, approx: true } as const;
  return {
    fromUsd: (x) => x * rate,
    money: (x) => formatCents(m.currency === 'USD' ? Math.round(x * 100) : (dollarsToProjectCents(x, m) as number), m.currency),
    approx: (x) => estimateText(x, m) as string,
    approxRange: (low, high) => (rangeIsOneAmount(major(low), major(high), approx) ? null : formatAmountRange(major(low), major(high), { ...approx, joiner: ' to ' })),
    unitPrice: (x) => formatAmount(x * rate, { currency: m.currency, perUnit: true }),
  };
}

export function planCurrency(project: Pick<Project, 'name' | 'currency' | 'usdRate' | 'usdRateAsOf' | 'budgetCents' | 'monthlyCapCents'> | null): PlanCurrency {
  const dollars: PlanCurrency = { currency: 'USD', shown: USD, yardsticks: null, ...writers(USD), rateNote: null, missingRate: null };
  if (!project) return dollars;
  const yardsticks = projectYardsticks(project);
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

/** An estimate's assumption in the shown currency (shared/budget/assumption-currency.ts). */
export function assumptionIn(a: AssumptionFigure, pc: PlanCurrency): AssumptionFigure & { dollars?: AssumptionFigure } {
  return assumptionInCurrency(a, pc.shown);
}
