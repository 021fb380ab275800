import { afterEach, describe, expect, it } from 'vitest';
import { bestGuessOf, estimateCentsText } from '../../shared/budget/best-guess';
import { planMoney } from '../../shared/budget/plan-money';
import type { Output, ProcedureName } from '../../shared/contract';
import type { Project } from '../../shared/contract/projects';
import type { Workload } from '../../shared/contract/estimate';
import { waitText } from '../../shared/domain/plain-words';
import { pickedCost } from '../../renderer/src/features/plan/cloud/cloud-answer';
import { servingCost, servingHeadline } from '../../renderer/src/features/plan/inference/inference-answer';
import { budgetWords } from '../../renderer/src/features/plan/parts/budget-words';
import { planCurrency } from '../../renderer/src/features/plan/parts/plan-currency';
import { trainingHeadline } from '../../renderer/src/features/plan/training/training-result';
import { keyFigures } from '../../renderer/src/stores/scenarios/scenarios.selectors';
import { dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';

/**
 * One plan, one best guess: the figure a planner's answer leads with is the figure the saved plan
 * shows (table, comparison, Set-as-budget dialog, the budget sentence). The answer's side is
 * written by the answer pages' own pure functions from the estimate the wizard fetches; the saved
 * side is the scenario the real backend stores and returns, read by the saved-plans selectors.
 */
describe('a plan has one best guess, on its answer and saved', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());
  const ok = <N extends ProcedureName>(name: N, input: unknown): Promise<Output<N>> => dispatchOk(t.backend, name, input);

  /** The project's currency and rate as the saved-plans table passes them (use-figure-context.ts). */
  const moneyOf = (p: Project) => ({ currency: p.currency, usdRate: p.usdRate ?? null, usdRateAsOf: p.usdRateAsOf ?? null });

  /** A shop counting in euros, 0.92 EUR per US dollar, with a €5,000 budget. */
  async function shop(): Promise<Project> {
    return ok('projects.create', { name: 'Corner shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: 500_000 });
  }

  it('training: the headline\'s cost is the saved row\'s, the dialog\'s and the budget sentence\'s, not the single run\'s', async () => {
    t = testBackend();
    const project = await shop();
    const pc = planCurrency(project);
    // 1B parameters on 20B tokens on three RTX 4090s you own, €0.30 a kWh, €1,200 each over 36 months.
    const input = { hardware: 'rtx-4090', gpus: 3, params: 1e9, tokens: 20e9, owned: { electricityUsdPerKwh: 0.3 / 0.92, purchaseUsd: 1200 / 0.92, writeOffMonths: 36 } };
    const estimate = await ok('estimate.training', input);
    const where = '3 x NVIDIA GeForce RTX 4090 you own';
    const headline = trainingHeadline(bestGuessOf(estimate), where, pc);

    const saved = await ok('scenarios.create', { projectId: project.id, name: '1B on 3 own RTX 4090', kind: 'training', input, result: estimate });
    const row = keyFigures(saved, { project: moneyOf(project) });
    expect(headline).toBe(`About ${row.cost} on ${where}`);
    expect(row.cost).toBe('€175');
    // What the owner used to see on the answer: the single run at every input's middle value.
    expect(pc.approx(estimate.costUsd)).toBe('€180');
    // The saved summary, the Set-as-budget dialog's best guess and the answer's budget sentence name the same figure.
    expect(saved.money.summary).toBe("€175 in total, within the project's €5,000 budget");
    expect(estimateCentsText(saved.money.totalCents?.p50 ?? Number.NaN, 'EUR')).toBe(row.cost);
    const tight = planMoney({ kind: 'training', result: estimate }, { currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: 20_000, monthlyCapCents: null });
    expect(budgetWords(tight)).toBe(`Within the project's €200 budget at the best guess (${row.cost}), but not in the high case (€248).`);
  });

  it('cloud or own hardware: the pick\'s cost a month and over the months is the saved row\'s', async () => {
    t = testBackend();
    const project = await shop();
    const pc = planCurrency(project);
    const workload: Workload = {
      name: 'Support chat assistant',
      requestsPerDay: 2000,
      inputTokensPerRequest: 800,
      outputTokensPerRequest: 250,
      latencyTargetMs: 8000,
      months: 12,
      dataSensitivity: 'internal',
      model: { params: 8e9, layers: 32, kvHeads: 8, headDim: 128 },
      options: { api: { inputUsdPerMTok: 0.15, outputUsdPerMTok: 0.6 }, cloudGpu: { hardwareId: 'l4', usdPerHour: 0.8 }, owned: { hardwareId: 'rtx-4090', purchaseUsd: 3000, electricityUsdPerKwh: 0.2 } },
    };
    const result = await ok('estimate.compare', { workload });
    const answer = pickedCost(result, workload.months, pc);
    const saved = await ok('scenarios.create', { projectId: project.id, name: 'Chat', kind: 'deployment', input: { workload }, result });
    const row = keyFigures(saved, { project: moneyOf(project) });
    expect(answer).not.toBeNull();
    expect(row.monthly).toBe(answer?.monthly);
    expect(row.cost).toBe(answer?.total);
    expect(row.cost).toMatch(/^€[\d,.]+ over 12 months$/);
  });

  it('serving: the answer time and the cost of 1,000 requests are the saved row\'s', async () => {
    t = testBackend();
    const project = await shop();
    const pc = planCurrency(project);
    // Llama 3.1 8B at 4 bits on an L4, four requests together, €0.69 an hour typed ($0.75).
    const input = { params: 8.03e9, hardware: 'l4', precision: 'int4', serving: 'optimized', promptTokens: 1000, outputTokens: 300, batch: 4, layers: 32, kvHeads: 8, headDim: 128, pricePerHourUsd: 0.75 };
    const r = await ok('estimate.inference', input);
    const saved = await ok('scenarios.create', { projectId: project.id, name: 'Chat on an L4', kind: 'inference', input, result: r });
    const row = keyFigures(saved, { project: moneyOf(project) });
    expect(row.unitCost).toBe(`${servingCost(r, pc)} per 1,000 requests`);
    expect(servingHeadline(r)).toBe(`About ${row.latency} per answer on the NVIDIA L4`);
    // The single run at every input's middle value reads differently: it is not what either side shows.
    expect(row.latency).toBe('7.7 seconds');
    expect(waitText(r.latencyMs.total)).toBe('7.6 seconds');
  });
});
