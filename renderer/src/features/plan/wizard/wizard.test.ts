import { describe, expect, it } from 'vitest';
import { Positive } from '../../../../../shared/contract/estimate';
import { z } from 'zod';
import { back, firstStepWithError, next, plainMessage, restoreValues, validateAll, type WizardDefinition } from './wizard';

type V = { a: string; b: string };
// A two-step wizard over a contract field type, so the messages are the contract's.
const def: WizardDefinition<V, { a: number; b: number }> = {
  id: 't',
  title: 'T',
  steps: [
    { id: 's1', title: 'One', intro: '', fields: ['a'] },
    { id: 's2', title: 'Two', intro: '', fields: ['b'] },
  ],
  initial: { a: '1', b: '2' },
  build: (v) => ({ candidate: { a: Number(v.a), b: Number(v.b) }, errors: {} }),
  schema: z.object({ a: Positive('a'), b: Positive('b') }).refine((x) => x.a < x.b, { message: 'a must be below b' }),
  fieldOf: (path) => (path === 'a' || path === 'b' ? path : undefined),
  labels: { a: 'First number' },
};

describe('wizard machinery', () => {
  it('swaps the API field name for the form label and keeps the rule', () => {
    expect(plainMessage('requestsPerDay must be greater than 0', ['workload', 'requestsPerDay'], 'Requests per day')).toBe('Requests per day must be greater than 0');
    expect(plainMessage('model.params must be greater than 0', ['workload', 'model', 'params'], 'Model size')).toBe('Model size must be greater than 0');
    expect(plainMessage('Expected P10 <= P50', ['mfu'], 'MFU')).toBe('Expected P10 <= P50');
  });

  it('stops on the step with the problem and labels it', () => {
    expect(next(def, { step: 0 }, { a: '-1', b: '2' })).toEqual({ kind: 'invalid', state: { step: 0 }, errors: { a: 'First number must be greater than 0' } });
    expect(next(def, { step: 1 }, { a: '-1', b: '2' })).toEqual({ kind: 'invalid', state: { step: 0 }, errors: { a: 'First number must be greater than 0' } });
    expect(next(def, { step: 1 }, def.initial)).toEqual({ kind: 'done', state: { step: 2 }, input: { a: 1, b: 2 } });
    expect(back({ step: 0 })).toEqual({ step: 0 });
  });

  it('a schema problem no field explains still shows, on the last field', () => {
    expect(validateAll(def, { a: '3', b: '2' })).toEqual({ ok: false, errors: { b: 'a must be below b' } });
    expect(firstStepWithError(def, { b: 'x' })).toBe(1);
  });

  it('restores saved answers, ignoring unknown or non-text values', () => {
    expect(restoreValues(def.initial, { a: '5', b: 7, c: 'x' })).toEqual({ a: '5', b: '2' });
    expect(restoreValues(def.initial, null)).toEqual(def.initial);
  });
});
