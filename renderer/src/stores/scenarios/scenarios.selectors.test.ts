import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../shared/contract/scenarios';
import { comparisonRows, keyFigures, toggleCompare } from './scenarios.selectors';

const figures = { flops: 5.88e21, gpuHours: 8000, wallClockHours: 1000, costUsd: 16000, energyKwh: 5200, co2Kg: 2000 };
const training = {
  id: 's1',
  projectId: 'p1',
  name: '7B on A100',
  notes: '',
  p50CostCents: 1_600_000,
  p90CostCents: 2_400_000,
  monthlyBudget: null,
  pricesTypedAt: null,
  money: { currency: 'USD', rateNote: null, notConverted: null, totalCents: { p10: 1_100_000, p50: 1_600_000, p90: 2_400_000 }, monthlyCents: null, monthlyBudgetCents: null, cap: null, capStatus: null, summary: '$16,000 in total (likely $11,000–$24,000)' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  kind: 'training',
  input: { hardware: 'a100-80gb', params: 7e9, tokens: 140e9, gpus: 8 },
  result: { ...figures, range: { p10: { ...figures, costUsd: 11000 }, p50: figures, p90: { ...figures, costUsd: 24000 } }, assumptions: {}, sensitivity: [], sensitivityByMetric: { costUsd: [], wallClockHours: [], co2Kg: [] }, hardware: { id: 'a100-80gb', name: 'NVIDIA A100 SXM 80GB' } },
} as Scenario;

// The quick answers' plans carry no total cost: their money is empty.
const noMoney = { ...training.money, totalCents: null, summary: null };
const memory = {
  ...training,
  id: 's2',
  p50CostCents: null,
  p90CostCents: null,
  money: noMoney,
  kind: 'memory',
  input: { params: 8.03e9, mode: 'inference', precision: 'fp16', context: 4096, layers: 32, kvHeads: 8, headDim: 128 },
  result: { totalGb: 19.81, breakdown: { weightsGb: 16.06, gradientsGb: 0, optimizerGb: 0, activationsGb: 0, kvCacheGb: 0.54, overheadGb: 3.21 }, fits: [], assumptions: {}, notes: [] },
} as Scenario;
const serving = { prefillTokensPerS: 4140, decodeTokensPerSPerSequence: 45.4, decodeTokensPerSTotal: 182, latencyMs: { firstToken: 968, total: 7580 }, costPer1MTokensUsd: 0.66, costPer1kRequestsUsd: 0.23 };
const inference = {
  ...memory,
  id: 's3',
  kind: 'inference',
  input: { params: 8.03e9, hardware: 'l4', precision: 'int4', batch: 4 },
  result: { ...serving, memoryGb: 6.1, gpus: 1, bound: 'memory', energyJPerToken: 0.4, range: { p10: serving, p50: serving, p90: serving }, assumptions: {}, sensitivity: [], notes: [], hardware: { id: 'l4', name: 'NVIDIA L4' } },
} as Scenario;
const optimal = {
  ...memory,
  id: 's4',
  kind: 'optimal',
  input: { budgetUsd: 100_000, hardware: 'h100-sxm', gpus: 8 },
  result: { params: 12_845_740_428, tokens: 264_159_414_773, flops: 2.036e22, fit: 'hoffmann-approach-1', tokensPerParam: 20.6, source: 'Hoffmann et al. 2022', gpuHours: 14_731, mfu: 0.4, goodput: 0.97, assumptions: {} },
} as Scenario;

describe('scenario selectors', () => {
  it('keeps at most three picks for the comparison, dropping the oldest', () => {
    expect(toggleCompare(['a', 'b', 'c'], 'd')).toEqual(['b', 'c', 'd']);
    expect(toggleCompare(['a', 'b'], 'a')).toEqual(['b']);
  });

  it('reads the key figures of a training scenario', () => {
    expect(keyFigures(training)).toEqual({
      kind: 'Training cost',
      cost: '$16,000',
      range: '$11,000 to $24,000',
      time: '41.7 days',
      hardware: '8 x NVIDIA A100 SXM 80GB',
      energy: '5,200 kWh',
      co2: '2,000 kg',
    });
  });

  it('shows a plan in its project\'s currency as the backend converted it, with the rate, or says why not', () => {
    const euro = { ...training, money: { ...training.money, currency: 'EUR', totalCents: { p10: 1_012_000, p50: 1_472_000, p90: 2_208_000 }, rateNote: 'at 0.92 EUR per US dollar of 2026-11-30', cap: { cents: 2_000_000, kind: 'project-total' }, capStatus: 'at-risk', summary: "€14,720 in total, within the project's €20,000 budget (up to €22,080 in the high case)" } } as Scenario;
    // Estimates written as the answer writes them: two significant digits from 1,000 on.
    expect(keyFigures(euro)).toMatchObject({ cost: '€15,000', range: '€10,000 to €22,000', rate: 'at 0.92 EUR per US dollar of 2026-11-30', summary: "€14,720 in total, within the project's €20,000 budget (up to €22,080 in the high case)" });
    const noRate = { ...training, money: { ...training.money, currency: 'EUR', totalCents: null, summary: null, notConverted: 'The plan is priced in US dollars and the project counts in EUR without an exchange rate.' } } as Scenario;
    const f = keyFigures(noRate);
    expect(f.cost).toBeUndefined();
    expect(Object.values(f).join(' ')).not.toContain('$');
    expect(f.notConverted).toBe('The plan is priced in US dollars and the project counts in EUR without an exchange rate.');
  });

  it('says the date of the catalog prices behind a cost', () => {
    const dated = { ...training, result: { ...training.result, assumptions: { pricePerGpuHourUsd: { value: 6.79, unit: 'USD/GPU-h', source: 'catalog', asOf: '2025-02-28' } } } } as Scenario;
    expect(keyFigures(dated).priced).toBe('catalog prices from 2025-02-28');
    expect(comparisonRows([dated]).map((r) => r.label)).toContain('Priced at');
  });

  it('lists only rows some scenario has, with a dash where another has none', () => {
    const rows = comparisonRows([training, memory]);
    expect(rows.map((r) => r.label)).toEqual(['Question', 'Total cost (best guess)', 'Likely range', 'Runs on', 'Time to finish', 'Memory needed', 'Energy', 'CO2']);
    // A plan without a cost says so in the cost row instead of a dash.
    expect(rows[1]!.values).toEqual(['$16,000', 'No cost: a memory estimate']);
    expect(rows[3]!.values).toEqual(['8 x NVIDIA A100 SXM 80GB', 'any device with 19.8 GB or more']);
    expect(rows[5]!.values).toEqual(['–', '19.8 GB to run it']);
  });

  it('reads the key figures of the quick answers: memory, serving speed and model size, with what they run on and cost', () => {
    expect(keyFigures(memory)).toEqual({ kind: 'Memory', memory: '19.8 GB to run it', noCost: 'No cost: a memory estimate', hardware: 'any device with 19.8 GB or more' });
    expect(keyFigures(inference)).toEqual({ kind: 'Serving speed and cost', hardware: '1 x NVIDIA L4', latency: '7.6 seconds', unitCost: '$0.23 per 1,000 requests' });
    const names = { deviceName: (id: string) => ({ 'h100-sxm': 'NVIDIA H100 SXM' })[id] };
    expect(keyFigures(optimal, names)).toEqual({ kind: 'Compute-optimal size', size: '12.8B parameters on 264B tokens', cost: '$100,000 budget', hardware: '8 x NVIDIA H100 SXM' });
    const flops = { ...optimal, input: { flops: 1e23 } } as Scenario;
    expect(keyFigures(flops)).toMatchObject({ noCost: 'No cost: a model size for the computing given', hardware: 'any GPUs (the computing was given)' });
    const unpriced = { ...serving, costPer1MTokensUsd: null, costPer1kRequestsUsd: null };
    const noPrice = { ...inference, result: { ...inference.result, ...unpriced, range: { p10: unpriced, p50: unpriced, p90: unpriced } } } as Scenario;
    expect(keyFigures(noPrice)).toMatchObject({ noCost: 'No cost: no rental price for the NVIDIA L4' });
  });

  it('names the device a memory plan was saved with: as many as hold it, or that it is too small', () => {
    const fits = [{ hardware: 'rtx-3090', name: 'NVIDIA GeForce RTX 3090', count: 1, memoryGb: 24 }, { hardware: 't4', name: 'NVIDIA T4', count: 2, memoryGb: 16 }];
    const on = (hardware: string) => ({ ...memory, input: { ...memory.input, hardware }, result: { ...memory.result, fits } }) as Scenario;
    expect(keyFigures(on('rtx-3090')).hardware).toBe('NVIDIA GeForce RTX 3090');
    expect(keyFigures(on('t4')).hardware).toBe('2 x NVIDIA T4');
    expect(keyFigures(on('jetson-orin-nx-16gb'), { deviceName: () => 'NVIDIA Jetson Orin NX 16GB' }).hardware).toBe('NVIDIA Jetson Orin NX 16GB: too small (needs 19.8 GB)');
  });

  it('converts the quick answers\' dollar figures with the project\'s rate, once, and names it; without a rate says why', () => {
    const eur = { project: { currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' } };
    // $0.23 x 0.92 = €0.2116; $100,000 x 0.92 = €92,000.
    expect(keyFigures(inference, eur)).toMatchObject({ unitCost: '€0.21 per 1,000 requests', rate: 'at 0.92 EUR per US dollar of 2026-11-30' });
    expect(keyFigures(optimal, eur)).toMatchObject({ cost: '€92,000 budget', rate: 'at 0.92 EUR per US dollar of 2026-11-30' });
    const none = { project: { currency: 'EUR', usdRate: null, usdRateAsOf: null } };
    const f = keyFigures(optimal, none);
    expect(f.cost).toBeUndefined();
    expect(f.notConverted).toBe("Priced in US dollars; set how many EUR one US dollar buys on the project's Budget page to see it in EUR.");
    expect(Object.values(keyFigures(inference, none)).join(' ')).not.toContain('$');
  });

  it('shows the best guess the answer showed: the middle of the likely range, not the single run at the middle values', () => {
    // The single run and the range's P50 differ by a few percent; the saved plan reads the P50 (shared/budget/best-guess.ts).
    const middle = { ...figures, wallClockHours: 1100, energyKwh: 5300, co2Kg: 2100 };
    const trained = training as Extract<Scenario, { kind: 'training' }>;
    const t = { ...trained, result: { ...trained.result, range: { ...trained.result.range, p50: middle } } } as Scenario;
    expect(keyFigures(t)).toMatchObject({ time: '45.8 days', energy: '5,300 kWh', co2: '2,100 kg' });
    const slower = { ...serving, latencyMs: { firstToken: 990, total: 8400 }, costPer1kRequestsUsd: 0.26 };
    const s = { ...inference, result: { ...inference.result, range: { p10: serving, p50: slower, p90: slower } } } as Scenario;
    expect(keyFigures(s)).toMatchObject({ latency: '8.4 seconds', unitCost: '$0.26 per 1,000 requests' });
  });

  it('marks GPUs you own and says the electricity price behind their cost; a range that does not vary is one amount', () => {
    const owned = {
      ...training,
      input: { ...training.input, owned: { electricityUsdPerKwh: 0.3 } },
      result: { ...training.result, range: { p10: { ...figures, costUsd: 16_040 }, p50: figures, p90: { ...figures, costUsd: 16_090 } }, assumptions: { electricityUsdPerKwh: { value: 0.3, unit: 'USD/kWh', source: 'user input' } } },
      money: { ...training.money, totalCents: { p10: 1_602_000, p50: 1_603_000, p90: 1_604_900 } },
    } as Scenario;
    const f = keyFigures(owned);
    expect(f).toMatchObject({ hardware: '8 x NVIDIA A100 SXM 80GB (your own)', priced: 'electricity at $0.30 per kWh', cost: '$16,000' });
    expect(f.range).toBeUndefined();
    // Typed as €0.30 in a euro project: its dollars (0.30 / 0.92) are shown in euros again.
    const typedInEuros = { ...owned, result: { ...owned.result, assumptions: { electricityUsdPerKwh: { value: 0.3 / 0.92, unit: 'USD/kWh', source: 'user input' } } } } as Scenario;
    expect(keyFigures(typedInEuros, { project: { currency: 'EUR', usdRate: 0.92, usdRateAsOf: null } }).priced).toBe('electricity at €0.30 per kWh');
  });
});
