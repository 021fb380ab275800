import Database from 'better-sqlite3';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract/events';
import { dispatchErr, dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';
import { newProject, runCheck } from './check-support';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'e2e-check');

/** Events other windows refresh from; progress is a task's own business. */
function changes(events: AppEvent[]) {
  return events.filter((e) => e.type !== 'task.progress' && e.type !== 'runs.changed').map((e) => ({ type: e.type, payload: e.payload }));
}

describe('every change a window shows is announced to the other windows', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('datasets: registered, given a role, re-linked and removed; a stored check run completes', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const train = join(t.dir, 'train.csv');
    copyFileSync(join(FIXTURES, 'train.csv'), train);
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));

    const d = await dispatchOk(t.backend, 'datasets.register', { projectId, path: train });
    // Registering the same path again changes nothing and says nothing; a new role is a change.
    await dispatchOk(t.backend, 'datasets.register', { projectId, path: train });
    await dispatchOk(t.backend, 'datasets.register', { projectId, path: train, role: 'training' });
    const moved = join(t.dir, 'moved.csv');
    copyFileSync(train, moved);
    await dispatchOk(t.backend, 'datasets.relink', { id: d.id, path: moved });
    const task = await runCheck(t.backend, { projectId, datasetId: d.id });
    expect(task.state).toBe('succeeded');
    await dispatchOk(t.backend, 'datasets.remove', { id: d.id });

    expect(changes(events)).toEqual([
      { type: 'datasets.changed', payload: { id: d.id, projectId, change: 'registered' } },
      { type: 'datasets.changed', payload: { id: d.id, projectId, change: 'updated' } },
      { type: 'datasets.changed', payload: { id: d.id, projectId, change: 'relinked' } },
      { type: 'checks.completed', payload: { runId: task.runId, projectId, datasetId: d.id } },
      { type: 'datasets.changed', payload: { id: d.id, projectId, change: 'removed' } },
    ]);
  });

  it('scenarios: created, updated, duplicated and deleted; a refused change announces nothing', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));
    const input = { params: 7e9, mode: 'inference' };
    const s = await dispatchOk(t.backend, 'scenarios.create', { projectId, name: 'Fits?', kind: 'memory', input });
    await dispatchOk(t.backend, 'scenarios.update', { id: s.id, patch: { name: 'Fits on one GPU?' } });
    await dispatchErr(t.backend, 'scenarios.update', { id: s.id, patch: { estimate: { kind: 'optimal', input: { params: 7e9 } } } });
    const copy = await dispatchOk(t.backend, 'scenarios.duplicate', { id: s.id });
    await dispatchOk(t.backend, 'scenarios.delete', { id: copy.id });
    expect(changes(events)).toEqual([
      { type: 'scenarios.changed', payload: { id: s.id, projectId, change: 'created' } },
      { type: 'scenarios.changed', payload: { id: s.id, projectId, change: 'updated' } },
      { type: 'scenarios.changed', payload: { id: copy.id, projectId, change: 'created' } },
      { type: 'scenarios.changed', payload: { id: copy.id, projectId, change: 'deleted' } },
    ]);
  });

  it('catalog: an edit, a reset and an import name the kinds they changed; an import changing nothing is silent', async () => {
    t = testBackend();
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));
    const row = { id: 'lab-box', name: 'Lab box', vendor: 'NVIDIA', kind: 'consumer-gpu', bf16Tflops: 100, memoryGb: 24, bandwidthGbs: 1000, tdpW: 500, source: 'our benchmark', asOf: '2026-10-01', confidence: 'verified' };
    await dispatchOk(t.backend, 'catalog.upsert', { kind: 'hardware', row });
    const a100 = (await dispatchOk(t.backend, 'catalog.list', { kind: 'cloud-gpu-price' }))[0]!;
    await dispatchOk(t.backend, 'catalog.upsert', { kind: 'cloud-gpu-price', row: { ...a100.row, usdPerGpuHour: 0.5 } });
    await dispatchOk(t.backend, 'catalog.reset', { kind: 'cloud-gpu-price', id: a100.row.id });
    await dispatchOk(t.backend, 'catalog.delete', { kind: 'hardware', id: 'lab-box' });
    const exported = await dispatchOk(t.backend, 'catalog.export', { format: 'json', only: 'all' });
    await dispatchOk(t.backend, 'catalog.import', { format: 'json', content: exported.content });
    expect(changes(events)).toEqual([
      { type: 'catalog.changed', payload: { kinds: ['hardware'] } },
      { type: 'catalog.changed', payload: { kinds: ['cloud-gpu-price'] } },
      { type: 'catalog.changed', payload: { kinds: ['cloud-gpu-price'] } },
      { type: 'catalog.changed', payload: { kinds: ['hardware'] } },
    ]);
  });

  it('system: a backup and a passed check refresh the health page', async () => {
    t = testBackend();
    await newProject(t.backend);
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));
    await dispatchOk(t.backend, 'system.backupNow', {});
    await dispatchOk(t.backend, 'system.checkDatabase', { full: false });
    expect(changes(events)).toEqual([
      { type: 'system.changed', payload: { change: 'backup' } },
      { type: 'system.changed', payload: { change: 'checked' } },
    ]);
  });
});

describe('stored JSON is read back through the contract schemas', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('a scenario, a dataset schema and a catalog row that no longer fit are refused as DB_UNREADABLE, naming the row and the field', async () => {
    t = testBackend();
    const projectId = await newProject(t.backend);
    const s = await dispatchOk(t.backend, 'scenarios.create', { projectId, name: 'Fits?', kind: 'memory', input: { params: 7e9, mode: 'inference' } });
    const train = join(t.dir, 'train.csv');
    copyFileSync(join(FIXTURES, 'train.csv'), train);
    const d = await dispatchOk(t.backend, 'datasets.register', { projectId, path: train });
    await dispatchOk(t.backend, 'catalog.upsert', {
      kind: 'grid-intensity',
      row: { id: 'office', region: 'Our office', kgCo2PerKwh: 0.2, source: 'utility bill', asOf: '2026-10', confidence: 'verified' },
    });

    // Another program (or a damaged page) leaves values of the wrong type behind.
    const db = new Database(join(t.dir, 'tally.db'));
    db.prepare(`UPDATE scenarios SET result_json = json_set(result_json, '$.totalGb', 'a lot') WHERE id = ?`).run(s.id);
    db.prepare(`UPDATE datasets SET schema_json = json_set(schema_json, '$.columns', 7) WHERE id = ?`).run(d.id);
    db.prepare(`UPDATE catalog_rows SET data = json_remove(data, '$.kgCo2PerKwh') WHERE id = 'office'`).run();
    db.close();

    const scenario = await dispatchErr(t.backend, 'scenarios.get', { id: s.id });
    expect(scenario.code).toBe('DB_UNREADABLE');
    expect(scenario.message).toBe(`The stored estimate of scenario ${s.id} does not match this version of Tally (result.totalGb: Invalid input: expected number, received string).`);
    const dataset = await dispatchErr(t.backend, 'datasets.get', { id: d.id });
    expect(dataset).toMatchObject({ code: 'DB_UNREADABLE', message: expect.stringContaining(`schema of dataset ${d.id} does not match this version of Tally (columns:`) });
    const catalog = await dispatchErr(t.backend, 'catalog.list', { kind: 'grid-intensity' });
    expect(catalog).toMatchObject({ code: 'DB_UNREADABLE', message: expect.stringContaining('grid-intensity row "office" of the catalog does not match this version of Tally (kgCo2PerKwh:') });
  });
});
