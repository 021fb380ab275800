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
});
