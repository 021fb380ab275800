import { describe, expect, it } from 'vitest';
import { next, validateStep } from '../wizard/wizard';
import { OPTIMAL_INITIAL, optimalValuesFromInput, optimalWizard } from './optimal-wizard';

const done = (values: typeof OPTIMAL_INITIAL) => {
  const r = next(optimalWizard, { step: 1 }, values);
  if (r.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r.input;
};

describe('"What size model fits my compute budget?" wizard', () => {
  it('turns a dollar budget on rented GPUs into the estimate.optimal input', () => {
    expect(next(optimalWizard, { step: 0 }, OPTIMAL_INITIAL)).toEqual({ kind: 'step', state: { step: 1 } });
    expect(done(OPTIMAL_INITIAL)).toEqual({ budgetUsd: 100_000, hardware: 'h100-sxm', gpus: 8, fit: 'hoffmann-approach-1' });
    expect(done({ ...OPTIMAL_INITIAL, budget: '250,000 USD', pricePerGpuHour: '$2.99', gpus: '64', fit: 'besiroglu-2024' })).toEqual({ budgetUsd: 250_000, hardware: 'h100-sxm', gpus: 64, pricePerGpuHourUsd: 2.99, fit: 'besiroglu-2024' });
  });

  it('takes the budget and the price per GPU-hour in the project\'s currency and sends dollars at its rate, unrounded', () => {
    const euros = { ...OPTIMAL_INITIAL, currency: 'EUR', usdRate: '0.92' };
    // €92k / 0.92 = $100,000; €2.30 an hour / 0.92 = $2.50.
    const input = done({ ...euros, budget: '€92k', pricePerGpuHour: '2,30 €/h' });
    expect(input.budgetUsd).toBeCloseTo(100_000, 6);
    expect(input.pricePerGpuHourUsd).toBeCloseTo(2.5, 12);
    expect(done({ ...euros, budget: '1,5M €' }).budgetUsd).toBeCloseTo(1_500_000 / 0.92, 6);
    expect(done({ ...euros, budget: '92.000 EUR' }).budgetUsd).toBeCloseTo(100_000, 6);
    expect(validateStep(optimalWizard, 0, { ...euros, budget: '$100k' })).toEqual({ budget: 'Budget is written in USD, but this project counts in EUR; write it in EUR, like 100k, €100,000 or 100000 EUR' });
    expect(validateStep(optimalWizard, 1, { ...euros, pricePerGpuHour: '$2.50/h' })).toEqual({ pricePerGpuHour: 'Price per GPU-hour is written in USD, but this project counts in EUR; write it in EUR, like 2.50, €2.50 or 2.50 EUR per hour' });
    // Reopened, the saved dollars read as they were typed.
    expect(optimalValuesFromInput(input, { currency: 'EUR', usdRate: '0.92' })).toMatchObject({ budget: '92000', pricePerGpuHour: '2.30', currency: 'EUR' });
  });

  it('or an amount of computing, with nothing about hardware', () => {
    expect(done({ ...OPTIMAL_INITIAL, basis: 'flops', flops: '5.76e23' })).toEqual({ flops: 5.76e23, fit: 'hoffmann-approach-1' });
  });

  it('names the field in every message', () => {
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, budget: 'lots' })).toEqual({ budget: 'Budget must be an amount like 100k, $100,000 or 100000 USD (got "lots")' });
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, budget: '-5k' })).toEqual({ budget: 'Budget must be greater than 0' });
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, budget: '' })).toEqual({ budget: 'Budget is needed, like 100k' });
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, basis: 'flops', flops: '0' })).toEqual({ flops: 'Computing must be greater than 0' });
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, basis: 'flops', flops: 'a lot' })).toEqual({ flops: 'Enter a number, like 1e23 or 5.76e23' });
    expect(validateStep(optimalWizard, 0, { ...OPTIMAL_INITIAL, basis: 'flops', flops: '' })).toEqual({ flops: 'Computing is needed, like 1e23' });
    expect(validateStep(optimalWizard, 1, { ...OPTIMAL_INITIAL, gpus: '0' })).toEqual({ gpus: 'Number of GPUs must be at least 1' });
    expect(validateStep(optimalWizard, 1, { ...OPTIMAL_INITIAL, pricePerGpuHour: '0' })).toEqual({ pricePerGpuHour: 'Price per GPU-hour must be greater than 0' });
    // The budget's own step holds its message; a later step's problem does not block it.
    expect(next(optimalWizard, { step: 0 }, { ...OPTIMAL_INITIAL, gpus: 'x' }).kind).toBe('step');
  });

  it('reopens a saved input with the same answers', () => {
    for (const v of [OPTIMAL_INITIAL, { ...OPTIMAL_INITIAL, basis: 'flops', flops: '5.76e23', fit: 'chinchilla-20x' }, { ...OPTIMAL_INITIAL, budget: '$25k', pricePerGpuHour: '1.99', gpus: '16' }]) {
      expect(done(optimalValuesFromInput(done(v)))).toEqual(done(v));
    }
  });
});
