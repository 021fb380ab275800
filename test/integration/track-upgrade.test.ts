import { latestSchemaVersion } from '../../electron/backend/db/migrations';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import { createBackend } from '../../electron/backend/create-backend';
import { dispatchOk } from '../support/dispatch';
import { tempDir } from '../support/temp';

/**
 * A workspace written by the first Track schema (migration 4: the cost breakdown in runs.cost_json,
 * metric blobs as bare float64 arrays) opens under migration 5 with nothing lost.
 */
describe('upgrading a Track workspace from schema 4', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('moves cost breakdowns out of runs and still reads the old metric blobs', async () => {
    t = tempDir();
    const file = join(t.dir, 'tally.db');
    const now = () => new Date('2026-11-30T09:00:00.000Z');
    const v4 = openDatabase(file, { appVersion: 'test', now, migrations: migrations.filter((m) => m.version <= 4) });
    const id = 'ab'.repeat(16);
    const cost = { costCents: null, currency: 'USD', unknownReason: 'hardware unknown: set it', assumptions: [] };
    v4.db.exec(`INSERT INTO projects (id, name, created_at, updated_at) VALUES ('p', 'Old', 'x', 'x');
      INSERT INTO experiments (id, project_id, name, creation_time, last_update_time) VALUES (1, 'p', 'old-exp', 0, 0);`);
    v4.db.prepare("INSERT INTO runs (id, experiment_id, name, status, start_time, cost_json) VALUES (?, 1, 'old run', 'FINISHED', 0, ?)").run(id, JSON.stringify(cost));
    const steps = Float64Array.from([0, 1, 2]);
    const values = Float64Array.from([0.5, Number.NaN, 0.25]);
    const blob = (a: Float64Array) => Buffer.from(a.buffer);
    v4.db.prepare("INSERT INTO metric_chunks VALUES (?, 'loss', 0, 0, 10, 2, 12, 3, ?, ?, ?)").run(id, blob(steps), blob(Float64Array.from([10, 11, 12])), blob(values));
    v4.db.prepare("INSERT INTO latest_metrics VALUES (?, 'loss', 0.25, 2, 12, 0, 3, 0, 1)").run(id);
    v4.db.close();

    const b = createBackend({ dataDir: t.dir, host: 'test', clock: now, logger: { info: () => {}, warn: () => {}, error: () => {} } });
    try {
      expect(b.context.schemaVersion).toBe(latestSchemaVersion);
      const columns = (b.context.db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('runs') as string[]);
      expect(columns).not.toContain('cost_json');
      expect(b.context.db.prepare('SELECT cost_json FROM run_cost_details WHERE run_id = ?').pluck().get(id)).toBe(JSON.stringify(cost));
      const run = await dispatchOk(b, 'runs.get', { id });
      expect(run).toMatchObject({ name: 'old run', costUnknownReason: 'hardware unknown: set it' });
      // The stored breakdown lacks fields the contract requires: it is computed again, not refused.
      expect(run.cost).toMatchObject({ costCents: null, basis: 'unknown', currency: 'USD' });
      expect(run.cost.unknownReason).toEqual(expect.any(String));
      const h = await dispatchOk(b, 'runs.metricHistory', { runId: id, key: 'loss' });
      expect(h.points).toEqual([
        { step: 0, timestamp: 10, value: 0.5 },
        { step: 1, timestamp: 11, value: 'NaN' },
        { step: 2, timestamp: 12, value: 0.25 },
      ]);
      // New points after the upgrade land beside the old chunk and read back in order.
      await dispatchOk(b, 'runs.logBatch', { runId: id, metrics: [{ key: 'loss', value: 0.125, timestamp: 13, step: 3 }] });
      expect((await dispatchOk(b, 'runs.metricHistory', { runId: id, key: 'loss' })).points!.map((p) => p.step)).toEqual([0, 1, 2, 3]);
    } finally {
      b.close();
    }
  });
});
