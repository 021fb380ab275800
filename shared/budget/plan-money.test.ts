import { describe, expect, it } from 'vitest';
import type { CloudGpuPriceRow } from '../catalog/catalog-types';
import { compareDeployments } from './deployment-comparison';
import { recommend, usdWords } from './deployment-recommendation';
import { planMoney, projectYardsticks, recommendationIn, type ProjectYardsticks } from './plan-money';
import { TEST_DEVICES } from './test-hardware';
import type { Workload } from './workload';

const price = (hardwareId: string, provider: string, usdPerGpuHour: number): CloudGpuPriceRow => ({ id: `${hardwareId}@${provider}`, hardwareId, provider, region: 'us', pricingModel: 'on-demand', usdPerGpuHour, asOf: '2025-03-03', source: 'test', confidence: 'secondary' });
const CATALOG = { hardware: TEST_DEVICES, cloudGpuPrices: [price('l4', 'RunPod', 0.43)], llmApiPrices: [{ id: 'gpt-4o-mini', inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 }] };
// A shop's product-description writer: short prompts, short texts, a few hundred a day.
const SHOP: Workload = {
  requestsPerDay: 400,
  inputTokensPerRequest: 300,
  outputTokensPerRequest: 250,
  months: 12,
  dataSensitivity: 'public',
  model: { params: 8e9, layers: 32, kvHeads: 8, headDim: 128 },
  options: { api: { id: 'gpt-4o-mini' }, cloudGpu: { hardwareId: 'l4' }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 2000 } },
};
const comparison = compareDeployments(SHOP, CATALOG, { samples: 300, seed: 7 });
const deployment = { kind: 'deployment' as const, result: comparison };
const eur: ProjectYardsticks = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: 500_000, monthlyCapCents: 100 };

describe('planMoney', () => {
  it('converts the recommended option\'s dollars once and holds them against the plan\'s own monthly budget', () => {
    const api = comparison.options.find((o) => o.option === 'api')!;
    expect(comparison.recommendation.option).toBe('api');
    const m = planMoney({ ...deployment, monthlyBudget: { cents: 30_000, currency: 'EUR' } }, eur);
    const want = Math.round(api.monthlyCostUsd.p50 * 100 * 0.92);
    expect(m.monthlyCents?.p50).toBe(want);
    expect(m.totalCents?.p50).toBe(Math.round(api.totalCostUsd.p50 * 100 * 0.92));
    expect(m.cap).toEqual({ cents: 30_000, kind: 'plan-monthly' });
    expect(m.capStatus).toBe('within');
    expect(m.rateNote).toBe('at 0.92 EUR per US dollar of 2026-11-30');
    expect(m.notConverted).toBeNull();
    expect(m.summary).toBe(`€${(want / 100).toFixed(2)} a month, within your €300 monthly cap`);
  });

  it('falls back to the project\'s monthly cap, and says by how much a plan is over', () => {
    const m = planMoney(deployment, eur);
    expect(m.cap).toEqual({ cents: 100, kind: 'project-monthly' });
    expect(m.capStatus).toBe('over');
    const over = (m.monthlyCents!.p50 - 100) / 100;
    expect(m.summary).toBe(`€${(m.monthlyCents!.p50 / 100).toFixed(2)} a month, €${over.toFixed(2)} over the project's €1 monthly cap`);
  });

  it('converts nothing without a rate and says why, never a dollar figure beside a euro cap', () => {
    const m = planMoney({ ...deployment, monthlyBudget: { cents: 30_000, currency: 'EUR' } }, { ...eur, usdRate: null, usdRateAsOf: null });
    expect(m.monthlyCents).toBeNull();
    expect(m.summary).toBeNull();
    expect(m.monthlyBudgetCents).toBe(30_000);
    expect(m.notConverted).toBe("The plan is priced in US dollars and the project counts in EUR without an exchange rate; set how many EUR one US dollar buys on the project's Budget page to see it in EUR.");
  });

  it('converts a budget kept in US dollars (as older plans have it) and refuses a third currency', () => {
    expect(planMoney({ ...deployment, monthlyBudget: { cents: 30_000, currency: 'USD' } }, eur).monthlyBudgetCents).toBe(27_600);
    const gbp = planMoney({ ...deployment, monthlyBudget: { cents: 30_000, currency: 'GBP' } }, eur);
    expect(gbp.monthlyBudgetCents).toBeNull();
    expect(gbp.cap?.kind).toBe('project-monthly');
    expect(gbp.notConverted).toBe("The plan's monthly budget is in GBP and the project now counts in EUR; edit the plan to set it again in EUR.");
  });

  it('holds a training plan\'s total against the project\'s budget; a USD project converts nothing', () => {
    const training = { kind: 'training' as const, result: { range: { p10: { costUsd: 4000 }, p50: { costUsd: 5200 }, p90: { costUsd: 7000.5 } } } };
    const usd = planMoney(training, { currency: 'USD', usdRate: 1, usdRateAsOf: null, budgetCents: 600_000, monthlyCapCents: null });
    expect(usd.totalCents).toEqual({ p10: 400_000, p50: 520_000, p90: 700_050 });
    expect(usd.rateNote).toBeNull();
    expect(usd.capStatus).toBe('at-risk');
    // Figures are estimates, written as the answer writes them (two significant digits from 1,000 on); the budget is exact.
    expect(usd.summary).toBe("$5,200 in total, within the project's $6,000 budget (up to $7,000 in the high case)");
    expect(planMoney(training, { ...eur, budgetCents: null }).summary).toBe('€4,800 in total (likely €3,700–€6,400)');
    expect(planMoney(training, { ...eur, budgetCents: 456_789 }).summary).toBe("€4,800 in total, €216 over the project's €4,568 budget");
    expect(planMoney({ kind: 'memory', result: {} }, eur)).toMatchObject({ totalCents: null, summary: null, notConverted: null });
  });
});

