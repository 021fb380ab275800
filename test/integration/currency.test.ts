import { userInfo } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/backend/create-backend';
import { openDatabase } from '../../electron/backend/db/connection';
import { migrations } from '../../electron/backend/db/migrations';
import type { Workload } from '../../shared/contract/estimate';
import { catalogP50, runCents } from '../support/catalog-price';
import { dispatchOk } from '../support/dispatch';
import { tempDir } from '../support/temp';
import { HOUR, NOW, T0, trackBackend, type TrackBackend } from './track-support';

/**
 * One currency end to end, through the real backend and SQLite: a shop that counts in euros sets
 * its exchange rate once, saves a cloud plan with a monthly budget in euros, edits it, and sees
 * the plan and its runs in euros, each converted once from the dollars they were priced in.
 */
const SHOP: Workload = {
  name: 'Write short texts',
  requestsPerDay: 400,
  inputTokensPerRequest: 300,
  outputTokensPerRequest: 250,
  months: 12,
  dataSensitivity: 'public',
  options: { api: { inputUsdPerMTok: 2.5, outputUsdPerMTok: 10 } },
} as Workload;
const ME = `${userInfo().username} (test)`;

describe('one currency, end to end', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  async function euroShop() {
    t = trackBackend();
    return t.ok('projects.create', { name: 'Shop', currency: 'EUR', budgetCents: 500_000, monthlyCapCents: 40_000, usdRate: 0.92 });
  }

  it('records the rate once per project with its day, who set it and when; a USD project is always 1', async () => {
    const p = await euroShop();
    expect(p).toMatchObject({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: NOW.slice(0, 10), usdRateSetBy: ME, usdRateSetAt: NOW });
    const edited = await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.9, usdRateAsOf: '2026-11-28' } });
    expect(edited).toMatchObject({ usdRate: 0.9, usdRateAsOf: '2026-11-28', usdRateSetBy: ME });
    // Renaming leaves the rate and its record alone.
    expect(await t.ok('projects.update', { id: p.id, patch: { name: 'Shop & Co' } })).toMatchObject({ usdRate: 0.9, usdRateAsOf: '2026-11-28', usdRateSetBy: ME });
    // A new currency without a new rate drops the old one: it was for euros.
    const pounds = await t.ok('projects.update', { id: p.id, patch: { currency: 'GBP', budgetCents: null, monthlyCapCents: null } });
    expect(pounds.usdRate).toBeUndefined();
    expect(pounds.usdRateSetBy).toBeUndefined();

    const usd = await t.ok('projects.create', { name: 'Dollars' });
    expect(usd.usdRate).toBe(1);
    const refused = await t.err('projects.update', { id: usd.id, patch: { usdRate: 0.5 } });
    expect(refused).toMatchObject({ code: 'INVALID_INPUT', message: 'A project in US dollars needs no exchange rate (one dollar is one dollar); leave the rate empty' });
    expect((await t.ok('projects.update', { id: p.id, patch: { currency: 'USD' } })).usdRate).toBe(1);
  });

  it('saves a cloud plan with a monthly budget in euros, shows it converted, and keeps a changed budget when the plan is edited', async () => {
    const p = await euroShop();
    const result = await t.ok('estimate.compare', { workload: SHOP });
    const api = result.options.find((o) => o.option === 'api')!;
    // (300 x $2.50 + 250 x $10) per million tokens = $0.00325 a request; x 400 a day x 730/24 days.
    expect(api.monthlyCostUsd.p50).toBeCloseTo(0.00325 * 400 * (730 / 24), 9);
    const saved = await t.ok('scenarios.create', { projectId: p.id, name: 'Texts', kind: 'deployment', input: { workload: SHOP }, result, monthlyBudget: { cents: 30_000, currency: 'EUR' } });
    expect(saved.monthlyBudget).toEqual({ cents: 30_000, currency: 'EUR' });
    expect(saved.notes).toBe('');
    const monthly = Math.round(api.monthlyCostUsd.p50 * 100 * 0.92); // once, from the estimate's dollars
    expect(saved.money).toMatchObject({ currency: 'EUR', monthlyCents: { p50: monthly }, monthlyBudgetCents: 30_000, cap: { cents: 30_000, kind: 'plan-monthly' }, capStatus: 'within', rateNote: `at 0.92 EUR per US dollar of ${NOW.slice(0, 10)}` });
    // An estimate reads as the answer wrote it: whole euros from 10 on (€36.38 -> "€36").
    expect(monthly).toBe(3_638);
    expect(saved.money.summary).toBe('€36 a month, within your €300 monthly cap');
    // The stored totals stay in US cents, as the catalog prices them.
    expect(saved.p50CostCents).toBe(Math.round(api.totalCostUsd.p50 * 100));

    // Edited from the wizard: more requests and a new budget, both kept.
    const busier = { ...SHOP, requestsPerDay: 4000 } as Workload;
    const edited = await t.ok('scenarios.update', { id: saved.id, patch: { name: 'Texts', estimate: { kind: 'deployment', input: { workload: busier } }, monthlyBudget: { cents: 20_000, currency: 'EUR' } } });
    expect(edited.monthlyBudget).toEqual({ cents: 20_000, currency: 'EUR' });
    expect((await t.ok('scenarios.get', { id: saved.id })).monthlyBudget).toEqual({ cents: 20_000, currency: 'EUR' });
    const busyMonthly = Math.round(api.monthlyCostUsd.p50 * 10 * 100 * 0.92);
    expect(edited.money.monthlyCents?.p50).toBe(busyMonthly);
    expect(busyMonthly).toBe(36_378); // $395.42 x 0.92
    expect(edited.money.summary).toBe('€364 a month, €164 over your €200 monthly cap');
    // A patch that leaves the budget out keeps it; null removes it and the project's cap takes over.
    expect((await t.ok('scenarios.update', { id: saved.id, patch: { notes: 'x' } })).monthlyBudget).toEqual({ cents: 20_000, currency: 'EUR' });
    const cleared = await t.ok('scenarios.update', { id: saved.id, patch: { monthlyBudget: null } });
    expect(cleared.monthlyBudget).toBeNull();
    expect(cleared.money.cap).toEqual({ cents: 40_000, kind: 'project-monthly' });
    expect((await t.ok('scenarios.list', { projectId: p.id })).map((s) => s.money.summary)).toEqual([cleared.money.summary]);

    // A budget written in dollars is refused in a euro project, naming both currencies.
    const wrong = await t.err('scenarios.create', { projectId: p.id, name: 'X', kind: 'deployment', input: { workload: SHOP }, result, monthlyBudget: { cents: 30_000, currency: 'USD' } });
    expect(wrong).toMatchObject({ code: 'INVALID_INPUT', message: 'The monthly budget is in USD, but the project "Shop" counts in EUR; enter it in EUR.', issues: [{ path: 'monthlyBudget.currency' }] });

    // A new rate re-prices every plan on the next read; the stored dollars do not move.
    await t.ok('projects.update', { id: p.id, patch: { usdRate: 1.1, usdRateAsOf: '2026-12-01' } });
    const repriced = await t.ok('scenarios.get', { id: saved.id });
    expect(repriced.money.monthlyCents?.p50).toBe(Math.round(api.monthlyCostUsd.p50 * 10 * 100 * 1.1));
    expect(repriced.money.rateNote).toBe('at 1.1 EUR per US dollar of 2026-12-01');
    expect(repriced.p50CostCents).toBe(edited.p50CostCents);
  });

  it('shows run costs and the budget in euros, each run converted once, with the rate and its date', async () => {
    const p = await euroShop();
    const e = await t.ok('experiments.create', { projectId: p.id, name: 'fine-tune' });
    const run = await t.ok('runs.create', { experimentId: e.id, startTime: T0, tags: [{ key: 'tally.hardware', value: 'h100-sxm' }, { key: 'tally.devices', value: '8' }] });
    const done = await t.ok('runs.update', { id: run.id, patch: { status: 'FINISHED', endTime: T0 + 10 * HOUR } });
    const usd = catalogP50('h100-sxm');
    expect(done).toMatchObject({ currency: 'EUR', costCents: runCents(usd, 8, 10, 0.92), costUsdCents: runCents(usd, 8, 10) });
    const status = await t.ok('budget.status', { projectId: p.id, today: '2026-11-30' });
    expect(status.currency).toBe('EUR');
    expect(status.status.spentCents).toBe(runCents(usd, 8, 10, 0.92));
    expect(status.status.remainingCents).toBe(500_000 - runCents(usd, 8, 10, 0.92));
    expect(status.exchangeRate).toEqual({ currency: 'EUR', usdRate: 0.92, asOf: '2026-11-30', setBy: ME, setAt: NOW, sentence: `Run costs and plans priced in US dollars are converted at 0.92 EUR per US dollar of 2026-11-30 (set by ${ME} on 2026-11-30).` });
    const ledger = await t.ok('ledger.list', { projectId: p.id });
    expect(ledger.currency).toBe('EUR');
    expect(ledger.runs.map((r) => r.costCents)).toEqual([runCents(usd, 8, 10, 0.92)]);
    // A plan's budget from its P90: the plan's dollars at the project's rate, once.
    const s = await t.ok('scenarios.create', { projectId: p.id, name: 'Texts', kind: 'deployment', input: { workload: SHOP } });
    const b = await t.ok('scenarios.setAsBudget', { id: s.id, level: 'p90' });
    if (s.kind !== 'deployment') throw new Error('deployment');
    const best = s.result.options.find((o) => o.option === s.result.recommendation.option)!;
    expect(b.budgetCents).toBe(Math.round(best.totalCostUsd.p90 * 100 * 0.92));
    expect((await t.ok('projects.get', { id: p.id })).budgetCents).toBe(b.budgetCents);
  });
});

