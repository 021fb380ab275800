import { describe, expect, it } from 'vitest';
import { optimalForDollarBudget, optimalForFlops } from '../../../../../shared/budget/compute-optimal';
import { DEFAULT_HARDWARE } from '../../../../../shared/catalog';
import type { Output } from '../../../../../shared/contract';
import { planCurrency } from '../parts/plan-currency';
import { budgetLine, dataMeaning, gpuHoursText, gpuTimeMeaning, optimalHeadline, scientific } from './optimal-answer';

const h100 = DEFAULT_HARDWARE.find((h) => h.id === 'h100-sxm')!;
// Chinchilla's own budget (Hoffmann et al. 2022, Table 3): 5.76e23 FLOPs -> about 67B params and 1.4T tokens.
const chinchilla: Output<'estimate.optimal'> = { ...optimalForFlops(5.76e23), assumptions: {} };
// A dollar budget as the backend answers it: the estimator's figures plus the dated catalog price.
const { mfuSource: _m, goodputSource: _g, ...dollar } = optimalForDollarBudget({ budgetUsd: 100_000, hardware: h100, pricePerGpuHourUsd: 6.79, gpus: 8 });
const budget: Output<'estimate.optimal'> = { ...dollar, assumptions: { pricePerGpuHourUsd: { value: 6.79, unit: 'USD/GPU-h', source: 'catalog', asOf: '2025-02-28' } } };

describe('compute-optimal answer readings', () => {
  it('says the size and data in words, as Chinchilla’s table has them', () => {
    expect(optimalHeadline(chinchilla)).toBe('A model of about 68 billion parameters, trained on about 1.4 trillion tokens');
    expect(dataMeaning(chinchilla)).toBe('About 1.1 trillion words of text.');
    expect(budgetLine(chinchilla, { flops: 5.76e23 }, null)).toBe('The best use of 5.8 × 10²³ operations of computing, by Chinchilla’s rule (Hoffmann et al. 2022): about 21 tokens of data for every parameter.');
    expect(gpuTimeMeaning(chinchilla, 8, '2026-12-05')).toBeNull();
  });

  it('turns a dollar budget into GPU time on the GPUs asked for, with the price’s date', () => {
    // $100,000 at $6.79 an hour buys 14,728 GPU-hours: 77 days on 8 GPUs.
    expect(budget.gpuHours).toBeCloseTo(100_000 / 6.79, 6);
    expect(gpuHoursText(budget)).toBe('15,000 GPU-hours');
    expect(gpuTimeMeaning(budget, 8, '2026-12-05')).toBe('About 11 weeks on 8 GPUs at $6.79 per GPU-hour, at catalog prices from 2025-02-28 (21 months old; check the current price).');
    expect(budgetLine(budget, { budgetUsd: 100_000, hardware: 'h100-sxm', gpus: 8 }, h100.name)).toMatch(/^The best use of \$100,000 on 8 x NVIDIA H100 SXM5 80GB, by Chinchilla’s rule \(Hoffmann et al\. 2022\): about 21 tokens of data for every parameter\.$/);
  });

  it('says the budget and the price per GPU-hour in the project\'s currency, the budget as typed', () => {
    const eur = planCurrency({ name: 'Shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: null, monthlyCapCents: null });
    // €92,000 typed is $100,000 sent; back at the same rate it is €92,000 again. $6.79 x 0.92 = €6.25.
    expect(budgetLine(budget, { budgetUsd: 92_000 / 0.92, hardware: 'h100-sxm', gpus: 8 }, h100.name, eur)).toMatch(/^The best use of €92,000 on 8 x NVIDIA H100 SXM5 80GB, by /);
    expect(gpuTimeMeaning(budget, 8, '2026-12-05', eur)).toBe('About 11 weeks on 8 GPUs at €6.25 per GPU-hour, at catalog prices from 2025-02-28 (21 months old; check the current price).');
  });

  it('writes an amount of computing as papers do', () => {
    expect(scientific(2.036e22)).toBe('2 × 10²²');
    expect(scientific(5.76e23)).toBe('5.8 × 10²³');
    expect(scientific(1e9)).toBe('1 × 10⁹');
  });
});
