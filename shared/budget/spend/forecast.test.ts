import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { forecastMonthEnd, forecastRunout } from './forecast';
import { dayNumber, isoDay } from './spend-dates';
import type { ProjectBudget, SpendItem } from './spend-types';

const item = (date: string, amountCents: number): SpendItem => ({ date, amountCents, category: 'compute', source: 'manual' });
const days = (from: string, n: number, cents: number) => Array.from({ length: n }, (_, i) => item(isoDay(dayNumber(from) + i), cents));
const usd: ProjectBudget = { currency: 'USD', budgetCents: 100_000, monthlyCapCents: null, startDate: '2026-01-01', endDate: null };

describe('forecastRunout: known answers', () => {
  it('30 days of $10 a day against $1,000 runs out on the 100th day', () => {
    // Day 0 is 1 January. By 30 January (day 29) $300 is spent; $700 is left at $10 a day, so
    // 70 more days: day 99 = 10 April, the day cumulative spend reaches $1,000 (the 100th day).
    // Every day in the 28-day window is $10, so every resample is $10 and the range is one day.
    const f = forecastRunout({ budget: usd, items: days('2026-01-01', 30, 1_000), today: '2026-01-30' });
    expect(f.status).toBe('runs-out');
    expect(f.date).toBe('2026-04-10');
    expect(dayNumber('2026-04-10') - dayNumber('2026-01-01')).toBe(99);
    expect(f.range).toEqual({ earliest: '2026-04-10', latest: '2026-04-10' });
    expect(f.rate).toMatchObject({ perDayCents: 1_000, lowPerDayCents: 1_000, highPerDayCents: 1_000, from: '2026-01-03', to: '2026-01-30', days: 28, daysWithSpend: 28, widened: false });
    expect(f.remainingCents).toBe(70_000);
    expect(f.message).toBe('At this rate ($10 a day over the last 28 days) the $1,000 budget runs out on 10 April 2026.');
    expect(f.method).toMatch(/bootstrap/);
  });

  it('a lumpy month: the bootstrap range matches a numpy oracle', () => {
    // February 2026: $20 on each of its 20 weekdays, plus a $300 bill on the 15th: $700 in 28
    // days, $25 a day. numpy (400,000 resamples of the 28 days, type-7 quantiles) gives the
    // resampled mean P10 = 1,357.1 and P90 = 3,714.3 cents a day, standard deviation 1,014.6.
    const feb = days('2026-02-01', 28, 0).map((it) => {
      const weekday = new Date(`${it.date}T00:00:00Z`).getUTCDay();
      return { ...it, amountCents: (weekday >= 1 && weekday <= 5 ? 2_000 : 0) + (it.date === '2026-02-15' ? 30_000 : 0) };
    });
    const f = forecastRunout({ budget: { ...usd, budgetCents: 200_000, startDate: '2026-02-01', endDate: '2026-06-30' }, items: feb, today: '2026-02-28' });
    const rate = f.rate as NonNullable<typeof f.rate>;
    expect(rate.perDayCents).toBe(2_500);
    expect(Math.abs(rate.lowPerDayCents - 1_357.1)).toBeLessThan(101);
    expect(Math.abs(rate.highPerDayCents - 3_714.3)).toBeLessThan(101);
    // $1,300 left at $25 a day: 52 days after 28 February.
    expect(f.date).toBe('2026-04-21');
    const after = (perDay: number) => isoDay(dayNumber('2026-02-28') + Math.ceil(130_000 / perDay - 1e-9));
    expect(f.range).toEqual({ earliest: after(rate.highPerDayCents), latest: after(rate.lowPerDayCents) });
    expect(f.status).toBe('runs-out');
    expect(f.message).toMatch(/^At this rate \(\$25 a day over the last 28 days\) the \$2,000 budget runs out on 21 April 2026 \(between \d+ (March|April) 2026 and \d+ (May|June) 2026\)\.$/);
  });
});

