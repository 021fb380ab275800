import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { writeExperiment, writeLongMetric } from '../support/mlruns-writer';
import { tempDir } from '../support/temp';

const T0 = Date.parse('2026-11-20T08:00:00.000Z');
const RUNS = 12;
const POINTS = 150_000;
const runId = (i: number) => (i + 1).toString(16).padStart(32, '0');

describe('an mlruns import killed part-way', () => {
  let t: ReturnType<typeof tempDir>;
  afterEach(() => t?.cleanup());

  it('leaves whole runs only: every run in the file has all its params and points, and a second import completes the rest', async () => {
    t = tempDir();
    const root = join(t.dir, 'mlruns');
    const dir = writeExperiment(root, { id: '1', name: 'crash', runs: Array.from({ length: RUNS }, (_, i) => ({ id: runId(i), name: `run-${i}`, startTime: T0, endTime: T0 + 1000, params: { i: String(i), lr: '0.1' } })) });
    for (let i = 0; i < RUNS; i++) writeLongMetric(join(dir, runId(i)), 'loss', POINTS, T0, (k) => k / POINTS);
    const data = join(t.dir, 'data');

    const child = spawn(process.execPath, ['bin/run-ts.js', 'test/support/mlruns-import-child.ts', data, root], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    let committed = 0;
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        const lines = buf.split('\n');
        buf = lines.pop()!;
        for (const line of lines) {
          const m = /^done (\d+)$/.exec(line);
          if (m) committed = Number(m[1]);
          // Kill while the next run (150k points) is being written.
          if (committed === 3 && child.signalCode === null) child.kill('SIGKILL');
        }
      });
      child.on('exit', (code, signal) => (signal === 'SIGKILL' ? resolve() : reject(new Error(`import exited with ${code} before it was killed: ${stderr}`))));
    });

    const b = createBackend({ dataDir: data, host: 'test', logger: { info: () => {}, warn: () => {}, error: () => {} } });
    try {
      const exp = await b.dispatch('experiments.get', { name: 'crash' });
      expect(exp.ok).toBe(true);
      const list = await b.dispatch('runs.list', { experimentIds: [(exp as { value: { id: string } }).value.id], maxResults: 100 });
      const rows = (list as { value: { runs: Array<{ id: string; params: Record<string, string> }> } }).value.runs;
      // At least the acknowledged runs, and not all of them: the kill landed mid-import.
      expect(rows.length).toBeGreaterThanOrEqual(3);
      expect(rows.length).toBeLessThan(RUNS);
      for (const r of rows) {
        expect(Object.keys(r.params).sort()).toEqual(['i', 'lr']);
        const h = await b.dispatch('runs.metricHistory', { runId: r.id, key: 'loss', maxResults: 1 });
        expect((h as { value: { total: number } }).value.total).toBe(POINTS);
      }
      const rest = await b.dispatch('runs.import', { kind: 'mlruns', path: root });
      expect(rest).toMatchObject({ ok: true, value: { runsCreated: RUNS - rows.length, runsUpdated: rows.length, metricPoints: (RUNS - rows.length) * POINTS, skipped: [] } });
    } finally {
      b.close();
    }
  });
});
