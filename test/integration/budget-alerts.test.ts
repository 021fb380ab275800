import { afterEach, describe, expect, it } from 'vitest';
import { budgetBackend, type BudgetBackend } from './budget-support';

/**
 * Alerts at 80% and 100% of the total budget and the monthly cap, a short history's widened
 * forecast range, and a EUR project that cannot count USD costs until it has a USD rate.
 */
describe('budget alerts, short histories and currencies', () => {
  let t: BudgetBackend;
  afterEach(() => t?.cleanup());

  it('warns at 80% and errs at 100% of the budget, not at 79%, with one stable id per crossing', async () => {
    t = budgetBackend();
    // No end date and judged on the month's last day, so no run-out or month-end forecast warns.
    const p = await t.project('Thresholds', { budgetCents: 100_000 });
    const on = { projectId: p.id, today: '2026-11-30' };
    await t.entry(p.id, '2026-11-10', 79_000);
    let r = await t.ok('budget.status', on);
    expect([r.status.shareSpent, r.alerts, r.capExceeded]).toEqual([0.79, [], false]);

    await t.entry(p.id, '2026-11-11', 1_000);
    r = await t.ok('budget.status', on);
    expect(r.alerts).toEqual([{ id: `${p.id}:budget-80:100000`, kind: 'budget-80', severity: 'warning', message: 'You have spent $800 of your $1,000 budget (80%).', amountCents: 80_000, limitCents: 100_000, share: 0.8 }]);
    expect(r.capExceeded).toBe(false);
    // The same crossing keeps its id when more is spent short of the next threshold.
    await t.entry(p.id, '2026-11-12', 5_000);
    expect((await t.ok('budget.status', on)).alerts.map((a) => a.id)).toEqual([`${p.id}:budget-80:100000`]);

    await t.entry(p.id, '2026-11-13', 15_000);
    r = await t.ok('budget.status', on);
    expect(r.alerts).toEqual([{ id: `${p.id}:budget-100:100000`, kind: 'budget-100', severity: 'error', message: 'You have spent $1,000 of your $1,000 budget (100%).', amountCents: 100_000, limitCents: 100_000, share: 1 }]);
    expect(r.capExceeded).toBe(true);
  });

  it('warns at 80% and errs at 100% of this month\'s cap; last month\'s spend does not count', async () => {
    t = budgetBackend();
    const p = await t.project('Monthly', { budgetCents: 1_000_000, monthlyCapCents: 100_000 });
    const on = { projectId: p.id, today: '2026-11-30' };
    await t.entry(p.id, '2026-10-31', 90_000);
    await t.entry(p.id, '2026-11-05', 79_000);
    expect((await t.ok('budget.status', on)).alerts).toEqual([]);
    await t.entry(p.id, '2026-11-06', 1_000);
    let r = await t.ok('budget.status', on);
    expect(r.alerts.map((a) => [a.id, a.severity, a.message])).toEqual([[`${p.id}:month-80:2026-11:100000`, 'warning', 'You have spent $800 of your $1,000 monthly cap for November 2026 (80%).']]);
    await t.entry(p.id, '2026-11-07', 25_000);
    r = await t.ok('budget.status', on);
    expect(r.alerts.map((a) => [a.id, a.severity, a.message])).toEqual([[`${p.id}:month-100:2026-11:100000`, 'error', 'You have spent $1,050 of your $1,000 monthly cap for November 2026 (105%), $50 over.']]);
    expect(r.capExceeded).toBe(true);

    // budget.alerts gathers every project's alerts (archived projects and projects without limits are skipped).
    await t.project('No limits');
    const all = await t.ok('budget.alerts', { today: '2026-11-30' });
    expect(all).toEqual({ today: '2026-11-30', alerts: [expect.objectContaining({ projectId: p.id, projectName: 'Monthly', kind: 'month-100' })] });
    await t.ok('projects.archive', { id: p.id });
    expect((await t.ok('budget.alerts', {})).alerts).toEqual([]);
  });

  it('widens a short history\'s range to half and double the rate', async () => {
    t = budgetBackend();
    // Four days of $100 (17-20 November): $100 a day, at least $50-$200 by rule with under 7 days.
    const p = await t.project('Short', { budgetCents: 100_000, startDate: '2026-11-17' });
    for (const d of ['2026-11-17', '2026-11-18', '2026-11-19', '2026-11-20']) await t.entry(p.id, d, 10_000, 'compute');
    const r = await t.ok('budget.status', { projectId: p.id });
    // $600 left: 6 days at $100 (26 Nov), 3 at $200 (23 Nov), 12 at $50 (2 Dec).
    expect(r.runout).toMatchObject({ status: 'runs-out', date: '2026-11-26', range: { earliest: '2026-11-23', latest: '2026-12-02' }, rate: { perDayCents: 10_000, lowPerDayCents: 5_000, highPerDayCents: 20_000, days: 4, widened: true } });
    expect(r.runout.assumptions).toContain('Only 4 days of history: the range is at least half to double the rate (Tally judgement), not a statistical interval.');
  });

  it('a EUR project without a USD rate lists the runs and entries it could not count, then counts them once it has one', async () => {
    t = budgetBackend();
    const p = await t.project('Euro', { currency: 'USD', budgetCents: 500_000, startDate: '2026-11-01', endDate: '2026-12-31' });
    const gbp = await t.entry(p.id, '2026-11-03', 10_000, 'api', { currency: 'GBP', fxRate: 1.25, description: 'UK API' });
    // Moving the project to EUR leaves the GBP entry without a known rate.
    await t.ok('projects.update', { id: p.id, patch: { currency: 'EUR' } });
    await t.entry(p.id, '2026-11-04', 20_000, 'storage');
    const e = await t.experiment(p.id, 'eu-runs');
    const run = await t.run(e.id, 'priced-in-usd', '2026-11-10T00:00:00Z', '2026-11-10T10:00:00Z');
    await t.scenario(p.id, 'USD plan', 100);

    let r = await t.ok('budget.status', { projectId: p.id });
    expect(r.currency).toBe('EUR');
    expect(r.status.spentCents).toBe(20_000);
    expect(r.notCounted.runs).toEqual([{ runId: run.id, runName: 'priced-in-usd', experimentName: 'eu-runs', status: 'FINISHED', reason: expect.stringMatching(/no exchange rate from US dollars/) }]);
    expect(r.notCounted.entries).toEqual([{ id: gbp.id, date: '2026-11-03', amountCents: 10_000, currency: 'GBP', description: 'UK API', reason: 'it is in GBP and no rate into EUR is known' }]);
    expect(r.notCounted.message).toBe('Not counted: 1 run with an unknown cost and 1 ledger entry in a currency with no rate into EUR. The figures leave them out rather than guess.');
    expect(r.burnDown.planTotal).toBeNull();
    expect(r.burnDown.scenariosLeftOut).toEqual([{ id: expect.any(String), name: 'USD plan', reason: 'its cost is in USD and the project counts in EUR without a USD exchange rate; set the rate to compare' }]);

    await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.9, usdRateAsOf: '2026-11-15' } });
    r = await t.ok('budget.status', { projectId: p.id });
    // 10 h x $10 x 0.9 = EUR 90; the plan's $1,000 is EUR 900.
    expect(r.status.spentCents).toBe(20_000 + 9_000);
    expect(r.notCounted.runs).toEqual([]);
    expect(r.notCounted.entries).toHaveLength(1);
    expect(r.burnDown.scenariosLeftOut).toEqual([]);
    expect(r.burnDown.planTotal).toEqual({ p10Cents: 90_000, p50Cents: 90_000, p90Cents: 90_000 });
  });
});