describe('forecastRunout: edge cases', () => {
  it('no spend yet, and no spend in the window', () => {
    expect(forecastRunout({ budget: { ...usd, startDate: null }, items: [], today: '2026-01-30' })).toMatchObject({ status: 'no-spend', date: null, rate: null, message: 'Nothing has been spent yet, so there is no rate to forecast from.' });
    const quiet = forecastRunout({ budget: usd, items: [item('2026-01-02', 500)], today: '2026-03-30' });
    expect(quiet.status).toBe('no-spend');
    expect(quiet.message).toMatch(/in the last 28 days/);
  });

  it('spend only today: one day of history, range half to double the rate, said in words', () => {
    const f = forecastRunout({ budget: { ...usd, startDate: null }, items: [item('2026-01-30', 5_000)], today: '2026-01-30' });
    // $950 left: 19 days at $50, 10 at $100, 38 at $25.
    expect(f.date).toBe('2026-02-18');
    expect(f.range).toEqual({ earliest: '2026-02-09', latest: '2026-03-09' });
    expect(f.rate?.widened).toBe(true);
    expect(f.assumptions.join(' ')).toMatch(/Only 1 day of history: the range is at least half to double the rate/);
  });

  it('refunds that outweigh spend: the budget does not run out at this rate', () => {
    const f = forecastRunout({ budget: usd, items: [item('2026-01-02', 5_000), item('2026-01-05', -6_000)], today: '2026-01-10' });
    expect(f.status).toBe('not-at-this-rate');
    expect(f.date).toBeNull();
    expect(f.range.latest).toBeNull();
    expect(f.message).toMatch(/does not run out: refunds match or beat the spend/);
  });

  it('a budget already exceeded names the day it ran out', () => {
    const f = forecastRunout({ budget: { ...usd, budgetCents: 10_000 }, items: [item('2026-01-01', 6_000), item('2026-01-03', 5_000), item('2026-01-04', 100)], today: '2026-01-05' });
    expect(f).toMatchObject({ status: 'exceeded', exceededOn: '2026-01-03', remainingCents: -1_100 });
    expect(f.message).toBe('The $100 budget ran out on 3 January 2026; $111 is spent or committed.');
    const committed = forecastRunout({ budget: { ...usd, budgetCents: 10_000 }, items: [item('2026-01-01', 6_000)], committedCents: 5_000, today: '2026-01-05' });
    expect(committed).toMatchObject({ status: 'exceeded', exceededOn: null, message: 'Spent and committed ($110) already exceed the $100 budget.' });
  });

  it('a rate so low that the budget outlasts the project', () => {
    const f = forecastRunout({ budget: { ...usd, endDate: '2026-03-31' }, items: days('2026-01-01', 30, 100), today: '2026-01-30' });
    // $30 spent; 60 days to 31 March at $1: $90 spent by the end, $910 left.
    expect(f.status).toBe('after-end');
    expect(f.atEnd).toEqual({ lowCents: 9_000, cents: 9_000, highCents: 9_000 });
    expect(f.message).toBe('At this rate ($1 a day over the last 28 days) the budget lasts beyond the project\'s end on 31 March 2026, with about $910 left.');
  });

  it('dates past 100 years are not given', () => {
    const f = forecastRunout({ budget: { ...usd, budgetCents: 1_000_000_000 }, items: days('2026-01-01', 28, 1), today: '2026-01-28' });
    expect(f).toMatchObject({ status: 'not-at-this-rate', date: null });
    expect(f.message).toMatch(/more than 100 years/);
  });

  it('no budget', () => {
    expect(forecastRunout({ budget: { ...usd, budgetCents: null }, items: [], today: '2026-01-01' }).status).toBe('no-budget');
  });
});

