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
    const v = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'resnet50'), pricePerGpuHour: '1.1' };
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
    expect(trainingValuesFromInput(r.input)).toMatchObject({ use: 'own', ownedHardwareId: 'rtx-3090', electricityPrice: '0.3', purchase: 'writeOff', purchasePrice: '1800', writeOffMonths: '24', hardwareId: 'a100-80gb' });
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
    expect(next(trainingWizard, { step: 2 }, { ...own, purchasePrice: 'a lot' })).toMatchObject({ kind: 'invalid', errors: { purchasePrice: 'Enter a number, like 1800' } });
  });

  it('prices the image preset on owned devices too', () => {
    const v = { ...updateTrainingValues(TRAINING_INITIAL, 'preset', 'resnet50'), use: 'own', electricityPrice: '0.2', gpus: '1' };
    const r = next(trainingWizard, { step: 2 }, v);
    if (r.kind !== 'done') throw new Error(JSON.stringify(r));
    expect(r.input).toMatchObject({ mode: 'pilot', input: { target: { hardware: 'rtx-4090', devices: 1 }, owned: { electricityUsdPerKwh: 0.2 } } });
    expect(r.input.input).not.toHaveProperty('pricePerDeviceHourUsd');
  });
});
