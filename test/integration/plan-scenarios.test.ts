import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Output, ProcedureName } from '../../shared/contract';
import type { AppEvent } from '../../shared/contract/events';
import { dispatchErr, dispatchOk } from '../support/dispatch';
import { testBackend } from '../support/temp';

const TRAINING = { hardware: 'a100-80gb', gpuHours: 1000, pricePerGpuHourUsd: { p10: 1.5, p50: 2, p90: 4 } };

describe('scenarios: saved estimates in a project', () => {
  let t: ReturnType<typeof testBackend>;
  afterEach(() => t?.cleanup());

  const ok = <N extends ProcedureName>(name: N, input: unknown): Promise<Output<N>> => dispatchOk(t.backend, name, input);
  const err = (name: ProcedureName, input: unknown) => dispatchErr(t.backend, name, input);

  it('creates a training scenario, runs the estimate and stores P50/P90 cost in whole cents', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'LLM fine-tune' });
    const s = await ok('scenarios.create', { projectId: p.id, name: '1000 A100 hours', kind: 'training', input: TRAINING });
    expect(s).toMatchObject({ projectId: p.id, name: '1000 A100 hours', notes: '', kind: 'training', input: TRAINING, createdAt: '2026-11-30T09:00:00.000Z' });
    if (s.kind !== 'training') throw new Error('kind');
    // Cost = 1000 GPU-h x price: the only uncertain cost input is the price, so its P50/P90 are $2,000 and $4,000.
    expect(Math.abs(s.result.range.p50.costUsd / 2000 - 1)).toBeLessThan(0.01); // Monte Carlo median of 10,000 draws
    expect(s.p50CostCents).toBe(Math.round(s.result.range.p50.costUsd * 100));
    expect(s.p90CostCents).toBe(Math.round(s.result.range.p90.costUsd * 100));
    expect(Math.abs((s.p90CostCents as number) / 400_000 - 1)).toBeLessThan(0.01);
    expect(Number.isInteger(s.p50CostCents)).toBe(true);
    expect(await ok('scenarios.get', { id: s.id })).toEqual(s);
  });

  it('keeps a result the wizard sends, and gives kinds without a total cost no cents', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'Serving' });
    const memory = await ok('estimate.memory', { params: 7e9, mode: 'inference' });
    const s = await ok('scenarios.create', { projectId: p.id, name: 'Fits?', kind: 'memory', input: { params: 7e9, mode: 'inference' }, result: memory });
    expect(s).toMatchObject({ kind: 'memory', result: { totalGb: 16.8 }, p50CostCents: null, p90CostCents: null }); // 14 GB weights + 20%
    const refused = await err('scenarios.setAsBudget', { id: s.id, level: 'p50' });
    expect(refused.message).toMatch(/^A memory plan has no total cost/);
    // The device the owner asked about is kept with the plan, so it reopens on it.
    const onDevice = await ok('scenarios.create', { projectId: p.id, name: 'On my 3090', kind: 'memory', input: { params: 7e9, mode: 'inference', hardware: 'rtx-3090' } });
    expect(onDevice).toMatchObject({ kind: 'memory', input: { hardware: 'rtx-3090' }, result: { totalGb: 16.8 } });
    expect((await ok('scenarios.get', { id: onDevice.id })).input).toEqual({ params: 7e9, mode: 'inference', hardware: 'rtx-3090' });
  });

  it('lists, renames, re-estimates, duplicates and deletes', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'P' });
    const a = await ok('scenarios.create', { projectId: p.id, name: 'A', kind: 'training', input: TRAINING });
    const renamed = await ok('scenarios.update', { id: a.id, patch: { name: ' A, renamed ', notes: 'cheapest' } });
    expect(renamed).toMatchObject({ name: 'A, renamed', notes: 'cheapest', p50CostCents: a.p50CostCents });
    const doubled = await ok('scenarios.update', { id: a.id, patch: { estimate: { kind: 'training', input: { ...TRAINING, gpuHours: 2000 } } } });
    expect(Math.abs((doubled.p50CostCents as number) / (2 * (a.p50CostCents as number)) - 1)).toBeLessThan(0.01);
    const wrongKind = await err('scenarios.update', { id: a.id, patch: { estimate: { kind: 'optimal', input: { flops: 1e23 } } } });
    expect(wrongKind.message).toBe('Kind: this scenario is a training estimate; save a optimal estimate as a new scenario');

    const copy = await ok('scenarios.duplicate', { id: a.id });
    expect(copy).toMatchObject({ name: 'A, renamed (copy)', input: doubled.input, result: doubled.result, p50CostCents: doubled.p50CostCents });
    expect(copy.id).not.toBe(a.id);
    const named = await ok('scenarios.duplicate', { id: a.id, name: 'B' });
    expect((await ok('scenarios.list', { projectId: p.id })).map((s) => s.name)).toEqual(['A, renamed', 'A, renamed (copy)', 'B']);

    expect(await ok('scenarios.delete', { id: named.id })).toEqual({ id: named.id });
    expect((await err('scenarios.get', { id: named.id })).code).toBe('NOT_FOUND');
    expect((await err('scenarios.delete', { id: named.id })).code).toBe('NOT_FOUND');
    expect((await err('scenarios.create', { projectId: 'no-such-project', name: 'X', kind: 'optimal', input: { flops: 1e23 } })).code).toBe('NOT_FOUND');
  });

  it('sets the P90 cost as the budget of a USD project and tells every window', async () => {
    t = testBackend();
    const events: AppEvent[] = [];
    t.backend.subscribe((e) => events.push(e));
    const p = await ok('projects.create', { name: 'P' });
    const s = await ok('scenarios.create', { projectId: p.id, name: 'A', kind: 'training', input: TRAINING });
    const r = await ok('scenarios.setAsBudget', { id: s.id, level: 'p90' });
    expect(r.budgetCents).toBe(s.p90CostCents);
    expect(r.project.budgetCents).toBe(s.p90CostCents);
    expect((await ok('projects.get', { id: p.id })).budgetCents).toBe(s.p90CostCents);
    expect(events.filter((e) => e.type === 'projects.changed').map((e) => e.payload)).toEqual([
      { id: p.id, change: 'created' },
      { id: p.id, change: 'updated' },
    ]);
  });

  it('refuses to mix currencies silently: a EUR project needs its rate, then converts the plan\'s dollars once', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'Euro', currency: 'EUR' });
    const s = await ok('scenarios.create', { projectId: p.id, name: 'A', kind: 'training', input: TRAINING });
    expect(s.money).toMatchObject({ currency: 'EUR', totalCents: null, summary: null });
    const refused = await err('scenarios.setAsBudget', { id: s.id, level: 'p50' });
    expect(refused.code).toBe('INVALID_INPUT');
    expect(refused.message).toBe('This plan\'s cost is in US dollars and "Euro" counts in EUR without an exchange rate; set how many EUR one US dollar buys on the project\'s Budget page, then set the budget again.');
    expect(refused.message).not.toMatch(/usdToProjectCurrency|usdRate/);
    expect((await ok('projects.get', { id: p.id })).budgetCents).toBeNull();
    await ok('projects.update', { id: p.id, patch: { usdRate: 0.92, usdRateAsOf: '2026-11-30' } });
    const r = await ok('scenarios.setAsBudget', { id: s.id, level: 'p50' });
    if (s.kind !== 'training') throw new Error('a training scenario');
    // From the estimate's own dollars, rounded once (not from its USD cents).
    expect(r.budgetCents).toBe(Math.round(s.result.range.p50.costUsd * 100 * 0.92));
    expect(r.scenario.money.totalCents?.p50).toBe(r.budgetCents);
    expect(r.scenario.money.rateNote).toBe('at 0.92 EUR per US dollar of 2026-11-30');
  });

  it('keeps the currency and rate its prices were typed at: through a rate change and a rename; a new estimate takes today\'s', async () => {
    t = testBackend();
    const shop = await ok('projects.create', { name: 'Corner shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' });
    const typed = { ...TRAINING, pricePerGpuHourUsd: 2.3 / 0.92 };
    const s = await ok('scenarios.create', { projectId: shop.id, name: 'Typed in euros', kind: 'training', input: typed });
    expect(s.pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.92 });
    await ok('projects.update', { id: shop.id, patch: { usdRate: 0.95, usdRateAsOf: '2026-12-05' } });
    expect((await ok('scenarios.get', { id: s.id })).pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.92 });
    expect((await ok('scenarios.update', { id: s.id, patch: { name: 'Renamed' } })).pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.92 });
    expect((await ok('scenarios.duplicate', { id: s.id })).pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.92 });
    const again = await ok('scenarios.update', { id: s.id, patch: { estimate: { kind: 'training', input: { ...TRAINING, pricePerGpuHourUsd: 2.3 / 0.95 } } } });
    expect(again.pricesTypedAt).toEqual({ currency: 'EUR', usdRate: 0.95 });
    // A USD project's prices are dollars (rate 1); a project in another currency without a rate has none.
    const usd = await ok('projects.create', { name: 'Dollars' });
    expect((await ok('scenarios.create', { projectId: usd.id, name: 'In dollars', kind: 'training', input: TRAINING })).pricesTypedAt).toEqual({ currency: 'USD', usdRate: 1 });
    const pounds = await ok('projects.create', { name: 'Pounds', currency: 'GBP' });
    expect((await ok('scenarios.create', { projectId: pounds.id, name: 'No rate yet', kind: 'training', input: TRAINING })).pricesTypedAt).toEqual({ currency: 'GBP', usdRate: null });
  });

  it('stores a deployment scenario with the recommended option total over the months', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'Chat' });
    const workload = { requestsPerDay: 1000, inputTokensPerRequest: 500, outputTokensPerRequest: 200, months: 12, dataSensitivity: 'public', options: { api: { inputUsdPerMTok: 1, outputUsdPerMTok: 2 } } };
    const s = await ok('scenarios.create', { projectId: p.id, name: 'API only', kind: 'deployment', input: { workload } });
    // (500 x $1 + 200 x $2) / 1e6 = $0.0009 a request; x 1000/day x 730/24 days x 12 months = $328.50.
    expect(s.p50CostCents).toBe(32850);
    expect(s.p90CostCents).toBe(32850);
  });

  it('is counted in the project and removed with it (ON DELETE CASCADE)', async () => {
    t = testBackend();
    const p = await ok('projects.create', { name: 'Doomed' });
    await ok('scenarios.create', { projectId: p.id, name: 'A', kind: 'optimal', input: { flops: 1e23 } });
    await ok('scenarios.create', { projectId: p.id, name: 'B', kind: 'optimal', input: { params: 7e9 } });
    expect((await ok('projects.get', { id: p.id })).contents).toContainEqual({ kind: 'scenarios', label: 'scenarios', count: 2 });
    const removed = await ok('projects.delete', { id: p.id });
    expect(removed.removed).toContainEqual({ kind: 'scenarios', label: 'scenarios', count: 2 });
    const db = new Database(join(t.dir, 'tally.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM scenarios').get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});
