import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../shared/contract/datasets';
import { customers, writeCsv } from '../fixtures/check/generate';
import { testBackend } from '../support/temp';
import { newProject, value } from './check-support';

describe('closing the backend during a check', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('stops the running analysis and stores nothing in the file', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const ds = value<Dataset>(await t.backend.dispatch('datasets.register', { projectId, path: writeCsv(t.dir, 'big.csv', customers(200_000)) }));
    const cancelled = new Promise<string>((resolve) => {
      t.backend.subscribe((e) => {
        if (e.type !== 'task.progress') return;
        if (e.payload.phase === 'reading') t.backend.close();
        if (e.payload.phase === 'cancelled' || e.payload.phase === 'done' || e.payload.phase === 'failed') resolve(e.payload.phase);
      });
    });
    value(await t.backend.dispatch('checks.start', { projectId, datasetId: ds.id }));
    expect(await cancelled).toBe('cancelled');
    const db = new Database(t.backend.context.dbPath, { readonly: true });
    expect(db.prepare('SELECT COUNT(*) AS n FROM check_runs').get()).toEqual({ n: 0 });
    db.close();
  });
});
