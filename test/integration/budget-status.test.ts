import { afterEach, describe, expect, it } from 'vitest';
import { budgetBackend, type BudgetBackend } from './budget-support';

/**
 * budget.status on fixed data, through the dispatcher on a real SQLite file. Today is
 * 2026-11-20 (the backend clock, noon UTC). The main project: budget $4,000, monthly cap $3,000,
 * 1 November to 31 December 2026.
 *
 * - ledger: $1,000 API on 2 Nov, $200 storage on 10 Nov, $500 dated 25 Nov (scheduled);
 * - runs at $10/h: 10 h on 5 Nov ($100); 10 h from 14 Nov 20:00 to 15 Nov 06:00 ($100: $40 on
 *   the 14th, $60 on the 15th); one running since 08:00 today ($40 so far); one with no
 *   hardware (cost unknown).
 *
 * By hand: spent = 1,000 + 200 + 100 + 100 = $1,400; committed = $40 + $500 = $540;
 * remaining = 4,000 - 1,400 - 540 = $2,060. Burn rate: 14 Nov back to 1 Nov is the history, so
 * the window is 20 days: $1,400 / 20 = $70 a day. Run-out = today + ceil(2,060 / 70) = today +
 * 30 days = 20 December. The range comes from the bootstrap of those 20 days; an independent
 * Python re-implementation (oracles/burn_rate_bootstrap.py: mulberry32 seeded 20220329, 2,000 resamples, linear-interpolated
 * P10/P90) gives $14.00 and $127.00 a day, so earliest = today + ceil(2,060 / 127) = 17 days
 * (7 December) and latest = today + ceil(2,060 / 14) = 148 days (17 April 2027).
 */
