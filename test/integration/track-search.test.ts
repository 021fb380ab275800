import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunDetail } from '../../shared/contract/runs';
import type { RunFilterClause, RunOrder } from '../../shared/contract/runs-filter';
import { HOUR, NOW, T0, trackBackend, type TrackBackend } from './track-support';

/**
 * runs.list (filters, ordering, lifecycle views, paging) against a brute-force oracle that
 * applies MLflow's rules in plain TypeScript to the same runs read one by one with runs.get.
 */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = rng(20261130);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const NAMES = ['Run-', 'run_', 'bert-base-', 'BERT-large-', 'resnet50 '];
const STATUSES = ['FINISHED', 'FINISHED', 'FAILED', 'KILLED', 'RUNNING'] as const;
const TEXT_OPS = ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN', '<', '>='] as const;
const NUM_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;

let t: TrackBackend;
let runs: RunDetail[];
let projectId: string;
let experimentIds: string[];

beforeAll(async () => {
  t = trackBackend();
  const p = await t.project('Search');
  projectId = p.id;
  const other = await t.project('Elsewhere');
  const exps = [await t.experiment(p.id, 'e1'), await t.experiment(p.id, 'e2')];
  experimentIds = exps.map((e) => e.id);
  const elsewhere = await t.experiment(other.id, 'e3');
  await t.run(elsewhere.id, { hours: 1 });
  const made: string[] = [];
  for (let i = 0; i < 240; i++) {
    const status = pick(STATUSES);
    const start = T0 + Math.floor(rand() * 40) * HOUR; // repeated start times exercise the tie-breaks
    const tags: Record<string, string> = {};
    if (rand() < 0.8) tags.team = pick(['vision', 'nlp', 'Vision', 'speech_1']);
    if (rand() < 0.6) {
      tags['tally.hardware'] = pick(['h100-sxm', 'a100-80gb', 'l4', 'unknown-gpu']);
      tags['tally.devices'] = String(1 + Math.floor(rand() * 8));
    }
    const r = await t.ok('runs.create', { experimentId: pick(exps).id, startTime: start, name: `${pick(NAMES)}${i}`, userId: pick(['ana', 'bo', '']), tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
    const metrics: Array<{ key: string; value: number | string; timestamp: number; step: number }> = [];
    const loss = rand();
    if (rand() < 0.9) metrics.push({ key: 'loss', value: rand() < 0.06 ? 'NaN' : rand() < 0.03 ? 'Infinity' : Math.round(loss * 1000) / 1000, timestamp: start, step: 1 });
    if (rand() < 0.7) metrics.push({ key: 'acc', value: Math.round(rand() * 100) / 100, timestamp: start, step: 3 });
    const params = [];
    if (rand() < 0.85) params.push({ key: 'lr', value: pick(['0.1', '0.01', '0.001', '1e-4']) });
    if (rand() < 0.7) params.push({ key: 'optimizer', value: pick(['adam', 'sgd', 'AdamW', 'adam_w']) });
    await t.ok('runs.logBatch', { runId: r.id, metrics, params });
    if (status !== 'RUNNING') await t.ok('runs.update', { id: r.id, patch: { status, endTime: start + Math.floor(rand() * 20 * HOUR) } });
    if (rand() < 0.1) await t.ok('runs.delete', { id: r.id });
    made.push(r.id);
  }
  runs = await Promise.all(made.map((id) => t.ok('runs.get', { id })));
}, 120_000);

afterAll(() => t?.cleanup());

// ---- the oracle -------------------------------------------------------------------------------
const likeRe = (pattern: string, flags: string) => new RegExp(`^${pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/%/g, '[\\s\\S]*').replace(/_/g, '[\\s\\S]')}$`, flags);
const ms = (iso: string | null) => (iso == null ? null : Date.parse(iso));
const metricOf = (r: RunDetail, k: string): number | null | 'missing' => {
  const v = r.metrics[k];
  if (v === undefined) return 'missing';
  if (v === 'NaN') return null;
  return v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v;
};
function attribute(r: RunDetail, key: string): string | number | null {
  const map: Record<string, string | number | null> = {
    run_id: r.id, run_name: r.name, status: r.status, user_id: r.userId, lifecycle_stage: r.lifecycleStage, hardware: r.hardwareId,
    start_time: ms(r.startTime), end_time: ms(r.endTime), devices: r.devices, hours: r.hours, cost: r.costCents, cost_usd: r.costUsdCents, energy_kwh: r.energyKwh, co2_kg: r.co2Kg,
  };
  return map[key] ?? null;
}
function compare(v: string | number, op: string, target: unknown): boolean {
  const w = target as string | number;
  switch (op) {
    case '=': return v === target;
    case '!=': return v !== target;
    case '<': return v < w;
    case '<=': return v <= w;
    case '>': return v > w;
    case '>=': return v >= w;
    case 'LIKE': return likeRe(String(target), '').test(String(v));
    case 'ILIKE': return likeRe(String(target), 'i').test(String(v));
    case 'IN': return (target as string[]).includes(String(v));
    case 'NOT IN': return !(target as string[]).includes(String(v));
  }
  throw new Error(op);
}
function matches(r: RunDetail, c: RunFilterClause): boolean {
  if (c.kind === 'metric') {
    const v = metricOf(r, c.key);
    return v !== 'missing' && v !== null && compare(v, c.op, c.value);
  }
  const v = c.kind === 'param' ? r.params[c.key] : c.kind === 'tag' ? r.tags[c.key] : attribute(r, c.key);
  if (v === undefined || v === null) return false;
  return compare(typeof v === 'number' ? v : String(v), c.op, typeof v === 'number' ? Number(c.value) : c.value);
}
function orderValue(r: RunDetail, o: RunOrder): { rank: number; v: string | number } {
  if (o.kind === 'metric') {
    const v = metricOf(r, o.key);
    return v === 'missing' ? { rank: 2, v: 0 } : v === null ? { rank: 1, v: 0 } : { rank: 0, v };
  }
  const v = o.kind === 'param' ? r.params[o.key] : o.kind === 'tag' ? r.tags[o.key] : attribute(r, o.key);
  return v === undefined || v === null ? { rank: 1, v: 0 } : { rank: 0, v };
}
function oracle(q: { scope: 'project' | 'experiments'; view: 'active' | 'deleted' | 'all'; filter: RunFilterClause[]; orderBy: RunOrder[] }): string[] {
  const cmp = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);
  return runs
    .filter((r) => q.view === 'all' || r.lifecycleStage === q.view)
    .filter((r) => q.filter.every((c) => matches(r, c)))
    .sort((a, b) => {
      for (const o of q.orderBy) {
        const x = orderValue(a, o);
        const y = orderValue(b, o);
        if (x.rank !== y.rank) return x.rank - y.rank;
        const c = cmp(x.v, y.v) * (o.ascending ? 1 : -1);
        if (c !== 0) return c;
      }
      if (!q.orderBy.some((o) => o.kind === 'attribute' && o.key === 'start_time')) {
        const c = (ms(b.startTime) ?? 0) - (ms(a.startTime) ?? 0);
        if (c !== 0) return c;
      }
      return cmp(a.id, b.id);
    })
    .map((r) => r.id);
}

function randomClause(): RunFilterClause {
  const kind = pick(['metric', 'param', 'tag', 'attribute', 'attribute'] as const);
  if (kind === 'metric') return { kind, key: pick(['loss', 'acc', 'missing']), op: pick(NUM_OPS), value: pick([0.25, 0.5, 0.75, 0.3]) };
  if (kind === 'param' || kind === 'tag') {
    const key = kind === 'param' ? pick(['lr', 'optimizer']) : pick(['team', 'tally.hardware']);
    const vals = kind === 'param' ? ['0.1', '0.01', 'adam', 'AdamW', 'sgd'] : ['vision', 'nlp', 'Vision', 'h100-sxm', 'l4'];
    const op = pick(TEXT_OPS);
    const value = op === 'IN' || op === 'NOT IN' ? [pick(vals), pick(vals)] : op === 'LIKE' || op === 'ILIKE' ? pick(['%a%', 'adam%', 'V%', '_lp', '0.0%', '%1']) : pick(vals);
    return { kind, key, op, value };
  }
  const key = pick(['status', 'run_name', 'user_id', 'hardware', 'start_time', 'end_time', 'cost', 'hours', 'devices', 'energy_kwh', 'co2_kg', 'cost_usd']);
  if (['status', 'run_name', 'user_id', 'hardware'].includes(key)) {
    const op = pick(TEXT_OPS);
    const vals = key === 'status' ? ['FINISHED', 'RUNNING', 'FAILED'] : key === 'hardware' ? ['h100-sxm', 'l4'] : ['ana', 'bo', 'Run-3'];
    const value = op === 'IN' || op === 'NOT IN' ? [pick(vals), pick(vals)] : op === 'LIKE' || op === 'ILIKE' ? pick(['%un%', 'BERT%', 'run_1%', '%S%']) : pick(vals);
    return { kind: 'attribute', key, op, value };
  }
  const value = key === 'start_time' || key === 'end_time' ? T0 + Math.floor(rand() * 50) * HOUR + 1 : key === 'cost' || key === 'cost_usd' ? pick([1000, 10000, 50000]) : pick([1, 3, 10, 30]);
  return { kind: 'attribute', key, op: pick(NUM_OPS), value };
}
function randomOrder(): RunOrder {
  const kind = pick(['metric', 'param', 'tag', 'attribute'] as const);
  const key = kind === 'metric' ? pick(['loss', 'acc']) : kind === 'param' ? pick(['lr', 'optimizer']) : kind === 'tag' ? 'team' : pick(['cost', 'start_time', 'run_name', 'hours', 'energy_kwh', 'status', 'end_time']);
  return { kind, key, ascending: rand() < 0.5 };
}

describe('runs.list against a brute-force oracle', () => {
  it('has a varied population to search', () => {
    expect(runs).toHaveLength(240);
    expect(runs.filter((r) => r.metrics.loss === 'NaN').length).toBeGreaterThan(3);
    expect(runs.filter((r) => r.status === 'RUNNING' && r.costCents != null).length).toBeGreaterThan(3);
    expect(runs.filter((r) => r.lifecycleStage === 'deleted').length).toBeGreaterThan(5);
    expect(NOW).toBe('2026-11-30T09:00:00.000Z');
  });

  it('matches the oracle on 300 random filters and orders', async () => {
    let nonEmpty = 0;
    for (let i = 0; i < 300; i++) {
      const filter = Array.from({ length: Math.floor(rand() * 3) }, randomClause);
      const orderBy = Array.from({ length: Math.floor(rand() * 3) }, randomOrder);
      const view = pick(['active', 'active', 'deleted', 'all'] as const);
      const scope = pick(['project', 'experiments'] as const);
      const query = { ...(scope === 'project' ? { projectId } : { experimentIds }), filter, orderBy, view, maxResults: 1000, columns: { params: [], tags: [], metrics: [] } };
      const got = await t.ok('runs.list', query);
      const want = oracle({ scope, view, filter, orderBy });
      expect(got.runs.map((r) => r.id), JSON.stringify({ filter, orderBy, view })).toEqual(want);
      expect(got.total).toBe(want.length);
      if (want.length > 0) nonEmpty++;
    }
    expect(nonEmpty).toBeGreaterThan(100);
  });

  it('pages through the same order the oracle gives', async () => {
    for (let i = 0; i < 10; i++) {
      const filter = Array.from({ length: Math.floor(rand() * 2) }, randomClause);
      const orderBy = [randomOrder()];
      const want = oracle({ scope: 'project', view: 'all', filter, orderBy });
      const got: string[] = [];
      let pageToken: string | undefined;
      let pages = 0;
      do {
        const page = await t.ok('runs.list', { projectId, filter, orderBy, view: 'all', maxResults: 17, ...(pageToken ? { pageToken } : {}) });
        got.push(...page.runs.map((r) => r.id));
        pageToken = page.nextPageToken ?? undefined;
        pages++;
      } while (pageToken);
      expect(got).toEqual(want);
      expect(pages).toBe(Math.max(1, Math.ceil(want.length / 17)));
    }
  });

  it('still counts the matches when a page token points past the end', async () => {
    const e = await t.experiment(projectId, 'shrinking');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await t.run(e.id, { hours: 1 })).id);
    const first = await t.ok('runs.list', { experimentIds: [e.id], maxResults: 2 });
    expect(first.nextPageToken).not.toBeNull();
    await t.ok('runs.delete', { id: ids[0]! });
    await t.ok('runs.delete', { id: ids[1]! });
    const past = await t.ok('runs.list', { experimentIds: [e.id], maxResults: 2, pageToken: first.nextPageToken });
    expect(past).toEqual({ runs: [], nextPageToken: null, total: 1 });
  });

  it('returns the chosen columns and refuses text operators on numbers', async () => {
    const page = await t.ok('runs.list', { projectId, maxResults: 5, columns: { params: ['lr'], tags: [], metrics: ['loss'] } });
    for (const r of page.runs) {
      expect(Object.keys(r.params).every((k) => k === 'lr')).toBe(true);
      expect(r.tags).toEqual({});
      expect(Object.keys(r.metrics).every((k) => k === 'loss')).toBe(true);
    }
    const bad = await t.err('runs.list', { projectId, filter: [{ kind: 'attribute', key: 'cost', op: 'LIKE', value: '1%' }] });
    expect(bad).toMatchObject({ code: 'INVALID_INPUT', message: 'filter.0: cost is a number; LIKE compares text' });
  });
});
