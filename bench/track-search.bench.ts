/**
 * Run search on a large project (issue 8: 10,000 runs x 20 metrics should answer well under
 * 100 ms): runs.list with a filter on a metric and a param, ordered by another metric, for the
 * first page of the table (100 rows) and for the whole table (10,000 rows with every param, tag
 * and metric), and ordered by cost. The reference, measured in the same run, answers the same
 * query the naive way: read every run with its params and latest metrics out of SQLite and
 * filter and sort in JavaScript.
 *
 * Run: `npm run bench -- track-search` or `node bin/run-ts.js bench/track-search.bench.ts [runs]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend } from '../electron/backend/create-backend';
import { listRuns } from '../electron/backend/services/run-search.service';
import { createRun } from '../electron/backend/services/runs.service';
import { logBatch } from '../electron/backend/services/run-logging.service';

const T0 = 1_767_225_600_000;
const quiet = { info: () => {}, warn: () => {}, error: (m: string, d?: unknown) => console.error(m, d) };

function median(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
}

export interface TrackSearchResult {
  runs: number;
  firstPageMs: number;
  wholeTableMs: number;
  byCostMs: number;
  referenceMs: number;
  matched: number;
  sameAnswer: boolean;
}

export async function runTrackSearchBench(runCount = 10_000, repeats = 5): Promise<TrackSearchResult> {
  const dir = mkdtempSync(join(tmpdir(), 'tally-bench-'));
  const b = createBackend({ dataDir: dir, host: 'test', logger: quiet });
  try {
    const ctx = b.context;
    const p = (await b.dispatch('projects.create', { name: 'Search bench' })) as { value: { id: string } };
    const e = (await b.dispatch('experiments.create', { projectId: p.value.id, name: 'sweep' })) as { value: { id: string } };
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const ids: string[] = [];
    for (let from = 0; from < runCount; from += 500) {
      const made = await Promise.all(
        Array.from({ length: Math.min(500, runCount - from) }, (_, k) =>
          createRun(ctx, { experimentId: e.value.id, startTime: T0 + (from + k) * 60_000, tags: [{ key: 'tally.hardware', value: rnd() < 0.5 ? 'h100-sxm' : 'a100-80gb' }, { key: 'tally.devices', value: String(1 + Math.floor(rnd() * 8)) }, { key: 'team', value: rnd() < 0.5 ? 'a' : 'b' }] }),
        ),
      );
      ids.push(...made.map((r) => r.id));
      await Promise.all(
        made.map((r) =>
          logBatch(ctx, {
            runId: r.id,
            metrics: Array.from({ length: 20 }, (_, m) => ({ key: `m${m}`, value: rnd(), timestamp: T0, step: 1 })),
            params: Array.from({ length: 5 }, (_, q) => ({ key: `p${q}`, value: String(Math.floor(rnd() * 4)) })),
            tags: [],
          }),
        ),
      );
    }
    const query = {
      projectId: p.value.id,
      filter: [
        { kind: 'metric' as const, key: 'm1', op: '>' as const, value: 0.5 },
        { kind: 'param' as const, key: 'p0', op: '=' as const, value: '1' },
      ],
      orderBy: [{ kind: 'metric' as const, key: 'm0', ascending: false }],
      view: 'active' as const,
      columns: { params: 'all' as const, tags: 'all' as const, metrics: 'all' as const },
    };
    const time = (f: () => unknown) => {
      const t0 = performance.now();
      f();
      return performance.now() - t0;
    };
    let answer: string[] = [];
    let matched = 0;
    const first: number[] = [];
    const whole: number[] = [];
    const byCost: number[] = [];
    const reference: number[] = [];
    let naive: string[] = [];
    const db = ctx.db;
    for (let i = 0; i < repeats; i++) {
      first.push(time(() => listRuns(ctx, { ...query, maxResults: 100 })));
      whole.push(
        time(() => {
          const r = listRuns(ctx, { ...query, maxResults: 10_000 });
          answer = r.runs.map((x) => x.id);
          matched = r.total;
        }),
      );
      byCost.push(time(() => listRuns(ctx, { ...query, filter: [], orderBy: [{ kind: 'attribute', key: 'cost', ascending: false }], maxResults: 100 })));
      reference.push(
        time(() => {
          const runs = db.prepare("SELECT id, start_time FROM runs WHERE lifecycle_stage = 'active'").raw().all() as Array<[string, number]>;
          const metrics = new Map<string, Record<string, number>>();
          for (const [runId, key, value] of db.prepare('SELECT run_id, key, value FROM latest_metrics').raw().all() as Array<[string, string, number]>) {
            (metrics.get(runId) ?? metrics.set(runId, {}).get(runId)!)[key] = value;
          }
          const params = new Map<string, Record<string, string>>();
          for (const [runId, key, value] of db.prepare('SELECT run_id, key, value FROM run_params').raw().all() as Array<[string, string, string]>) {
            (params.get(runId) ?? params.set(runId, {}).get(runId)!)[key] = value;
          }
          naive = runs
            .filter(([id]) => (metrics.get(id)?.m1 ?? -Infinity) > 0.5 && params.get(id)?.p0 === '1')
            .sort((a, c) => metrics.get(c[0])!.m0! - metrics.get(a[0])!.m0! || c[1] - a[1] || (a[0] < c[0] ? -1 : 1))
            .map(([id]) => id);
        }),
      );
    }
    return { runs: ids.length, firstPageMs: median(first), wholeTableMs: median(whole), byCostMs: median(byCost), referenceMs: median(reference), matched, sameAnswer: answer.join() === naive.join() };
  } finally {
    b.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await runTrackSearchBench(Number(process.argv[2] ?? 10_000));
  console.log(`run search, ${r.runs.toLocaleString('en-US')} runs x 20 metrics, filter metric + param, order by a metric (${r.matched} match):`);
  console.log(`  first page (100 rows):          ${r.firstPageMs.toFixed(1)} ms (target well under 100 ms)`);
  console.log(`  whole table (${r.matched} full rows): ${r.wholeTableMs.toFixed(1)} ms`);
  console.log(`  first page ordered by cost:     ${r.byCostMs.toFixed(1)} ms`);
  console.log(`  reference, read all and filter in JS: ${r.referenceMs.toFixed(1)} ms (${(r.referenceMs / r.firstPageMs).toFixed(1)}x the first page)`);
  console.log(`same answer as the reference: ${r.sameAnswer ? 'yes' : 'NO'}`);
  if (!r.sameAnswer) process.exit(1);
}
