/**
 * Metric store speed (issue 8 targets): direct ingest of 1M+ points (>= 1,000,000 points/s) and
 * reading one 1M-point series back (< 100 ms), each next to a reference measured in the same
 * run on the same machine: the same points stored one row per point (WITHOUT ROWID, primary key
 * run/key/step/timestamp, 10,000-row transactions; perf-anchors.md measured 258k points/s that
 * way) and read back row by row.
 *
 * Ingest paths timed, all through the backend's services with their checks and group commit:
 *   columns   appendMetricColumns: a whole series per call (importers)
 *   batches   runs.logBatch-shaped calls of 1,000 points for one key (MLflow's largest batch)
 *   spread    the same 1,000-point calls spread over 10 keys (100 points per key: hot segments, folded)
 *
 * Run: `npm run bench -- track-ingest` or `node bin/run-ts.js bench/track-ingest.bench.ts [points]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createBackend, type Backend } from '../electron/backend/create-backend';
import { readMetricSeries } from '../electron/backend/services/metric-history.service';
import { appendMetricColumns, logBatch } from '../electron/backend/services/run-logging.service';

const T0 = 1_767_225_600_000;
const quiet = { info: () => {}, warn: () => {}, error: (m: string, d?: unknown) => console.error(m, d) };

async function newRun(b: Backend, experimentId: string): Promise<string> {
  const r = await b.dispatch('runs.create', { experimentId, startTime: T0 });
  if (!r.ok) throw new Error(r.error.message);
  return (r.value as { id: string }).id;
}

function series(n: number, offset = 0) {
  const steps = new Float64Array(n);
  const timestamps = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    steps[i] = offset + i;
    timestamps[i] = T0 + offset + i;
    values[i] = Math.exp(-(offset + i) / 1e5) + (i % 7) * 1e-3;
  }
  return { steps, timestamps, values };
}

const time = async (f: () => unknown) => {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
};

/** Wall and CPU milliseconds of one step (CPU time says how much of the wall time was ours on a shared machine). */
async function timed(f: () => unknown): Promise<{ ms: number; cpuMs: number }> {
  const c0 = process.cpuUsage();
  const ms = await time(f);
  const c = process.cpuUsage(c0);
  return { ms, cpuMs: (c.user + c.system) / 1000 };
}

