import { describe, expect, it } from 'vitest';
import { planMoney } from '../../../../../shared/budget/plan-money';
import { budgetWords } from './budget-words';

const shop = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', monthlyCapCents: null };
/** A training run whose cost in dollars is likely $126 to $270, $190 at the median. */
const run = { kind: 'training' as const, result: { range: { p10: { costUsd: 126 }, p50: { costUsd: 190 }, p90: { costUsd: 270 } } } };

describe('a planner answer held against the project budget', () => {
  it('says the verdict and the high case in the project\'s currency, never a second best guess', () => {
    // High case $270 x 0.92 = €248.40 -> "€248"; median $190 x 0.92 = €174.80.
    expect(budgetWords(planMoney(run, { ...shop, budgetCents: 500_000 }))).toBe("Within the project's €5,000 budget, even in the high case (€248).");
    expect(budgetWords(planMoney(run, { ...shop, budgetCents: 20_000 }))).toBe("Within the project's €200 budget at the best guess, but not in the high case (€248).");
    expect(budgetWords(planMoney(run, { ...shop, budgetCents: 10_000 }))).toBe("Over the project's €100 budget at the best guess.");
    expect(budgetWords(planMoney(run, { ...shop, budgetCents: null }))).toBeNull();
  });
});
