import { describe, expect, it } from 'vitest';
import { next } from '../wizard/wizard';
import { TRAINING_INITIAL, trainingValuesFromInput, trainingWizard, updateTrainingValues } from './training-wizard';

describe('training-cost wizard', () => {
  it('turns a 7B preset into the estimate.training input', () => {
    const r = next(trainingWizard, { step: 2 }, TRAINING_INITIAL);
    expect(r.kind).toBe('done');
    if (r.kind !== 'done') return;
    expect(r.input).toEqual({ mode: 'llm', input: { hardware: 'a100-80gb', params: 7e9, tokens: 140e9, gpus: 8 } });
  });

  it('turns the ResNet-50 preset into a pilot extrapolation of 90 epochs over 1M images', () => {
    const v = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'resnet50'), pricePerGpuHour: '1.10' };
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    expect(r.input).toEqual({
      mode: 'pilot',
      input: { pilot: { items: 10000, seconds: 40, hardware: 't4' }, fullItems: 90e6, target: { hardware: 'a100-80gb', devices: 8 }, bound: 'compute', pricePerDeviceHourUsd: 1.1 },
    });
    expect(trainingValuesFromInput(r.input)).toEqual(v);
  });

  it('prices one provider when asked, and refuses a provider together with a typed price', () => {
    const v = { ...TRAINING_INITIAL, hardwareId: 'h100-sxm', provider: 'Lambda' };
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    expect(r.input).toEqual({ mode: 'llm', input: { hardware: 'h100-sxm', params: 7e9, tokens: 140e9, gpus: 8, provider: 'Lambda' } });
    expect(trainingValuesFromInput(r.input)).toEqual(v);
    const both = next(trainingWizard, { step: 2 }, { ...v, pricePerGpuHour: '2.5' });
    expect(both).toMatchObject({ kind: 'invalid', errors: { provider: 'Leave the provider empty when you type your own price' } });
  });

  it('uses the contract messages: a whole number of GPUs, a positive size', () => {
    const r = next(trainingWizard, { step: 2 }, { ...TRAINING_INITIAL, gpus: '2.5' });
    expect(r).toMatchObject({ kind: 'invalid', state: { step: 2 }, errors: { gpus: 'Number of GPUs must be a whole number' } });
    const r2 = next(trainingWizard, { step: 0 }, { ...TRAINING_INITIAL, params: '-7B' });
    expect(r2).toMatchObject({ kind: 'invalid', state: { step: 0 }, errors: { params: 'Model size must be greater than 0' } });
    const r3 = next(trainingWizard, { step: 1 }, { ...TRAINING_INITIAL, tokens: 'lots' });
    expect(r3).toMatchObject({ kind: 'invalid', errors: { tokens: 'Enter a number, like 140B or 1.4T' } });
  });

  it('typing your own size leaves the preset; reopening restores the same answers', () => {
    const v = updateTrainingValues(TRAINING_INITIAL, 'tokens', '1T');
    expect(v.preset).toBe('custom');
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error('expected done');
    expect(trainingValuesFromInput(r.input)).toEqual(v);
    expect(trainingValuesFromInput({ mode: 'llm', input: { hardware: 'h100-sxm', params: 7e9, tokens: 140e9, gpus: 64 } })).toMatchObject({ preset: 'llm-7b', gpus: '64', hardwareId: 'h100-sxm' });
  });

  it('on GPUs you own sends electricity and the write-off instead of a rental price, and reopens the same', () => {
    const v = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'llm-1b'), gpus: '3', use: 'own', ownedHardwareId: 'rtx-3090', electricityPrice: '0.30', purchase: 'writeOff', purchasePrice: '1,800', writeOffMonths: '24', pricePerGpuHour: '9', provider: 'Lambda' };
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    // The rented answers stay in the form but are not sent: owned GPUs have no rental price.
    expect(r.input).toEqual({ mode: 'llm', input: { hardware: 'rtx-3090', params: 1e9, tokens: 20e9, gpus: 3, owned: { electricityUsdPerKwh: 0.3, purchaseUsd: 1800, writeOffMonths: 24 } } });
    expect(trainingValuesFromInput(r.input)).toMatchObject({ use: 'own', ownedHardwareId: 'rtx-3090', electricityPrice: '0.30', purchase: 'writeOff', purchasePrice: '1800', writeOffMonths: '24', hardwareId: 'a100-80gb' });
  });

  it('"already paid" and an empty tariff send only that the GPUs are owned; a price of 0 is valid', () => {
    const own = { ...TRAINING_INITIAL, use: 'own' };
    const paid = next(trainingWizard, { step: 2 }, own);
    if (paid.kind !== 'done') throw new Error(JSON.stringify(paid));
    expect(paid.input).toEqual({ mode: 'llm', input: { hardware: 'rtx-4090', params: 7e9, tokens: 140e9, gpus: 8, owned: {} } });
    const free = next(trainingWizard, { step: 2 }, { ...own, electricityPrice: '0', purchase: 'writeOff', purchasePrice: '0' });
    expect(free).toMatchObject({ kind: 'done', input: { input: { owned: { electricityUsdPerKwh: 0, purchaseUsd: 0, writeOffMonths: 36 } } } });
    expect(trainingValuesFromInput({ mode: 'llm', input: { hardware: 'rtx-4090', params: 7e9, tokens: 140e9, gpus: 8, owned: {} } })).toMatchObject({ use: 'own', purchase: 'paid', electricityPrice: '' });
  });

  it('names owned-hardware problems in the form’s words, never the contract field', () => {
    const own = { ...TRAINING_INITIAL, use: 'own', purchase: 'writeOff' };
    expect(next(trainingWizard, { step: 2 }, { ...own, electricityPrice: '-1', purchasePrice: '900' })).toMatchObject({ kind: 'invalid', errors: { electricityPrice: 'The electricity price must not be negative' } });
    expect(next(trainingWizard, { step: 2 }, { ...own, purchasePrice: '' })).toMatchObject({ kind: 'invalid', errors: { purchasePrice: 'What did one GPU cost you? Or choose “Already paid”' } });
    expect(next(trainingWizard, { step: 2 }, { ...own, purchasePrice: '900', writeOffMonths: '0' })).toMatchObject({ kind: 'invalid', errors: { writeOffMonths: 'The write-off period must be greater than 0' } });
    expect(next(trainingWizard, { step: 2 }, { ...own, purchasePrice: 'a lot' })).toMatchObject({ kind: 'invalid', errors: { purchasePrice: 'The purchase price must be an amount like 300, $300 or 300 USD (got "a lot")' } });
  });

  it('takes the prices in the project\'s currency, sends their dollars at its rate, and reopens them as typed', () => {
    const eur = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'llm-1b'), currency: 'EUR', usdRate: '0.92', gpus: '3', use: 'own', electricityPrice: '€0.30/kWh', purchase: 'writeOff', purchasePrice: '€1,200' };
    const r = next(trainingWizard, { step: 2 }, eur);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    const owned = r.input.mode === 'llm' ? r.input.input.owned : undefined;
    // 0.30 / 0.92 and 1200 / 0.92 dollars, unrounded.
    expect(owned?.electricityUsdPerKwh).toBeCloseTo(0.32608695652173914, 12);
    expect(owned?.purchaseUsd).toBeCloseTo(1304.3478260869565, 9);
    expect(trainingValuesFromInput(r.input, { currency: 'EUR', usdRate: '0.92' })).toMatchObject({ currency: 'EUR', usdRate: '0.92', electricityPrice: '0.30', purchasePrice: '1200' });
    // A rented GPU's own price, per GPU-hour in euros: 2.30 / 0.92 = 2.50 dollars.
    const rent = next(trainingWizard, { step: 2 }, { ...TRAINING_INITIAL, currency: 'EUR', usdRate: '0.92', pricePerGpuHour: '2,30 €/h' });
    expect(rent).toMatchObject({ kind: 'done', input: { input: { pricePerGpuHourUsd: expect.closeTo(2.5, 12) } } });
    expect(next(trainingWizard, { step: 2 }, { ...eur, purchasePrice: '$1,200' })).toMatchObject({ errors: { purchasePrice: 'The purchase price is written in USD, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR' } });
    expect(next(trainingWizard, { step: 2 }, { ...TRAINING_INITIAL, currency: 'EUR', usdRate: '0.92', pricePerGpuHour: 'cheap' })).toMatchObject({
      errors: { pricePerGpuHour: 'The price per GPU-hour must be an amount like 2.50, €2.50 or 2.50 EUR per hour (got "cheap")' },
    });
  });

  it('prices the image preset on owned devices too', () => {
    const v = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'resnet50'), use: 'own', electricityPrice: '0.2', gpus: '1' };
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    expect(r.input).toMatchObject({ mode: 'pilot', input: { target: { hardware: 'rtx-4090', devices: 1 }, owned: { electricityUsdPerKwh: 0.2 } } });
    expect(r.input.input).not.toHaveProperty('pricePerDeviceHourUsd');
  });
});
