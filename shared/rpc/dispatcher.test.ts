import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { mutation } from '../contract/define';
import { createDispatcher } from './dispatcher';

const contract = {
  'things.update': mutation(
    z.object({
      id: z.string().min(1),
      patch: z
        .object({
          usdRate: z.number().positive(),
          monthlyCapCents: z.number().int().min(0),
          startDate: z.iso.date(),
          kind: z.enum(['a', 'b']),
          label: z.string().max(3),
          fxRate: z.number().positive('The exchange rate must be greater than 0'),
        })
        .partial()
        .strict(),
    }),
    z.object({ ok: z.boolean() }),
  ),
};

const dispatch = createDispatcher(contract, { 'things.update': () => ({ ok: true }) }, {});

async function refusal(patch: unknown) {
  const r = await dispatch('things.update', { id: 'x', patch });
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('the dispatcher words schema errors for people', () => {
  it('names the field in plain words and keeps the path in the issues', async () => {
    expect(await refusal({ usdRate: -1 })).toEqual({
      code: 'INVALID_INPUT',
      message: 'Exchange rate: must be a positive number',
      issues: [{ path: 'patch.usdRate', message: 'must be a positive number' }],
    });
  });

  it("turns zod's default texts into plain words and keeps a schema's own message", async () => {
    const messages = async (patch: unknown) => (await refusal(patch)).message;
    expect(await messages({ usdRate: 'abc' })).toBe('Exchange rate: must be a number');
    expect(await messages({ monthlyCapCents: 1.5 })).toBe('Monthly cap: must be a whole number');
    expect(await messages({ monthlyCapCents: -1 })).toBe('Monthly cap: must be at least 0');
    expect(await messages({ startDate: '2026-13-01' })).toBe('Start date: must be a date like 2026-12-31');
    expect(await messages({ kind: 'c' })).toBe('Kind: must be one of "a", "b"');
    expect(await messages({ label: 'abcd' })).toBe('Label: must be at most 3 characters long');
    expect(await messages({ colour: 'red' })).toBe('Patch: unknown field "colour"');
    expect(await messages({ fxRate: 0 })).toBe('The exchange rate must be greater than 0');
    const missing = await dispatch('things.update', { patch: {} });
    expect(!missing.ok && missing.error.message).toBe('Id: is required');
  });
});
