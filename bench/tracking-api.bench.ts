/**
 * Bench for the MLflow tracking API (issue 8): log-batch from 4 concurrent clients on loopback,
 * target >= 100,000 metric points/s. The server is `tally serve --tracking-port` in its own
 * process and each client is its own process (bench/tracking-client.ts), so the figure is the
 * server's: HTTP parsing, auth, JSON, MLflow checks, the group-committed SQLite write.
 * Printed next to two references measured in the same run:
 *   - the store's direct ingest of the same batches (runs.logBatch in-process, 4 concurrent
 *     writers): the ceiling the HTTP layer sits under;
 *   - trivial HTTP requests (get-by-name of a missing experiment: one indexed lookup, 404) from the same
 *     4 clients: the cost of a request alone.
 * Rounds alternate the three measurements; medians are reported.
 * Usage: node bin/run-ts.js bench/tracking-api.bench.ts [rounds] [batchesPerClient]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createBackend } from '../electron/backend/create-backend';
import type { ClientJob, ClientReport } from './tracking-client';

const ROUNDS = Math.max(1, Number(process.argv[2] ?? 3));
const BATCHES = Math.max(1, Number(process.argv[3] ?? 50));
const CLIENTS = 4;
const POINTS = 1000;
const TOKEN = 'bench-token-0123456789abcdef';
const T0 = Date.parse('2026-11-30T08:00:00.000Z');

const quietLogger = { info: () => undefined, warn: () => undefined, error: (m: string, d?: unknown) => console.error(m, d) };

async function startServer(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['bin/tally.js', 'serve', '--port', '0', '--tracking-port', '0', '--data-dir', dataDir], {
    env: { ...process.env, TALLY_TOKEN: TOKEN },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^MLFLOW_TRACKING_URI=(\S+)$/m.exec(out);
      if (m) resolve({ child, url: m[1]! });
    });
    child.on('exit', (code) => reject(new Error(`tally serve exited with ${code}`)));
  });
}

async function rest(url: string, path: string, body: unknown): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const r = await fetch(`${url}/api/2.0/mlflow${path}`, { method: 'POST', headers: { Authorization: `Bearer ${TOKEN}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Starts the clients, lets them build their bodies, then starts them together. */
async function runClients(jobs: ClientJob[]): Promise<{ seconds: number; points: number; requests: number }> {
  const children = jobs.map((job) => spawn(process.execPath, ['bin/run-ts.js', 'bench/tracking-client.ts', JSON.stringify(job)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] }));
  const reports = children.map(
    (c) =>
      new Promise<ClientReport>((resolve, reject) => {
        c.on('message', (m: { report?: ClientReport; error?: string }) => {
          if (m.report) resolve(m.report);
          if (m.error) reject(new Error(m.error));
        });
        c.on('exit', (code) => code !== 0 && reject(new Error(`client exited with ${code}`)));
      }),
  );
  await Promise.all(children.map((c) => new Promise<void>((resolve) => c.once('message', () => resolve()))));
  for (const c of children) c.send('go');
  const done = await Promise.all(reports);
  const failures = done.reduce((n, r) => n + r.failures, 0);
  if (failures > 0) throw new Error(`${failures} requests failed`);
  const seconds = (Math.max(...done.map((r) => r.endedAt)) - Math.min(...done.map((r) => r.startedAt))) / 1000;
  return { seconds, points: done.reduce((n, r) => n + r.points, 0), requests: done.reduce((n, r) => n + r.requests, 0) };
}

/** The same batches straight into the store: 4 concurrent writers of runs.logBatch, no HTTP. */
async function directIngest(dataDir: string, round: number): Promise<number> {
  const backend = createBackend({ dataDir, host: 'cli', logger: quietLogger });
  try {
    const exp = await backend.dispatch('experiments.create', { name: `direct-${round}` });
    if (!exp.ok) throw new Error(exp.error.message);
    const runs: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      const r = await backend.dispatch('runs.create', { experimentId: (exp.value as { id: string }).id, startTime: T0 });
      if (!r.ok) throw new Error(r.error.message);
      runs.push((r.value as { id: string }).id);
    }
    const batches = (runId: string) =>
      Array.from({ length: BATCHES }, (_, b) => ({
        runId,
        metrics: Array.from({ length: POINTS }, (_, i) => {
          const step = b * POINTS + i;
          return { key: `m${i % 10}`, value: Math.sin(step) * 100, timestamp: T0 + step, step };
        }),
      }));
    const prepared = runs.map(batches);
    const started = performance.now();
    await Promise.all(
      prepared.map(async (list) => {
        for (const input of list) {
          const r = await backend.dispatch('runs.logBatch', input);
          if (!r.ok) throw new Error(r.error.message);
        }
      }),
    );
    return (CLIENTS * BATCHES * POINTS) / ((performance.now() - started) / 1000);
  } finally {
    backend.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-tracking-'));
  const server = await startServer(join(dir, 'served'));
  try {
    const { experiment_id } = await rest(server.url, '/experiments/create', { name: 'bench' });
    const runIds: string[] = [];
    for (let c = 0; c < CLIENTS; c++) runIds.push((await rest(server.url, '/runs/create', { experiment_id, start_time: T0 })).run.info.run_id);
    const job = (c: number, mode: ClientJob['mode'], round: number): ClientJob => ({
      url: server.url,
      token: TOKEN,
      mode,
      runId: runIds[c]!,
      batches: mode === 'log-batch' ? BATCHES : BATCHES * 4,
      pointsPerBatch: POINTS,
      firstStep: round * BATCHES * POINTS,
    });
    // Warm-up round: JIT, SQLite page cache, connection set-up.
    await runClients(runIds.map((_, c) => job(c, 'log-batch', 0)));
    const api: number[] = [];
    const direct: number[] = [];
    const trips: number[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      const a = await runClients(runIds.map((_, c) => job(c, 'log-batch', round)));
      api.push(a.points / a.seconds);
      direct.push(await directIngest(join(dir, `direct-${round}`), round));
      const t = await runClients(runIds.map((_, c) => job(c, 'round-trip', round)));
      trips.push(t.requests / t.seconds);
      console.log(`round ${round}: API ${fmt(api.at(-1)!)} points/s, direct ${fmt(direct.at(-1)!)} points/s, trivial requests ${fmt(trips.at(-1)!)} req/s`);
    }
    console.log(`machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    console.log(`tracking API log-batch, ${CLIENTS} client processes, ${POINTS} points per batch: ${fmt(median(api))} points/s (target >= 100,000) ${median(api) >= 100_000 ? 'PASS' : 'BELOW TARGET'}`);
    console.log(`  reference, same run: direct store ingest of the same batches (runs.logBatch in-process): ${fmt(median(direct))} points/s`);
    console.log(`  reference, same run: trivial requests (get-by-name of a missing experiment, 404), ${CLIENTS} clients: ${fmt(median(trips))} requests/s`);
  } finally {
    server.child.kill('SIGTERM');
    await new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: Error) => {
  console.error(e.stack ?? e.message);
  process.exit(1);
});
