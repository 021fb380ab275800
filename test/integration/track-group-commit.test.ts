import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { readMetricSeries } from '../../electron/backend/services/metric-history.service';
import { groupCommitStats } from '../../electron/backend/services/write-queue';
import { tempDir } from '../support/temp';
import { T0, trackBackend, type TrackBackend } from './track-support';

describe('group commit of tracking writes', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  it('commits concurrent writes together, each caller failing only on its own error', async () => {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id);
    const runs = await Promise.all(Array.from({ length: 10 }, () => t.run(e.id)));
    for (const r of runs) await t.ok('runs.logBatch', { runId: r.id, params: [{ key: 'lr', value: '0.1' }] });
    const before = groupCommitStats(t.backend.context);

    const writes = Array.from({ length: 300 }, (_, i) => {
      const r = runs[i % 10]!;
      const params = i % 100 === 50 ? [{ key: 'lr', value: '0.9' }] : [];
      return t.backend.dispatch('runs.logBatch', { runId: r.id, params, metrics: [{ key: 'loss', value: i, timestamp: T0 + i, step: i }] });
    });
    const results = await Promise.all(writes);
    const after = groupCommitStats(t.backend.context);
    expect(after.flushes - before.flushes).toBe(1);
    expect(after.jobs - before.jobs).toBe(300);

    const failed = results.flatMap((r, i) => (r.ok ? [] : [[i, r.error.code]]));
    expect(failed).toEqual([[50, 'INVALID_INPUT'], [150, 'INVALID_INPUT'], [250, 'INVALID_INPUT']]);
    // Every write that resolved is there (read through another connection: committed); the failed ones left nothing.
    const db = new Database(join(t.dir, 'tally.db'), { readonly: true });
    const stored = db.prepare('SELECT SUM(point_count) AS n FROM latest_metrics').get() as { n: number };
    db.close();
    expect(stored.n).toBe(297);
    for (const [k, r] of runs.entries()) {
      const steps = Array.from(readMetricSeries(t.backend.context, r.id, 'loss').steps);
      expect(steps).toEqual(Array.from({ length: 30 }, (_, j) => k + 10 * j).filter((s) => s % 100 !== 50));
    }
  });

  it('refuses a write over the limits before it joins the shared transaction', async () => {
    t = trackBackend();
    const p = await t.project();
    const e = await t.experiment(p.id);
    const r = await t.run(e.id);
    const before = groupCommitStats(t.backend.context);
    const bad = t.backend.dispatch('runs.logBatch', { runId: r.id, tags: [{ key: 'x', value: 'y'.repeat(9000) }] });
    const good = t.backend.dispatch('runs.logBatch', { runId: r.id, tags: [{ key: 'x', value: 'y' }] });
    expect((await bad).ok).toBe(false);
    expect((await good).ok).toBe(true);
    expect(groupCommitStats(t.backend.context).jobs - before.jobs).toBe(1);
  });

  it('loses no acknowledged write when the process is killed with SIGKILL mid-storm', async () => {
    const dir = tempDir();
    try {
      const child = spawn(process.execPath, ['bin/run-ts.js', 'test/support/track-writer-child.ts', dir.dir], { stdio: ['ignore', 'pipe', 'pipe'] });
      const acked: number[] = [];
      let runId = '';
      let stderr = '';
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      await new Promise<void>((resolve, reject) => {
        let buf = '';
        child.stdout.on('data', (d: Buffer) => {
          buf += d.toString();
          const lines = buf.split('\n');
          buf = lines.pop()!;
          for (const line of lines) {
            const m = /^ack (\w+) (\d+)$/.exec(line);
            if (!m) continue;
            runId = m[1]!;
            acked.push(Number(m[2]));
            if (acked.length === 2000) {
              child.kill('SIGKILL');
              resolve();
            }
          }
        });
        child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`writer exited with ${code}: ${stderr}`))));
      });
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)));
      const b = createBackend({ dataDir: dir.dir, host: 'test', logger: { info: () => {}, warn: () => {}, error: () => {} } });
      const steps = new Set(readMetricSeries(b.context, runId, 'loss').steps);
      b.close();
      const lost = acked.filter((s) => !steps.has(s) || !steps.has(s + 9));
      expect(lost).toEqual([]);
      expect(steps.size).toBeGreaterThanOrEqual(acked.length * 10);
    } finally {
      dir.cleanup();
    }
  });
});