/** The reference: one row per point, as a plain SQL tracker stores metrics. */
function rowPerPoint(dir: string, runId: string, key: string, s: ReturnType<typeof series>) {
  const db = new Database(join(dir, 'reference.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec('CREATE TABLE points (run_id TEXT, key TEXT, step INTEGER, timestamp INTEGER, value REAL, PRIMARY KEY (run_id, key, step, timestamp)) STRICT, WITHOUT ROWID');
  const insert = db.prepare('INSERT INTO points VALUES (?, ?, ?, ?, ?)');
  const n = s.values.length;
  const writeMs = performance.now();
  for (let from = 0; from < n; from += 10_000) {
    db.transaction(() => {
      for (let i = from; i < Math.min(n, from + 10_000); i++) insert.run(runId, key, s.steps[i], s.timestamps[i], s.values[i]);
    })();
  }
  const ingestMs = performance.now() - writeMs;
  db.close();
  // Read back in a freshly opened connection, as the store's own read is timed.
  const rdb = new Database(join(dir, 'reference.db'));
  const readStart = performance.now();
  const rows = rdb.prepare('SELECT step, timestamp, value FROM points WHERE run_id = ? AND key = ? ORDER BY step, timestamp').raw().all(runId, key) as number[][];
  const out = { steps: new Float64Array(rows.length), timestamps: new Float64Array(rows.length), values: new Float64Array(rows.length) };
  rows.forEach((r, i) => {
    out.steps[i] = r[0]!;
    out.timestamps[i] = r[1]!;
    out.values[i] = r[2]!;
  });
  const readMs = performance.now() - readStart;
  rdb.close();
  return { ingestMs, readMs, read: out.values.length };
}

export interface TrackIngestResult {
  points: number;
  columns: { ms: number; cpuMs: number; pointsPerSecond: number };
  batches: { ms: number; cpuMs: number; pointsPerSecond: number };
  spread: { ms: number; cpuMs: number; pointsPerSecond: number };
  /** Writing and reading the same points one row per point; cpuMs covers both. */
  reference: { ingestMs: number; pointsPerSecond: number; readMs: number; cpuMs: number };
  /** The first read of the series in a freshly opened workspace. */
  historyFirstMs: number;
  historyMs: number;
  historyCpuMs: number;
  historyPoints: number;
  identical: boolean;
}

export async function runTrackIngestBench(points = 1_000_000): Promise<TrackIngestResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  let b = createBackend({ dataDir: dir, host: 'test', logger: quiet });
  try {
    const p = await b.dispatch('projects.create', { name: 'Bench' });
    const e = await b.dispatch('experiments.create', { projectId: (p as { value: { id: string } }).value.id, name: 'ingest' });
    const experimentId = (e as { value: { id: string } }).value.id;
    const ctx = b.context;
    const s = series(points);

    const runA = await newRun(b, experimentId);
    const columns = await timed(() => appendMetricColumns(ctx, runA, 'loss', s));

    // The batches as an MLflow client's JSON arrives parsed: built before the clock starts.
    const calls = Math.ceil(points / 1000);
    const batch = (k: number, keyOf: (i: number) => string) =>
      Array.from({ length: Math.min(1000, points - k * 1000) }, (_, i) => ({ key: keyOf(i), value: s.values[k * 1000 + i]!, timestamp: s.timestamps[k * 1000 + i]!, step: s.steps[k * 1000 + i]! }));
    const runB = await newRun(b, experimentId);
    const oneKey = Array.from({ length: calls }, (_, k) => batch(k, () => 'loss'));
    const batches = await timed(() => Promise.all(oneKey.map((metrics) => logBatch(ctx, { runId: runB, metrics, params: [], tags: [] }))));

    const runC = await newRun(b, experimentId);
    const tenKeys = Array.from({ length: calls }, (_, k) => batch(k, (i) => `m${i % 10}`));
    const spread = await timed(() => Promise.all(tenKeys.map((metrics) => logBatch(ctx, { runId: runC, metrics, params: [], tags: [] }))));

    const fromBatches = readMetricSeries(ctx, runB, 'loss');
    const spreadOk = Array.from({ length: 10 }, (_, m) => readMetricSeries(ctx, runC, `m${m}`)).every((x, m) => x.values.every((v, j) => v === s.values[m + 10 * j]) && x.values.length === Math.ceil((points - m) / 10));
    oneKey.length = 0;
    tenKeys.length = 0;

    // Reading one whole series back as the app does after a restart: a freshly opened workspace
    // (SQLite's cache empty, the OS's file cache warm), first read, then the median of 5 more.
    b.close();
    b = createBackend({ dataDir: dir, host: 'test', logger: quiet });
    const first = await timed(() => readMetricSeries(b.context, runA, 'loss'));
    const reads: Array<{ ms: number; cpuMs: number }> = [];
    let read = readMetricSeries(b.context, runA, 'loss');
    for (let i = 0; i < 5; i++) reads.push(await timed(() => (read = readMetricSeries(b.context, runA, 'loss'))));
    reads.sort((x, y) => x.ms - y.ms);
    const identical = read.values.length === points && read.values.every((v, i) => v === s.values[i]) && fromBatches.values.every((v, i) => v === s.values[i]) && spreadOk;

    const c0 = process.cpuUsage();
    const ref = rowPerPoint(dir, runA, 'loss', s);
    const refCpu = process.cpuUsage(c0);
    const rate = (ms: number) => Math.round(points / (ms / 1000));
    const path = (t: { ms: number; cpuMs: number }) => ({ ms: t.ms, cpuMs: t.cpuMs, pointsPerSecond: rate(t.ms) });
    return {
      points,
      columns: path(columns),
      batches: path(batches),
      spread: path(spread),
      reference: { ingestMs: ref.ingestMs, pointsPerSecond: rate(ref.ingestMs), readMs: ref.readMs, cpuMs: (refCpu.user + refCpu.system) / 1000 },
      historyFirstMs: first.ms,
      historyMs: reads[2]!.ms,
      historyCpuMs: reads[2]!.cpuMs,
      historyPoints: read.values.length,
      identical,
    };
  } finally {
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const n = Number(process.argv[2] ?? 1_000_000);
  const r = await runTrackIngestBench(n);
  const f = (x: number) => x.toLocaleString('en-US');
  console.log(`metric ingest, ${f(r.points)} points (target >= 1,000,000 points/s):`);
  const line = (label: string, x: { pointsPerSecond: number; ms: number; cpuMs: number }) =>
    console.log(`  ${label.padEnd(37)} ${f(x.pointsPerSecond)} points/s (${x.ms.toFixed(0)} ms wall, ${x.cpuMs.toFixed(0)} ms CPU), ${(x.pointsPerSecond / r.reference.pointsPerSecond).toFixed(1)}x the reference`);
  line('columns (one series per call):', r.columns);
  line('1,000-point batches, one key:', r.batches);
  line('1,000-point batches over 10 keys:', r.spread);
  console.log(`  reference, one row per point:         ${f(r.reference.pointsPerSecond)} points/s (${r.reference.ingestMs.toFixed(0)} ms wall; ${r.reference.cpuMs.toFixed(0)} ms CPU with its read)`);
  console.log(`history of one ${f(r.historyPoints)}-point series: ${r.historyMs.toFixed(1)} ms wall, ${r.historyCpuMs.toFixed(1)} ms CPU (target < 100 ms; median of 5 reads; the first after opening: ${r.historyFirstMs.toFixed(1)} ms)`);
  console.log(`  reference, row-per-point read:        ${r.reference.readMs.toFixed(1)} ms (${(r.reference.readMs / r.historyMs).toFixed(1)}x slower)`);
  console.log(`read back identical to what was written: ${r.identical ? 'yes' : 'NO'}`);
  if (!r.identical) process.exit(1);
}
