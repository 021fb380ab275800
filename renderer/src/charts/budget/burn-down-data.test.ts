import { describe, expect, it } from 'vitest';
import { capCut, chartSeries, dayTicks, legendOf, tickLabel, type BurnDown } from './burn-down-data';

const bd = (ids: BurnDown['series'][number]['id'][]): BurnDown => ({
  currency: 'USD', from: '2026-11-01', to: '2026-12-31', stepDays: 1, planTotal: null, scenariosLeftOut: [], method: '', assumptions: [],
  series: ids.map((id) => ({ id, data: [] })),
});

describe('burn-down chart shaping', () => {
  it('names each line in plain words, with the plan band after the plan', () => {
    expect(legendOf(bd(['actual', 'plan', 'plan-p10', 'plan-p90', 'budget', 'monthly-cap'])).map((l) => l.label)).toEqual(['Spent so far', 'Plan (P50)', 'Plan range (P10-P90)', 'Total budget', 'Monthly caps, month by month']);
    expect(legendOf(bd(['actual', 'budget'])).map((l) => l.id)).toEqual(['actual', 'budget']);
    const certain = { ...bd(['actual', 'plan', 'plan-p10', 'plan-p90']), planTotal: { p10Cents: 40_000, p50Cents: 40_000, p90Cents: 40_000 } };
    expect(legendOf(certain).map((l) => l.id)).toEqual(['actual', 'plan']);
  });

  it('ticks weekly on short projects, monthly on longer ones, quarterly on long ones', () => {
    expect(dayTicks('2026-11-01', '2026-11-30')).toEqual(['2026-11-01', '2026-11-08', '2026-11-15', '2026-11-22', '2026-11-29']);
    expect(dayTicks('2026-11-15', '2027-03-10')).toEqual(['2026-12-01', '2027-01-01', '2027-02-01', '2027-03-01']);
    expect(dayTicks('2026-01-01', '2028-01-01')).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01', '2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01', '2028-01-01']);
    expect([tickLabel('2026-11-08', false), tickLabel('2027-01-01', true)]).toEqual(['8 Nov', 'Jan 2027']);
  });

  it('stops the month-by-month cap line where it passes the total budget', () => {
    const days = ['2026-11-01', '2026-11-30', '2026-12-01', '2026-12-31'];
    const b: BurnDown = { ...bd([]), series: [
      { id: 'budget', data: days.map((x) => ({ x, y: 150_000 })) },
      { id: 'monthly-cap', data: days.map((x, i) => ({ x, y: i < 2 ? 100_000 : 200_000 })) },
    ] };
    expect(chartSeries(b).find((s) => s.id === 'monthly-cap')!.data.map((p) => p.x)).toEqual(['2026-11-01', '2026-11-30']);
    expect(capCut(b)).toBe(true);
    expect(capCut({ ...b, series: b.series.slice(1) })).toBe(false);
  });
});
