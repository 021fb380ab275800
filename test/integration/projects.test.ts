import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/contract/events';
import type { RpcResult } from '../../shared/rpc/result';
import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { testBackend } from '../support/temp';

type Row = { id: string; name: string };
const rows = (r: RpcResult<unknown>): Row[] => (r.ok ? (r.value as Row[]) : []);

describe('projects through the dispatcher and a real SQLite file', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  it('creates, lists, searches, updates, archives and deletes', async () => {
    t = testBackend();
    const { dispatch } = t.backend;
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));

    const created = await dispatch('projects.create', { name: '  Vision pilot ', budgetCents: 250000, currency: 'EUR' });
    expect(created).toEqual({
      ok: true,
      value: {
        id: 'id-1',
        name: 'Vision pilot',
        notes: '',
        currency: 'EUR',
        budgetCents: 250000,
        monthlyCapCents: null,
        startDate: null,
        endDate: null,
        archivedAt: null,
        createdAt: '2026-11-30T09:00:00.000Z',
        updatedAt: '2026-11-30T09:00:00.000Z',
      },
    });
    await dispatch('projects.create', { name: 'LLM fine-tune', notes: 'uses 50% of the A100 quota' });

    const all = await dispatch('projects.list', {});
    expect(rows(all).map((p) => p.name)).toEqual(['LLM fine-tune', 'Vision pilot']);
    // LIKE wildcards are literal: "50%" matches the note, "%" alone matches nothing extra.
    const pct = await dispatch('projects.list', { search: '50%' });
    expect(rows(pct).map((p) => p.id)).toEqual(['id-2']);
    const vis = await dispatch('projects.list', { search: 'VISION' });
    expect(rows(vis).length).toBe(1);

    const updated = await dispatch('projects.update', { id: 'id-1', patch: { name: 'Vision v2', monthlyCapCents: 50000 } });
    expect(updated.ok && updated.value).toMatchObject({ name: 'Vision v2', monthlyCapCents: 50000, budgetCents: 250000 });

    const archived = await dispatch('projects.archive', { id: 'id-1' });
    expect(archived.ok && (archived.value as { archivedAt: string }).archivedAt).toBe('2026-11-30T09:00:00.000Z');
    const active = await dispatch('projects.list', {});
    expect(rows(active).map((p) => p.id)).toEqual(['id-2']);
    const withArchived = await dispatch('projects.list', { includeArchived: true });
    expect(rows(withArchived).length).toBe(2);
    const unarchived = await dispatch('projects.archive', { id: 'id-1', archived: false });
    expect(unarchived.ok && (unarchived.value as { archivedAt: null }).archivedAt).toBeNull();

    const detail = await dispatch('projects.get', { id: 'id-1' });
    expect(detail.ok && (detail.value as { contents: unknown[] }).contents).toEqual(expect.any(Array));

    const deleted = await dispatch('projects.delete', { id: 'id-1' });
    expect(deleted).toEqual({ ok: true, value: { id: 'id-1', removed: expect.any(Array) } });
    expect(await dispatch('projects.get', { id: 'id-1' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    expect(events.map((e) => e.type === 'projects.changed' && e.payload.change)).toEqual([
      'created',
      'created',
      'updated',
      'updated',
      'archived',
      'updated',
      'archived',
      'deleted',
    ]);
  });

  it('stores money as integers in a STRICT table', async () => {
    t = testBackend();
    await t.backend.dispatch('projects.create', { name: 'Money', budgetCents: 123456 });
    const db = new Database(t.backend.context.dbPath, { readonly: true });
    const row = db.prepare('SELECT typeof(budget_cents) AS t, budget_cents AS v FROM projects').get();
    expect(row).toEqual({ t: 'integer', v: 123456 });
    expect(() => t.backend.context.db.prepare("UPDATE projects SET budget_cents = 1.5").run()).toThrow(/cannot store REAL value in INTEGER column/);
    db.close();
  });

  it('answers bad input with INVALID_INPUT and field paths, and changes nothing', async () => {
    t = testBackend();
    const r = await t.backend.dispatch('projects.create', { name: '', budgetCents: -5 });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    if (!r.ok) expect(r.error.issues!.map((i) => i.path).sort()).toEqual(['budgetCents', 'name']);
    const patch = await t.backend.dispatch('projects.create', { name: 'Ok', budgetCents: 100 });
    expect(patch.ok).toBe(true);
    // A patch that would make the whole project inconsistent is refused by the service.
    const bad = await t.backend.dispatch('projects.update', { id: 'id-1', patch: { monthlyCapCents: 500 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', issues: [{ path: 'monthlyCapCents' }] } });
    const still = await t.backend.dispatch('projects.get', { id: 'id-1' });
    expect(still.ok && (still.value as { monthlyCapCents: null }).monthlyCapCents).toBeNull();
  });

  it('refuses unknown procedures and never leaks a stack trace', async () => {
    t = testBackend();
    expect(await t.backend.dispatch('projects.drop', {})).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_PROCEDURE', message: 'There is no procedure named "projects.drop".' },
    });
    expect(await t.backend.dispatch('__proto__', {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_PROCEDURE' } });
    t.backend.context.db.close(); // any unexpected failure inside a handler
    const r = await t.backend.dispatch('projects.list', {});
    expect(r).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'Tally hit an internal error. The details are in the log.' } });
    expect(JSON.stringify(r)).not.toMatch(/at .*\.ts|database connection/);
    expect(t.logger.lines.some((l) => l.level === 'error' && l.message === 'procedure projects.list failed')).toBe(true);
  });

  it('reports its data folder, database file and size', async () => {
    t = testBackend();
    const r = await t.backend.dispatch('system.info', {});
    expect(r.ok && r.value).toMatchObject({
      dataDir: t.dir,
      dbPath: `${t.dir}/tally.db`,
      schemaVersion: latestSchemaVersion,
      network: { outboundConnections: 'none' },
    });
    expect(r.ok && (r.value as { dbSizeBytes: number }).dbSizeBytes).toBeGreaterThan(0);
  });
});
