import { describe, expect, it } from 'vitest';
import type { MemoryEstimate, OptimalEstimate } from '../../../../../shared/contract/estimate';
import { planCurrency } from '../parts/plan-currency';
import { alternativesToShow, carKmEquivalent, cheaperAlternatives, co2Comparison, computeOptimalNote, humanDuration, likelyRange, memoryFit, otherFindings, ownedCostText, priceAgeText, roundNice, usd } from './training-result';

const optimal = (params: number): OptimalEstimate => ({ params, tokens: params * 20, flops: 6 * params * params * 20, fit: 'hoffmann-approach-1', tokensPerParam: 20, source: 'Hoffmann et al. 2022, Approach 1', assumptions: {} });

describe('training result readings', () => {
  it('compares CO2 with driving, at the EPA figure of 400 g per mile', () => {
    // 1 tonne / 0.2485 kg/km = 4023 km
    expect(carKmEquivalent(1000)).toBeCloseTo(4023.36, 1);
    expect(co2Comparison(1000)).toBe('about as much as driving a typical car 4,000 km');
    expect(co2Comparison(0.1)).toBe('less than driving a car for one kilometre');
  });

  it('says durations the way people do', () => {
    expect(humanDuration(0.5)).toBe('30 minutes');
    expect(humanDuration(16.4)).toBe('16 hours');
    expect(humanDuration(24 * 3.46)).toBe('3.5 days');
    expect(humanDuration(24 * 7 * 11)).toBe('11 weeks');
    expect(humanDuration(24 * 365)).toBe('12 months');
    expect(roundNice(12345)).toBe(12000);
    expect(humanDuration(24 * 30.44 * 9.2)).toBe('9.2 months');
  });

  it('notes plans far from compute-optimal, and stays quiet near it', () => {
    expect(computeOptimalNote(140e9, optimal(7e9))).toBeNull();
    expect(computeOptimalNote(2e12, optimal(7e9))).toMatch(/^You train on 14x the compute-optimal amount/);
    expect(computeOptimalNote(14e9, optimal(7e9))).toMatch(/only 10% of the compute-optimal/);
  });

  it('tells whether the training state fits the chosen GPU', () => {
    const mem = { totalGb: 14, breakdown: { weightsGb: 1.75, gradientsGb: 1.75, optimizerGb: 10.5, activationsGb: 0, kvCacheGb: 0, overheadGb: 0 }, fits: [{ hardware: 'a100-80gb', name: 'A100', count: 1, memoryGb: 80 }], assumptions: {}, notes: [] } satisfies MemoryEstimate;
    expect(memoryFit(mem, 'a100-80gb', 'A100', 8, 80)).toEqual({ fits: true, text: 'Each GPU needs about 14 GB for the model, its gradients and optimizer state when the 8 GPUs share it; the A100 has 80 GB, so it fits, with 66 GB left for activations (these depend on batch size).' });
    expect(memoryFit({ ...mem, totalGb: 112, fits: [{ hardware: 't4', name: 'T4', count: 8, memoryGb: 16 }] }, 't4', 'T4', 1, 16)).toEqual({ fits: false, text: 'Each GPU needs about 110 GB for the model, its gradients and optimizer state when one GPU holds it; the T4 has 16 GB, so it does not fit. It would fit on 8 of them.' });
  });

  it('lists at most three clearly cheaper devices, cheapest first', () => {
    const alt = (id: string, p50: number) => ({ hardwareId: id, name: id, costUsd: { p10: p50, p50, p90: p50 }, wallClockHours: 1 });
    expect(cheaperAlternatives(100, [alt('a', 99), alt('b', 50), alt('c', 80), alt('d', 20), alt('e', 70)]).map((a) => a.hardwareId)).toEqual(['d', 'b', 'e']);
  });

  it('says how old the price behind a cost is, and nothing for a typed-in price', () => {
    const dated = { value: 6.79, unit: 'USD/GPU-h', source: 'catalog', asOf: '2025-02-28' };
    expect(priceAgeText(dated, '2026-11-30')).toBe('at catalog prices from 2025-02-28 (21 months old; check the current price)');
    expect(priceAgeText(dated, '2025-03-10')).toBe('at catalog prices from 2025-02-28 (10 days old)');
    expect(priceAgeText({ value: 2, source: 'user input' }, '2026-11-30')).toBeNull();
    expect(priceAgeText(undefined, '2026-11-30')).toBeNull();
  });

  it('shows the estimate\'s warnings and notes, without repeating the memory banner', () => {
    const w = ['Does not fit in memory: weights, gradients and Adam states take about 112 GB', 'PUE of 2.5 ratio is unusually high'];
    const n = ['Weights, gradients and Adam states take about 112 GB; they fit only sharded', 'NVIDIA T4 has no BF16: costed as FP16'];
    expect(otherFindings(w, n, true)).toEqual({ warnings: ['PUE of 2.5 ratio is unusually high'], notes: ['NVIDIA T4 has no BF16: costed as FP16'] });
    expect(otherFindings(w, n, false)).toEqual({ warnings: w, notes: n });
  });

  it('for GPUs you own, sets renting the same model and the three cheapest other rentals beside them, even dearer ones', () => {
    const alt = (id: string, p50: number) => ({ hardwareId: id, name: id, costUsd: { p10: p50, p50, p90: p50 }, wallClockHours: 1 });
    const rentals = [alt('a', 400), alt('b', 150), alt('c', 900), alt('d', 300), alt('mine', 1200)];
    expect(alternativesToShow(true, 40, rentals, 'mine').map((a) => a.hardwareId)).toEqual(['mine', 'b', 'd', 'a']);
    expect(alternativesToShow(true, 40, rentals, 'not-rented').map((a) => a.hardwareId)).toEqual(['b', 'd', 'a']);
    expect(alternativesToShow(false, 40, rentals, 'mine')).toEqual([]);
  });

  it('writes money in the one format, and a range only when it varies', () => {
    expect(usd(12_345)).toBe('$12,000');
    expect(usd(17.5)).toBe('$18');
    expect(usd(7.5)).toBe('$7.50');
    expect(usd(17)).toBe('$17');
    expect(likelyRange(12, 17)).toBe('$12 to $17');
    expect(likelyRange(17, 17)).toBeNull();
    expect(likelyRange(12_100, 12_400)).toBeNull();
  });

  it('says what a run on owned GPUs costs: electricity, and the purchase share or "already paid"', () => {
    const a = { electricityUsdPerKwh: { value: 0.3 }, writeOffMonths: { value: 36 } };
    expect(ownedCostText({ electricityUsd: 36.2, writeOffUsd: 151 }, a)).toBe('Electricity $36 at $0.30 per kWh, plus $151: this run’s share of what the GPUs cost, their price spread over 36 months.');
    expect(ownedCostText({ electricityUsd: 36, writeOffUsd: 0 }, { electricityUsdPerKwh: { value: 0.3 } })).toBe('Electricity $36 at $0.30 per kWh; the GPUs are already paid for, so nothing else is counted.');
    expect(ownedCostText({ electricityUsd: 5, writeOffUsd: 2 }, { writeOffMonths: { value: 1 } })).toBe('Electricity $5, plus $2: this run’s share of what the GPUs cost, their price spread over 1 month.');
  });

  it('says it in the project\'s currency: a tariff typed as €0.30 comes back as €0.30, each amount converted once', () => {
    const eur = planCurrency({ name: 'Shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: null, monthlyCapCents: null });
    const a = { electricityUsdPerKwh: { value: 0.3 / 0.92 }, writeOffMonths: { value: 36 } };
    // $36.20 x 0.92 = €33.30 -> "€33"; $151 x 0.92 = €138.92 -> "€139".
    expect(ownedCostText({ electricityUsd: 36.2, writeOffUsd: 151 }, a, eur)).toBe('Electricity €33 at €0.30 per kWh, plus €139: this run’s share of what the GPUs cost, their price spread over 36 months.');
  });
});
