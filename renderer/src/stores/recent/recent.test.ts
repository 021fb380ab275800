import { describe, expect, it } from 'vitest';
import type { StateStorage } from 'zustand/middleware';
import { createRecentStore, defaultProjectId, projectOfRoute } from './recent.store';

describe('recently used', () => {
  const projects = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

  it('starts on the current project, else the last used, else the first', () => {
    expect(defaultProjectId(projects, 'c', 'b')).toBe('c');
    expect(defaultProjectId(projects, null, 'b')).toBe('b');
    expect(defaultProjectId(projects, 'gone', 'b')).toBe('b');
    expect(defaultProjectId(projects, undefined, 'archived')).toBe('a');
    expect(defaultProjectId([], 'a', 'b')).toBe('');
  });

  it('takes the project a page is about as the one used last', () => {
    expect(projectOfRoute({ page: 'project', id: 'p1' })).toBe('p1');
    expect(projectOfRoute({ page: 'data', projectId: 'p2' })).toBe('p2');
    expect(projectOfRoute({ page: 'runs', projectId: 'p3' })).toBe('p3');
    expect(projectOfRoute({ page: 'plan' })).toBeNull();
    expect(projectOfRoute({ page: 'data' })).toBeNull();
  });

  it('remembers the project across a reload', async () => {
    const data = new Map<string, string>();
    const storage: StateStorage = { getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
    const a = createRecentStore(() => storage);
    a.getState().rememberProject('b');
    const b = createRecentStore(() => storage);
    await b.persist.rehydrate();
    expect(b.getState().projectId).toBe('b');
  });
});
