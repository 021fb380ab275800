import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createDatasetsUiStore } from './datasets-ui.store';

describe('the file picker folder', () => {
  it('is kept across a reload and can be forgotten', async () => {
    const data = new Map<string, string>();
    const storage: StateStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    const a = createDatasetsUiStore(() => storage);
    a.getState().setPickerDir('/home/me/data');
    const b = createDatasetsUiStore(() => storage);
    await b.persist.rehydrate();
    expect(b.getState().pickerDir).toBe('/home/me/data');
    b.getState().forgetPickerDir();
    expect(b.getState().pickerDir).toBeUndefined();
  });
});