describe('upgrading a workspace to one currency per project', () => {
  let dir: ReturnType<typeof tempDir>;
  afterEach(() => dir?.cleanup());

  it('gives existing USD projects the rate 1, keeps other rates, and moves a cloud plan\'s budget out of its notes', async () => {
    dir = tempDir();
    const file = join(dir.dir, 'tally.db');
    const now = () => new Date(NOW);
    const v6 = openDatabase(file, { appVersion: 'test', now, migrations: migrations.filter((m) => m.version <= 6) });
    v6.db.exec(`INSERT INTO projects (id, name, currency, created_at, updated_at) VALUES ('usd', 'Old dollars', 'USD', '${NOW}', '${NOW}');
      INSERT INTO projects (id, name, currency, usd_rate, usd_rate_as_of, created_at, updated_at) VALUES ('eur', 'Old euros', 'EUR', 0.92, '2026-10-01', '${NOW}', '${NOW}');
      INSERT INTO projects (id, name, currency, created_at, updated_at) VALUES ('gbp', 'No rate', 'GBP', '${NOW}', '${NOW}');`);
    const result = await (async () => {
      const b = createBackend({ dataDir: tempDir().dir, host: 'test', clock: now, logger: { info: () => {}, warn: () => {}, error: () => {} } });
      try {
        return await dispatchOk(b, 'estimate.compare', { workload: SHOP });
      } finally {
        b.close();
      }
    })();
    const insert = v6.db.prepare(`INSERT INTO scenarios (id, project_id, name, notes, kind, input_json, result_json, p50_cost_cents, p90_cost_cents, created_at, updated_at) VALUES (?, 'eur', ?, ?, 'deployment', ?, ?, 1, 1, '${NOW}', '${NOW}')`);
    insert.run('s1', 'With budget', 'Monthly budget: $300', JSON.stringify({ workload: SHOP }), JSON.stringify(result));
    insert.run('s2', 'Other notes', 'Monthly budget: $300\nand a note', JSON.stringify({ workload: SHOP }), JSON.stringify(result));
    v6.db.close();

    const b = createBackend({ dataDir: dir.dir, host: 'test', clock: now, logger: { info: () => {}, warn: () => {}, error: () => {} }, validateOutput: true });
    try {
      expect(await dispatchOk(b, 'projects.get', { id: 'usd' })).toMatchObject({ currency: 'USD', usdRate: 1 });
      expect(await dispatchOk(b, 'projects.get', { id: 'eur' })).toMatchObject({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-10-01' });
      expect((await dispatchOk(b, 'projects.get', { id: 'eur' })).usdRateSetBy).toBeUndefined();
      expect((await dispatchOk(b, 'projects.get', { id: 'gbp' })).usdRate).toBeUndefined();
      const [moved, kept] = await dispatchOk(b, 'scenarios.list', { projectId: 'eur' });
      expect(moved).toMatchObject({ notes: '', monthlyBudget: { cents: 30_000, currency: 'USD' } });
      // The old budget was in dollars: converted once into the project's euros.
      expect(moved!.money.monthlyBudgetCents).toBe(27_600);
      expect(moved!.money.summary).toMatch(/^€[\d.]+ a month, within your €276 monthly cap$/);
      expect(kept).toMatchObject({ notes: 'Monthly budget: $300\nand a note', monthlyBudget: null });
    } finally {
      b.close();
    }
  });
});
