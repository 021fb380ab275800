import { describe, expect, it } from 'vitest';
import { domainsFor } from './backend-events';

describe('which cached domains a backend event makes stale', () => {
  it('marks its own domain and the ones showing figures derived from it', () => {
    expect(domainsFor({ type: 'projects.changed', payload: { id: 'p', change: 'updated' } })).toEqual(['projects', 'budget', 'runs', 'ledger']);
  });
  it('a run changing refreshes the comparisons that price it; an evaluation changing refreshes the monitors on it', () => {
    expect(domainsFor({ type: 'runs.changed', payload: { projectId: 'p', experimentId: 'x', runIds: ['r'], allRuns: false } })).toContain('evaluations');
    expect(domainsFor({ type: 'evaluations.changed', payload: { id: 'e', projectId: 'p', change: 'updated' } })).toEqual(['evaluations', 'monitors', 'projects']);
  });
  it('marks everything when the database file was replaced', () => {
    expect(domainsFor({ type: 'database.changed', payload: { status: 'ok' } })).toBeNull();
  });
  it('ignores progress events', () => {
    expect(domainsFor({ type: 'task.progress', payload: { taskId: 't', phase: 'read', done: 1, total: 2 } })).toEqual([]);
  });
});
