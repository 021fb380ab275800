import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetAlerts } from './alerts';
import { budgetStatus } from './budget-status';
import { forecastMonthEnd, forecastRunout } from './forecast';
import { dayNumber, isoDay } from './spend-dates';
import type { ProjectBudget, RunningRun, SpendItem } from './spend-types';

const item = (date: string, amountCents: number): SpendItem => ({ date, amountCents, category: 'api', source: 'bill' });
const eur: ProjectBudget = { currency: 'EUR', budgetCents: 100_000, monthlyCapCents: null, startDate: '2026-01-01', endDate: null };
const alertsFor = (budget: ProjectBudget, items: SpendItem[], today: string, running: RunningRun[] = []) => {
  const status = budgetStatus({ budget, items, running, today });
  const runout = forecastRunout({ budget, items, today, committedCents: status.committed.totalCents });
  return budgetAlerts({ projectId: 'p1', status, runout, monthEnd: forecastMonthEnd({ budget, items, today }) });
};

describe('budgetAlerts', () => {
  it('warns at 80% of the total budget with the figures in one sentence', () => {
    const a = alertsFor(eur, [item('2026-01-05', 81_200)], '2026-01-20');
    expect(a).toEqual([{ id: 'p1:budget-80:100000', kind: 'budget-80', severity: 'warning', message: 'You have spent €812 of your €1,000 budget (81%).', amountCents: 81_200, limitCents: 100_000, share: 0.812 }]);
  });

  it('only the higher threshold shows, and 100% says by how much', () => {
    const a = alertsFor(eur, [item('2026-01-05', 105_000)], '2026-01-20');
    expect(a.map((x) => [x.id, x.severity, x.message])).toEqual([['p1:budget-100:100000', 'error', 'You have spent €1,050 of your €1,000 budget (105%), €50 over.']]);
  });

  it('exactly at a threshold counts; just under does not', () => {
    expect(alertsFor(eur, [item('2026-01-05', 80_000)], '2026-01-20').map((x) => x.message)).toEqual(['You have spent €800 of your €1,000 budget (80%).']);
    expect(alertsFor(eur, [item('2026-01-05', 79_999)], '2026-01-20')).toEqual([]);
    expect(alertsFor(eur, [item('2026-01-05', 100_000)], '2026-01-20').map((x) => x.message)).toEqual(['You have spent €1,000 of your €1,000 budget (100%).']);
  });

  it('the monthly cap, per month', () => {
    const budget = { ...eur, budgetCents: null, monthlyCapCents: 50_000 };
    const items = [item('2026-03-28', 45_000), item('2026-04-29', 41_000)];
    const april = alertsFor(budget, items, '2026-04-30');
    expect(april.map((x) => [x.id, x.message])).toEqual([['p1:month-80:2026-04:50000', 'You have spent €410 of your €500 monthly cap for April 2026 (82%).']]);
    const over = alertsFor(budget, [item('2026-04-02', 61_000)], '2026-04-20');
    expect(over[0]?.message).toBe('You have spent €610 of your €500 monthly cap for April 2026 (122%), €110 over.');
    expect(over[0]?.severity).toBe('error');
  });

  it('warns when the rate runs the budget out before the project ends', () => {
    // 30 days of €10 against €1,000: runs out on 10 April (forecast.test.ts), before 30 June.
    const items = Array.from({ length: 30 }, (_, i) => item(isoDay(dayNumber('2026-01-01') + i), 1_000));
    const a = alertsFor({ ...eur, endDate: '2026-06-30' }, items, '2026-01-30');
    expect(a.map((x) => [x.id, x.kind, x.message])).toEqual([['p1:runout-before-end:100000:2026-06-30', 'runout-before-end', 'At this rate the budget runs out on 10 April 2026, before the project ends on 30 June 2026.']]);
    expect(alertsFor({ ...eur, endDate: '2026-04-01' }, items, '2026-01-30')).toEqual([]);
  });

  it('warns when running runs will take the project over budget', () => {
    const run: RunningRun = { runId: 'r', startedAt: '2026-01-19T00:00:00Z', costSoFarCents: 20_000, ratePerHourCents: 1_000, plannedHours: 40 };
    const a = alertsFor(eur, [item('2026-01-05', 70_000)], '2026-01-20', [run]);
    // €700 spent + €200 so far + 40 h × €10 - €200 to finish = €1,100.
    expect(a.map((x) => x.message)).toEqual(['With running runs and scheduled entries, €1,100 of your €1,000 budget is spent or committed (110%).']);
  });

  it('warns when the month will end over the cap', () => {
    const budget = { ...eur, budgetCents: null, monthlyCapCents: 50_000, startDate: '2026-04-01' };
    const items = Array.from({ length: 10 }, (_, i) => item(isoDay(dayNumber('2026-04-01') + i), 2_000));
    const a = alertsFor(budget, items, '2026-04-10');
    // €200 by the 10th, 20 days left at €20: €600 against a €500 cap.
    expect(a.map((x) => [x.id, x.message])).toEqual([['p1:month-end-over-cap:2026-04:50000', 'At this rate you will spend €600 in April 2026, over your €500 monthly cap.']]);
  });

  it('ids are stable across calls and within a crossing, and change with the limit or the month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 80_000, max: 99_999 }), fc.integer({ min: 80_000, max: 99_999 }), (a, b) => {
        const first = alertsFor(eur, [item('2026-01-05', a)], '2026-01-20');
        expect(alertsFor(eur, [item('2026-01-05', a)], '2026-01-20')).toEqual(first);
        expect(alertsFor(eur, [item('2026-01-05', b)], '2026-01-20').map((x) => x.id)).toEqual(first.map((x) => x.id));
      }),
      { seed: 29, numRuns: 50 },
    );
    // €400 by 20 January at €20 a day: €620 by the month's end, over either cap.
    const id = (budget: ProjectBudget, items: SpendItem[], today: string) => alertsFor(budget, items, today).map((x) => x.id);
    const capped = { ...eur, budgetCents: null, monthlyCapCents: 45_000 };
    expect(id(capped, [item('2026-01-05', 40_000)], '2026-01-20')).toEqual(['p1:month-80:2026-01:45000', 'p1:month-end-over-cap:2026-01:45000']);
    expect(id({ ...capped, monthlyCapCents: 48_000 }, [item('2026-01-05', 40_000)], '2026-01-20')).toEqual(['p1:month-80:2026-01:48000', 'p1:month-end-over-cap:2026-01:48000']);
    expect(id(capped, [item('2026-02-05', 40_000)], '2026-02-27')[0]).toBe('p1:month-80:2026-02:45000');
  });

  it('nothing to say without limits', () => {
    expect(alertsFor({ ...eur, budgetCents: null }, [item('2026-01-05', 10_000_000)], '2026-01-20')).toEqual([]);
  });
});
