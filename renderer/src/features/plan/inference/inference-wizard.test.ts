import { describe, expect, it } from 'vitest';
import { next, validateStep } from '../wizard/wizard';
import { INFERENCE_INITIAL, inferenceValuesFromInput, inferenceWizard, updateInferenceValues } from './inference-wizard';

const done = (values: typeof INFERENCE_INITIAL) => {
  const r = next(inferenceWizard, { step: 2 }, values);
  if (r.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r.input;
};

describe('"How fast, and how much per request?" wizard', () => {
  it('walks three steps and yields the estimate.inference input with the model’s shape', () => {
    expect(next(inferenceWizard, { step: 0 }, INFERENCE_INITIAL)).toEqual({ kind: 'step', state: { step: 1 } });
    expect(next(inferenceWizard, { step: 1 }, INFERENCE_INITIAL)).toEqual({ kind: 'step', state: { step: 2 } });
    expect(done(INFERENCE_INITIAL)).toEqual({ params: 8.03e9, hardware: 'l4', precision: 'fp16', serving: 'optimized', promptTokens: 512, outputTokens: 256, batch: 1, layers: 32, kvHeads: 8, headDim: 128 });
  });

  it('takes a typed size, the owner’s own price and a batch', () => {
    const v = updateInferenceValues(INFERENCE_INITIAL, 'params', '13B');
    expect(v.model).toBe('custom');
    expect(done({ ...v, precision: 'int4', hardwareId: 'rtx-4090', pricePerHour: '$0.69', batch: '8', serving: 'plain', promptTokens: '2k', outputTokens: '500' })).toEqual({
      params: 13e9,
      hardware: 'rtx-4090',
      precision: 'int4',
      serving: 'plain',
      promptTokens: 2000,
      outputTokens: 500,
      batch: 8,
      pricePerHourUsd: 0.69,
    });
  });

  it('names the field in every message', () => {
    expect(validateStep(inferenceWizard, 1, { ...INFERENCE_INITIAL, pricePerHour: 'cheap' })).toEqual({ pricePerHour: 'Price per hour must be an amount like 2.50, $2.50 or 2.50 USD per hour (got "cheap")' });
    expect(validateStep(inferenceWizard, 1, { ...INFERENCE_INITIAL, pricePerHour: '0' })).toEqual({ pricePerHour: 'Price per hour must be greater than 0' });
    expect(validateStep(inferenceWizard, 2, { ...INFERENCE_INITIAL, batch: '2.5' })).toEqual({ batch: 'Requests answered together must be a whole number' });
    expect(validateStep(inferenceWizard, 2, { ...INFERENCE_INITIAL, outputTokens: '0' })).toEqual({ outputTokens: 'Answer length must be at least 1' });
    expect(validateStep(inferenceWizard, 2, { ...INFERENCE_INITIAL, promptTokens: '' })).toEqual({ promptTokens: 'Question length is needed' });
    // A later blank does not block an earlier step; the last step sends you back to it.
    expect(next(inferenceWizard, { step: 0 }, { ...INFERENCE_INITIAL, batch: '' }).kind).toBe('step');
    expect(next(inferenceWizard, { step: 2 }, { ...INFERENCE_INITIAL, pricePerHour: '-1' })).toEqual({ kind: 'invalid', state: { step: 1 }, errors: { pricePerHour: 'Price per hour must be greater than 0' } });
  });

  it('takes the price per hour in the project\'s currency and sends its dollars at the project\'s rate', () => {
    const eur = { ...INFERENCE_INITIAL, currency: 'EUR', usdRate: '0.92', pricePerHour: '€0.69/h' };
    // 0.69 / 0.92 = 0.75 dollars an hour.
    expect(done(eur).pricePerHourUsd).toBeCloseTo(0.75, 12);
    expect(inferenceValuesFromInput(done(eur), { currency: 'EUR', usdRate: '0.92' })).toEqual({ ...eur, pricePerHour: '0.69' });
    expect(validateStep(inferenceWizard, 1, { ...eur, pricePerHour: '$0.75' })).toEqual({ pricePerHour: 'Price per hour is written in USD, but this project counts in EUR; write it in EUR, like 2.50, €2.50 or 2.50 EUR per hour' });
  });

  it('reopens a saved input with the same answers', () => {
    for (const v of [INFERENCE_INITIAL, { ...INFERENCE_INITIAL, model: 'custom', params: '13B', pricePerHour: '0.69', batch: '8' }]) {
      expect(done(inferenceValuesFromInput(done(v)))).toEqual(done(v));
    }
  });
});
