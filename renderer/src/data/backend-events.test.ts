import { describe, expect, it } from 'vitest';
import { domainsFor } from './backend-events';

describe('which cached domains a backend event makes stale', () => {
  it('marks its own domain and the ones showing figures derived from it', () => {
    expect(domainsFor({ type: 'projects.changed', payload: { id: 'p', change: 'updated' } })).toEqual(['projects', 'budget', 'runs', 'ledger', 'scenarios']);
  });
  it('a run changing refreshes the comparisons that price it; an evaluation changing refreshes the monitors on it', () => {
    expect(domainsFor({ type: 'runs.changed', payload: { projectId: 'p', experimentId: 'x', runIds: ['r'], allRuns: false } })).toContain('evaluations');
    expect(domainsFor({ type: 'evaluations.changed', payload: { id: 'e', projectId: 'p', change: 'updated' } })).toEqual(['evaluations', 'monitors', 'projects']);
  });
  it('each change the backend announces reaches the reads that show it', () => {
    expect(domainsFor({ type: 'datasets.changed', payload: { id: 'd', projectId: 'p', change: 'registered' } })).toEqual(['datasets', 'checks', 'projects']);
    // A stored check changes its dataset's verdict and profile too.
    expect(domainsFor({ type: 'checks.completed', payload: { runId: 'r', projectId: 'p', datasetId: 'd' } })).toEqual(['checks', 'datasets', 'projects']);
    expect(domainsFor({ type: 'scenarios.changed', payload: { id: 's', projectId: 'p', change: 'created' } })).toEqual(['scenarios', 'budget', 'projects']);
    // Estimates are priced from the catalog.
    expect(domainsFor({ type: 'catalog.changed', payload: { kinds: ['cloud-gpu-price'] } })).toContain('estimate');
    expect(domainsFor({ type: 'tracking.changed', payload: { enabled: true } })).toEqual(['tracking', 'system']);
    expect(domainsFor({ type: 'system.changed', payload: { change: 'backup' } })).toEqual(['system']);
  });
  it('marks everything when the database file was replaced', () => {
    expect(domainsFor({ type: 'database.changed', payload: { status: 'ok' } })).toBeNull();
  });
  it('marks everything when the event stream reconnected, since what it sent meanwhile is lost', () => {
    expect(domainsFor({ type: 'stream.gap' })).toBeNull();
  });
  it('ignores progress events', () => {
    expect(domainsFor({ type: 'task.progress', payload: { taskId: 't', phase: 'read', done: 1, total: 2 } })).toEqual([]);
  });
});
