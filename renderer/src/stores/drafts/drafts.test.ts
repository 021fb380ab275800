import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { DRAFT_MAX_AGE_MS, DRAFTS_VERSION, resumable, sameShape } from './drafts';
import { createDraftsStore, DRAFTS_STORAGE_KEY } from './drafts.store';

const initial = { step: 'files', files: [] as Array<{ datasetId: string }>, target: '', usePopulation: false, options: { bins: 10 } };
const now = new Date('2026-12-05T10:00:00Z');

function memoryStorage(): StateStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('wizard drafts', () => {
  it('accepts a draft of the same shape and refuses one that is not', () => {
    const ok = { step: 'roles', files: [{ datasetId: 'd1' }], target: 'label', usePopulation: true, options: { bins: 20 } };
    expect(sameShape(initial, ok)).toBe(true);
    expect(sameShape(initial, { ...ok, extra: 1 })).toBe(false);
    expect(sameShape(initial, { ...ok, target: 3 })).toBe(false);
    expect(sameShape(initial, { ...ok, files: 'd1' })).toBe(false);
    expect(sameShape(initial, { ...ok, options: { bins: '20' } })).toBe(false);
    const { usePopulation: _u, ...missing } = ok;
    expect(sameShape(initial, missing)).toBe(false);
    expect(sameShape(initial, null)).toBe(false);
    expect(sameShape({ guesses: null }, { guesses: { columns: ['a'] } })).toBe(true);
    expect(sameShape({ guesses: null }, { guesses: 'a' })).toBe(false);
  });

  it('resumes a fresh draft, not an old one or one the wizard refuses', () => {
    const value = { ...initial, step: 'review' };
    const fresh = { value, savedAt: new Date(now.getTime() - 60_000).toISOString() };
    expect(resumable(initial, fresh, now)).toEqual(value);
    expect(resumable(initial, { value, savedAt: new Date(now.getTime() - DRAFT_MAX_AGE_MS - 1).toISOString() }, now)).toBeUndefined();
    expect(resumable(initial, { value, savedAt: 'yesterday' }, now)).toBeUndefined();
    expect(resumable(initial, fresh, now, (v) => v.step !== 'review')).toBeUndefined();
    expect(resumable(initial, undefined, now)).toBeUndefined();
  });

  it('keeps drafts in storage by key, reads them back in a new store, and forgets a dropped one', async () => {
    const storage = memoryStorage();
    const a = createDraftsStore(() => storage);
    a.getState().put('check:p1', { ...initial, target: 'churned' }, now);
    a.getState().put('plan.cloud', { requestsPerDay: '500' }, now);
    a.getState().drop('plan.cloud');
    const written = JSON.parse(storage.data.get(DRAFTS_STORAGE_KEY)!) as { version: number; state: { drafts: Record<string, unknown> } };
    expect(written.version).toBe(DRAFTS_VERSION);
    expect(Object.keys(written.state.drafts)).toEqual(['check:p1']);

    // A new window (a reload) reads the same storage.
    const b = createDraftsStore(() => storage);
    await b.persist.rehydrate();
    expect(b.getState().drafts['check:p1']).toEqual({ value: { ...initial, target: 'churned' }, savedAt: now.toISOString() });
  });

  it('drops drafts written under another version', async () => {
    const storage = memoryStorage();
    storage.data.set(DRAFTS_STORAGE_KEY, JSON.stringify({ version: DRAFTS_VERSION - 1, state: { drafts: { 'plan.cloud': { value: {}, savedAt: now.toISOString() } } } }));
    const s = createDraftsStore(() => storage);
    await s.persist.rehydrate();
    expect(s.getState().drafts).toEqual({});
  });
});