describe('forecastMonthEnd', () => {
  it('adds the rate for the days left in the month to what the month has spent', () => {
    // January: 30 days of $10 spent, one day left at $10: $310.
    const under = forecastMonthEnd({ budget: { ...usd, monthlyCapCents: 40_000 }, items: days('2026-01-01', 30, 1_000), today: '2026-01-30' });
    expect(under).toMatchObject({ status: 'under', month: '2026-01', spentCents: 30_000, cents: 31_000, lowCents: 31_000, highCents: 31_000 });
    expect(under.message).toBe('At this rate you will spend $310 in January 2026, within your $400 monthly cap.');
    const over = forecastMonthEnd({ budget: { ...usd, monthlyCapCents: 30_500 }, items: days('2026-01-01', 30, 1_000), today: '2026-01-30' });
    expect(over.message).toBe('At this rate you will spend $310 in January 2026, over your $305 monthly cap.');
    const already = forecastMonthEnd({ budget: { ...usd, monthlyCapCents: 20_000 }, items: days('2026-01-01', 30, 1_000), today: '2026-01-30' });
    expect(already.status).toBe('already-over');
  });

  it('writes a range only when it varies', () => {
    const f = forecastMonthEnd({ budget: { ...usd, startDate: null, monthlyCapCents: 100_000 }, items: [item('2026-01-10', 5_000)], today: '2026-01-10' });
    // $50 today; 21 days left at $25 / $50 / $100 a day.
    expect([f.lowCents, f.cents, f.highCents]).toEqual([57_500, 110_000, 215_000]);
    expect(f.status).toBe('over');
    expect(f.message).toBe('At this rate you will spend about $1,100 ($575–$2,150) in January 2026, over your $1,000 monthly cap.');
  });
});

describe('forecast properties', () => {
  const arbLedger = fc.array(
    fc.record({ day: fc.integer({ min: 0, max: 89 }), cents: fc.integer({ min: -20_000, max: 100_000 }) }).map(({ day, cents }) => item(isoDay(dayNumber('2026-01-01') + day), cents)),
    { maxLength: 60 },
  );
  const budget = { ...usd, budgetCents: 2_000_000, endDate: '2026-12-31' };

  it('the range contains the point estimate, and the same input gives the same answer', () => {
    fc.assert(
      fc.property(arbLedger, fc.integer({ min: 0, max: 89 }), (items, t) => {
        const today = isoDay(dayNumber('2026-01-01') + t);
        const f = forecastRunout({ budget, items, today, resamples: 300 });
        if (f.rate) expect(f.rate.lowPerDayCents <= f.rate.perDayCents && f.rate.perDayCents <= f.rate.highPerDayCents).toBe(true);
        if (f.date !== null) {
          expect(f.range.earliest !== null && f.range.earliest <= f.date).toBe(true);
          expect(f.range.latest === null || f.date <= f.range.latest).toBe(true);
        }
        const m = forecastMonthEnd({ budget, items, today, resamples: 300 });
        expect(m.lowCents <= m.cents && m.cents <= m.highCents).toBe(true);
        expect(forecastRunout({ budget, items, today, resamples: 300 })).toEqual(f);
      }),
      { seed: 17, numRuns: 150 },
    );
  });

  it('spending more today never makes the budget last longer', () => {
    fc.assert(
      fc.property(arbLedger, fc.integer({ min: 1, max: 500_000 }), (items, extra) => {
        const today = '2026-03-31';
        const before = forecastRunout({ budget, items, today, resamples: 300 });
        const after = forecastRunout({ budget, items: [...items, item(today, extra)], today, resamples: 300 });
        if (before.status === 'runs-out' && after.date !== null) expect(after.date <= (before.date as string)).toBe(true);
        if (before.status === 'exceeded') expect(after.status).toBe('exceeded');
      }),
      { seed: 23, numRuns: 150 },
    );
  });
});

describe('forecastRunout: a range that straddles the end date', () => {
  it('says when the fast end of the range runs out before the project ends', () => {
    // One day of history ($50): $950 left lasts 19 days at $50, 10 at $100 (the doubled rate).
    // The project ends in 15 days: beyond the end at the recent rate, before it at the fast one.
    const f = forecastRunout({ budget: { ...usd, startDate: null, endDate: '2026-02-14' }, items: [item('2026-01-30', 5_000)], today: '2026-01-30' });
    expect(f.status).toBe('after-end');
    expect(f.range.earliest).toBe('2026-02-09');
    expect(f.message).toBe('At this rate ($50 a day, from today\'s spend alone) the budget lasts beyond the project\'s end on 14 February 2026, with about $200 left, though at the fastest likely rate it runs out on 9 February 2026.');
  });
});
