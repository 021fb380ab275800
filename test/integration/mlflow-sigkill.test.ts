import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { mlflowRest } from '../support/tracking';
import { tempDir } from '../support/temp';

/**
 * A write the tracking API answered 200 is committed: `tally serve --tracking-port` runs in a
 * child process, four clients storm it with log-batch calls, and the child is SIGKILLed in the
 * middle of the storm. Reopening the file must find every acknowledged point, and SQLite's
 * integrity check must pass.
 */
const TOKEN = 'sigkill-test-token-0123456789';
const CLIENTS = 4;
const POINTS_PER_BATCH = 100;
const KILL_AFTER_ACKS = 120;
const T0 = Date.parse('2026-11-30T08:00:00.000Z');

function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/tally.js', 'serve', '--port', '0', '--tracking-port', '0', '--data-dir', dataDir], {
    env: { ...process.env, TALLY_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^MLFLOW_TRACKING_URI=(\S+)$/m.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.stderr!.on('data', (c: Buffer) => (err += c.toString()));
    child.on('exit', (code) => reject(new Error(`tally serve exited with ${code} before listening: ${err.slice(-2000)}`)));
  });
}

describe('SIGKILL during a log-batch storm', () => {
  const t = tempDir();
  let child: ChildProcess | undefined;
  afterEach(() => {
    child?.kill('SIGKILL');
    t.cleanup();
  });

  it('loses no acknowledged point, and the file passes integrity_check', async () => {
    const server = await startServer(t.dir);
    child = server.child;
    const exited = new Promise<void>((resolve) => server.child.on('exit', () => resolve()));
    const call = mlflowRest(server.url, TOKEN);
    const { experiment_id } = (await call('POST', '/experiments/create', { name: 'storm' })).json as { experiment_id: string };
    const runIds: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const r = await call('POST', '/runs/create', { experiment_id, start_time: T0 });
      runIds.push((r.json as { run: { info: { run_id: string } } }).run.info.run_id);
    }

    const acked: Array<{ run: string; batch: number }> = [];
    let killed = false;
    let cutOff = 0;
    async function storm(run: string) {
      for (let batch = 0; ; batch++) {
        const metrics = Array.from({ length: POINTS_PER_BATCH }, (_, i) => {
          const step = batch * POINTS_PER_BATCH + i;
          return { key: 'loss', value: step / 7, timestamp: T0 + step, step };
        });
        try {
          const r = await call('POST', '/runs/log-batch', { run_id: run, metrics });
          if (r.status !== 200) throw new Error(`log-batch answered ${r.status}: ${JSON.stringify(r.json)}`);
        } catch (e) {
          if (!killed) throw e;
          cutOff++;
          return;
        }
        acked.push({ run, batch });
        if (acked.length >= KILL_AFTER_ACKS && !killed) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    }
    await Promise.all(runIds.map(storm));
    await exited;
    expect(killed).toBe(true);
    // Every client was cut off by the kill, mid-storm, not after it had finished.
    expect(cutOff).toBe(CLIENTS);
    expect(acked.length).toBeGreaterThanOrEqual(KILL_AFTER_ACKS);

    const db = new Database(join(t.dir, 'tally.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();

    const backend = createBackend({ dataDir: t.dir, host: 'test' });
    try {
      for (const run of runIds) {
        const r = await backend.dispatch('runs.metricHistory', { runId: run, key: 'loss', maxResults: 1_000_000 });
        expect(r.ok).toBe(true);
        const points = (r as { value: { points: Array<{ step: number; value: number | string }> } }).value.points;
        const stored = new Map(points.map((p) => [p.step, p.value]));
        const batches = acked.filter((a) => a.run === run).map((a) => a.batch);
        for (const batch of batches) {
          for (let i = 0; i < POINTS_PER_BATCH; i++) {
            const step = batch * POINTS_PER_BATCH + i;
            expect(stored.get(step), `run ${run} step ${step}`).toBe(step / 7);
          }
        }
      }
    } finally {
      backend.close();
    }
  }, 90_000);
});