describe('budget.status on fixed data', () => {
  let t: BudgetBackend;
  afterEach(() => t?.cleanup());

  async function mainProject() {
    t = budgetBackend();
    const p = await t.project('Vision', { budgetCents: 400_000, monthlyCapCents: 300_000, startDate: '2026-11-01', endDate: '2026-12-31' });
    await t.entry(p.id, '2026-11-02', 100_000, 'api', { description: 'OpenAI' });
    await t.entry(p.id, '2026-11-10', 20_000, 'storage');
    await t.entry(p.id, '2026-11-25', 50_000, 'other', { description: 'labelling prepaid' });
    const e = await t.experiment(p.id, 'sweep');
    const r1 = await t.run(e.id, 'day-run', '2026-11-05T10:00:00Z', '2026-11-05T20:00:00Z');
    const r2 = await t.run(e.id, 'overnight', '2026-11-14T20:00:00Z', '2026-11-15T06:00:00Z');
    const r3 = await t.run(e.id, 'running', '2026-11-20T08:00:00Z', null);
    const r4 = await t.run(e.id, 'no-hardware', '2026-11-18T08:00:00Z', '2026-11-18T09:00:00Z', {});
    return { p, e, runs: [r1, r2, r3, r4] };
  }

  it('spent, committed, remaining, this month, by category and by experiment', async () => {
    const { p, e } = await mainProject();
    const r = await t.ok('budget.status', { projectId: p.id });
    expect(r).toMatchObject({ projectId: p.id, projectName: 'Vision', currency: 'USD', today: '2026-11-20', capExceeded: false });
    expect(r.status).toMatchObject({ budgetCents: 400_000, spentCents: 140_000, remainingCents: 206_000, shareSpent: 0.35 });
    expect(r.status.committed).toEqual({ runningSoFarCents: 4_000, toFinishCents: 0, scheduledCents: 50_000, totalCents: 54_000, runningRuns: 1, runsWithoutPlannedDuration: 1 });
    // The running run's cost so far is the one the ledger and the runs table show at the same clock.
    expect((await t.ok('ledger.list', { projectId: p.id })).runs.filter((x) => x.running).map((x) => x.costCents)).toEqual([4_000]);
    expect(r.status.month).toMatchObject({ month: '2026-11', spentCents: 140_000, capCents: 300_000, remainingCents: 160_000 });
    expect(r.status.byCategory.map((c) => [c.category, c.spentCents])).toEqual([['compute', 20_000], ['api', 100_000], ['storage', 20_000], ['labelling', 0], ['other', 0]]);
    expect(r.status.byExperiment).toEqual([
      { experimentId: null, name: 'Not in an experiment', spentCents: 120_000, committedCents: 50_000 },
      { experimentId: e.id, name: 'sweep', spentCents: 20_000, committedCents: 4_000 },
    ]);
    expect(r.assumptions[0]).toBe("Each finished run's cost is spread over the UTC days it ran, in proportion to its hours on each day (1 run spans more than one day); a run is not booked all on the day it started.");
  });

  it('books a run that spans midnight on both days, in proportion to its hours', async () => {
    const { p } = await mainProject();
    const r = await t.ok('budget.status', { projectId: p.id });
    const actual = new Map(r.burnDown.series.find((s) => s.id === 'actual')!.data.map((d) => [d.x, d.y]));
    // Cumulative: $1,000 (2 Nov) + $100 (5 Nov) + $200 (10 Nov), then $40 on the 14th and $60 on the 15th.
    expect([actual.get('2026-11-13'), actual.get('2026-11-14'), actual.get('2026-11-15'), actual.get('2026-11-20')]).toEqual([130_000, 134_000, 140_000, 140_000]);
    expect(actual.has('2026-11-21')).toBe(false);
  });

  it('forecasts the run-out day with its range, the month end and the alert', async () => {
    const { p } = await mainProject();
    const r = await t.ok('budget.status', { projectId: p.id });
    expect(r.runout).toMatchObject({ status: 'runs-out', date: '2026-12-20', range: { earliest: '2026-12-07', latest: '2027-04-17' }, remainingCents: 206_000 });
    expect(r.runout.rate).toMatchObject({ perDayCents: 7_000, lowPerDayCents: 1_400, highPerDayCents: 12_700, from: '2026-11-01', to: '2026-11-20', days: 20, daysWithSpend: 5, widened: false });
    expect(r.runout.message).toBe('At this rate ($70 a day over the last 20 days) the $4,000 budget runs out on 20 December 2026 (between 7 December 2026 and 17 April 2027).');
    // Month end: $1,400 + 10 days left x $70 = $2,100 (at $14 and $127 a day: $1,540 to $2,670), under the $3,000 cap.
    expect(r.monthEnd).toMatchObject({ status: 'under', month: '2026-11', spentCents: 140_000, cents: 210_000, lowCents: 154_000, highCents: 267_000 });
    expect(r.alerts).toEqual([
      { id: `${p.id}:runout-before-end:400000:2026-12-31`, kind: 'runout-before-end', severity: 'warning', message: 'At this rate the budget runs out on 20 December 2026 (between 7 December 2026 and 17 April 2027), before the project ends on 31 December 2026.', amountCents: 140_000, limitCents: 400_000, share: 0.35 },
    ]);
  });

  it('draws the burn-down against the plan of the linked scenario and the caps', async () => {
    const { p, e } = await mainProject();
    const s = await t.scenario(p.id, '100 H100 hours', 100);
    await t.ok('experiments.update', { id: e.id, patch: { scenarioId: s.id } });
    const r = await t.ok('budget.status', { projectId: p.id });
    expect(r.burnDown).toMatchObject({ from: '2026-11-01', to: '2026-12-31', stepDays: 1, planTotal: { p10Cents: 100_000, p50Cents: 100_000, p90Cents: 100_000 }, scenariosLeftOut: [] });
    const series = new Map(r.burnDown.series.map((x) => [x.id, new Map(x.data.map((d) => [d.x, d.y]))]));
    expect([...series.keys()]).toEqual(['actual', 'plan', 'plan-p10', 'plan-p90', 'budget', 'monthly-cap']);
    // The plan spread evenly over the 61 days: by 20 November, 20/61 of $1,000 = $327.87.
    expect(series.get('plan')!.get('2026-11-20')).toBe(32_787);
    expect(series.get('plan')!.get('2026-12-31')).toBe(100_000);
    expect(series.get('budget')!.get('2026-12-31')).toBe(400_000);
    expect([series.get('monthly-cap')!.get('2026-11-30'), series.get('monthly-cap')!.get('2026-12-01')]).toEqual([300_000, 600_000]);
    expect(r.assumptions).toContain('The plan line is made of the scenarios runs or experiments are linked to (100 H100 hours).');
  });

  it('names what it could not count: a run of unknown cost', async () => {
    const { p, runs } = await mainProject();
    const r = await t.ok('budget.status', { projectId: p.id });
    expect(r.notCounted.runs).toEqual([{ runId: runs[3]!.id, runName: 'no-hardware', experimentName: 'sweep', status: 'FINISHED', reason: expect.stringMatching(/hardware/i) }]);
    expect(r.notCounted.entries).toEqual([]);
    expect(r.notCounted.message).toBe('Not counted: 1 run with an unknown cost. The figures leave it out rather than guess.');
  });

  it('judges another day when asked, and refuses a project that does not exist', async () => {
    const { p } = await mainProject();
    // Judged on 4 November only the API bill is spent; what is dated later (the $200 and $500
    // entries, the two runs' $200) counts as scheduled, the running run as running.
    const early = await t.ok('budget.status', { projectId: p.id, today: '2026-11-04' });
    expect(early.status).toMatchObject({ spentCents: 100_000, committed: { scheduledCents: 90_000, runningSoFarCents: 4_000 } });
    expect((await t.err('budget.status', { projectId: 'nope' })).code).toBe('NOT_FOUND');
    expect((await t.err('budget.status', { projectId: p.id, today: '2026-11-31' })).code).toBe('INVALID_INPUT');
  });
});
