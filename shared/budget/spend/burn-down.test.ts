import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burnDown, type BurnDown, type BurnDownSeriesId } from './burn-down';
import { isoDay } from './spend-dates';
import type { PlanScenario, ProjectBudget, SpendItem } from './spend-types';

const item = (date: string, amountCents: number): SpendItem => ({ date, amountCents, category: 'compute', source: 'manual' });
const ys = (b: BurnDown, id: BurnDownSeriesId) => b.series.find((s) => s.id === id)?.data.map((p) => p.y);
const training: PlanScenario = { id: 's1', name: 'Fine-tune', kind: 'training', p10CostCents: 5_000, p50CostCents: 8_000, p90CostCents: 12_000 };
const memory: PlanScenario = { id: 's2', name: 'Memory check', kind: 'memory', p10CostCents: null, p50CostCents: null, p90CostCents: null };
const tenDays: ProjectBudget = { currency: 'USD', budgetCents: 10_000, monthlyCapCents: 6_000, startDate: '2026-01-01', endDate: '2026-01-10' };

describe('burnDown', () => {
  it('builds actual, plan band and cap lines on a ten-day project', () => {
    const b = burnDown({ budget: tenDays, items: [item('2026-01-01', 1_000), item('2026-01-03', 500), item('2026-01-05', -200), item('2026-01-07', 999)], scenarios: [training, memory], today: '2026-01-05' });
    expect(b.stepDays).toBe(1);
    expect(b.series.map((s) => s.id)).toEqual(['actual', 'plan', 'plan-p10', 'plan-p90', 'budget', 'monthly-cap']);
    // Cumulative to today only; the 01-07 entry is in the future.
    expect(b.series[0]?.data).toEqual([
      { x: '2026-01-01', y: 1_000 },
      { x: '2026-01-02', y: 1_000 },
      { x: '2026-01-03', y: 1_500 },
      { x: '2026-01-04', y: 1_500 },
      { x: '2026-01-05', y: 1_300 },
    ]);
    // 8,000 spread over 10 days: 800 a day, reaching the total on the last day.
    expect(ys(b, 'plan')).toEqual([800, 1_600, 2_400, 3_200, 4_000, 4_800, 5_600, 6_400, 7_200, 8_000]);
    expect(ys(b, 'plan-p10')?.at(-1)).toBe(5_000);
    expect(ys(b, 'plan-p90')?.[4]).toBe(6_000);
    expect(ys(b, 'budget')).toEqual(new Array(10).fill(10_000));
    expect(ys(b, 'monthly-cap')).toEqual(new Array(10).fill(6_000));
    expect(b.planTotal).toEqual({ p10Cents: 5_000, p50Cents: 8_000, p90Cents: 12_000 });
    expect(b.scenariosLeftOut).toEqual([{ id: 's2', name: 'Memory check', reason: 'a memory plan has no total cost' }]);
  });

  it('steps the monthly-cap line up in each calendar month begun', () => {
    const b = burnDown({ budget: { ...tenDays, startDate: '2026-01-30', endDate: '2026-02-02' }, items: [], today: '2026-01-30' });
    expect(ys(b, 'monthly-cap')).toEqual([6_000, 6_000, 12_000, 12_000]);
  });

  it('thins a two-year project to weekly points whose values stay exact', () => {
    const items = Array.from({ length: 500 }, (_, i) => item(isoDay(20_454 + ((i * 37) % 600)), 100 + (i % 13) * 10 - (i % 7 === 0 ? 300 : 0)));
    const budget = { ...tenDays, endDate: '2027-12-31' };
    const thin = burnDown({ budget, items, scenarios: [training], today: '2027-08-15' });
    const full = burnDown({ budget, items, scenarios: [training], today: '2027-08-15', maxPoints: 10_000 });
    // 730 days > 180: step 7 · ceil(730 / 1260) = 7.
    expect(thin.stepDays).toBe(7);
    expect(full.stepDays).toBe(1);
    for (const id of ['actual', 'plan', 'monthly-cap'] as const) {
      const dense = new Map(full.series.find((s) => s.id === id)?.data.map((p) => [p.x, p.y]));
      const points = thin.series.find((s) => s.id === id)?.data ?? [];
      expect(points.length).toBeLessThanOrEqual(107);
      for (const p of points) expect(p.y).toBe(dense.get(p.x));
    }
    const actual = thin.series[0]?.data ?? [];
    expect(actual.at(-1)).toEqual({ x: '2027-08-15', y: items.filter((i) => i.date <= '2027-08-15').reduce((s, i) => s + i.amountCents, 0) });
    expect(ys(thin, 'plan')?.at(-1)).toBe(8_000);
  });

  it('a ten-year project steps by three weeks', () => {
    const b = burnDown({ budget: { ...tenDays, endDate: '2035-12-31' }, items: [], today: '2026-01-01' });
    // 3,652 days: 7 · ceil(3652 / 1260) = 21.
    expect(b.stepDays).toBe(21);
    expect(b.series[0]?.data.length).toBeLessThanOrEqual(180);
  });

  it('without an end date there is no plan line and it says why; early entries land on day one', () => {
    const b = burnDown({ budget: { ...tenDays, endDate: null }, items: [item('2025-12-20', 700), item('2026-01-02', 100)], scenarios: [training], today: '2026-01-03' });
    expect(b.series.map((s) => s.id)).toEqual(['actual', 'budget', 'monthly-cap']);
    expect(ys(b, 'actual')).toEqual([700, 800, 800]);
    expect(b.assumptions.join(' ')).toMatch(/needs an end date/);
    expect(b.assumptions.join(' ')).toMatch(/1 entry dated before 1 January 2026 is counted on the first day/);
  });

  it('refuses a scenario in another currency', () => {
    expect(() => burnDown({ budget: tenDays, items: [], scenarios: [{ ...training, currency: 'EUR' }], today: '2026-01-01' })).toThrow(/scenarios\[0\]\.currency is EUR but the project counts in USD/);
  });

  it('the plan line never decreases and ends at the P50 total; P10 <= P50 <= P90 at every point', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2_000 }), fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e8 }), fc.integer({ min: 0, max: 1e8 }), (days, a, b, c) => {
        const [p10, p50, p90] = [a, b, c].sort((x, y) => x - y) as [number, number, number];
        const r = burnDown({ budget: { ...tenDays, endDate: isoDay(20_454 + days - 1) }, items: [], scenarios: [{ ...training, p10CostCents: p10, p50CostCents: p50, p90CostCents: p90 }], today: '2026-01-01' });
        const plan = ys(r, 'plan') as number[];
        const lo = ys(r, 'plan-p10') as number[];
        const hi = ys(r, 'plan-p90') as number[];
        plan.forEach((y, i) => {
          if (i > 0) expect(y).toBeGreaterThanOrEqual(plan[i - 1] as number);
          expect(lo[i]).toBeLessThanOrEqual(y);
          expect(hi[i]).toBeGreaterThanOrEqual(y);
        });
        expect(plan.at(-1)).toBe(p50);
      }),
      { seed: 5, numRuns: 100 },
    );
  });
});