describe('recommendationIn', () => {
  it('rewords the stored recommendation exactly: in dollars it is the estimator\'s own sentence', () => {
    const again = recommend(comparison.options, comparison.breakEven, SHOP, () => comparison.sensitivity, usdWords).recommendation;
    expect(again).toEqual(comparison.recommendation);
  });

  it('writes the same sentence with every amount in the project\'s currency', () => {
    const r = recommendationIn(comparison, SHOP, eur)!;
    expect(r.option).toBe(comparison.recommendation.option);
    expect(r.sentence).not.toContain('$');
    expect(r.sentence).toContain('€');
    // Same words once the amounts are taken out.
    const words = (s: string) => s.replace(/[$€][\d,.]+/g, '#');
    expect(words(r.sentence)).toBe(words(comparison.recommendation.sentence));
    expect(r.whatWouldChange.map(words)).toEqual(comparison.recommendation.whatWouldChange.map(words));
    expect(recommendationIn(comparison, SHOP, { currency: 'USD', usdRate: 1, usdRateAsOf: null })).toBeNull();
    expect(recommendationIn(comparison, SHOP, { currency: 'EUR', usdRate: null, usdRateAsOf: null })).toBeNull();
  });
});

describe('projectYardsticks', () => {
  it('reads a project row\'s currency, rate, rate date, budget and cap, and nothing else', () => {
    const row = { id: 'p1', name: 'Corner shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', usdRateSetBy: 'alice', budgetCents: 500_000, monthlyCapCents: 100 };
    expect(projectYardsticks(row)).toEqual(eur);
  });

  it('reads a missing rate and rate date as null, and keeps a USD project\'s own (unset) rate', () => {
    expect(projectYardsticks({ currency: 'EUR', budgetCents: null, monthlyCapCents: 30_000 })).toEqual({ currency: 'EUR', usdRate: null, usdRateAsOf: null, budgetCents: null, monthlyCapCents: 30_000 });
    expect(projectYardsticks({ currency: 'USD', usdRate: null, usdRateAsOf: null, budgetCents: 100, monthlyCapCents: null })).toEqual({ currency: 'USD', usdRate: null, usdRateAsOf: null, budgetCents: 100, monthlyCapCents: null });
  });
});
