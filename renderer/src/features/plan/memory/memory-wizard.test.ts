import { describe, expect, it } from 'vitest';
import { next, validateStep } from '../wizard/wizard';
import { MEMORY_INITIAL, memoryValuesFromInput, memoryWizard, updateMemoryValues } from './memory-wizard';

const done = (values: typeof MEMORY_INITIAL) => {
  const r = next(memoryWizard, { step: 1 }, values);
  if (r.kind !== 'done') throw new Error(`expected done, got ${JSON.stringify(r)}`);
  return r.input;
};

describe('"Will this model fit?" wizard', () => {
  it('turns the default answers into an inference memory input with the model’s shape', () => {
    expect(next(memoryWizard, { step: 0 }, MEMORY_INITIAL)).toEqual({ kind: 'step', state: { step: 1 } });
    expect(done(MEMORY_INITIAL)).toEqual({ params: 8.03e9, mode: 'inference', precision: 'fp16', context: 4000, layers: 32, kvHeads: 8, headDim: 128 });
  });

  it('asks for training with Adam in 16-bit, sharded, FlashAttention, and LoRA or QLoRA adapters', () => {
    const train = done({ ...MEMORY_INITIAL, model: 'llama-70b', use: 'train', context: '2048' });
    expect(train).toEqual({ params: 70.6e9, mode: 'training', precision: 'bf16', zero: 3, layers: 80, hidden: 8192, heads: 64, seq: 2048, microBatch: 1, attention: 'flash' });
    expect(done({ ...MEMORY_INITIAL, use: 'qlora' })).toMatchObject({ mode: 'training', recompute: 'full', lora: { rank: 16, qlora: true } });
    expect(done({ ...MEMORY_INITIAL, use: 'lora' })).toMatchObject({ mode: 'training', recompute: 'full', lora: { rank: 16 } });
  });

  it('a typed size switches to "another size" and has no shape', () => {
    const v = updateMemoryValues(MEMORY_INITIAL, 'params', '13B');
    expect(v.model).toBe('custom');
    expect(done({ ...v, precision: 'int4' })).toEqual({ params: 13e9, mode: 'inference', precision: 'int4', context: 4000 });
    expect(updateMemoryValues(v, 'model', 'llama-3b').params).toBe('3.21B');
  });

  it('names the field in every message', () => {
    expect(validateStep(memoryWizard, 0, { ...MEMORY_INITIAL, model: 'custom', params: 'big' })).toEqual({ params: 'Enter a number, like 7B or 7000000000' });
    expect(validateStep(memoryWizard, 0, { ...MEMORY_INITIAL, model: 'custom', params: '-7B' })).toEqual({ params: 'Model size must be greater than 0' });
    expect(validateStep(memoryWizard, 0, { ...MEMORY_INITIAL, model: 'custom', params: '' })).toEqual({ params: 'Model size is needed: type the number of parameters, like 7B' });
    expect(validateStep(memoryWizard, 1, { ...MEMORY_INITIAL, context: '1000.5' })).toEqual({ context: 'Text kept in view must be a whole number' });
    expect(validateStep(memoryWizard, 1, { ...MEMORY_INITIAL, use: 'train', context: '0' })).toEqual({ context: 'Text kept in view must be at least 1' });
    expect(validateStep(memoryWizard, 1, { ...MEMORY_INITIAL, context: 'long' })).toEqual({ context: 'Enter a number, like 4k or 4096' });
    expect(validateStep(memoryWizard, 1, { ...MEMORY_INITIAL, model: 'custom', params: '7B', use: 'lora' })).toEqual({ use: 'Fine-tuning needs the model’s shape: pick one of the listed sizes, or “Train every weight”' });
  });

  it('reopens a saved input with the same answers', () => {
    for (const v of [MEMORY_INITIAL, { ...MEMORY_INITIAL, model: 'llama-1b', params: '1.24B', use: 'qlora', context: '2048' }, { ...MEMORY_INITIAL, model: 'custom', params: '13B', precision: 'int8' }]) {
      const back = memoryValuesFromInput(done(v));
      expect(done(back)).toEqual(done(v));
      expect(back.model).toBe(v.model);
    }
    // A plan saved with the device asked about reopens on it.
    expect(memoryValuesFromInput({ ...done(MEMORY_INITIAL), hardware: 'rtx-3090' }).device).toBe('rtx-3090');
    expect(memoryValuesFromInput(done(MEMORY_INITIAL)).device).toBe('');
  });
});
