import { describe, expect, it } from 'vitest';
import { plannedText, reforecastText, verdictText, hoursText } from './plan-texts';

const cost = { measure: 'cost' as const, planned: 66_667, plannedRange: { p10: 60_000, p90: 80_000 }, actual: 20_000, ratio: 0.3, verdict: 'under' as const };

describe('planned vs actual texts', () => {
  it('writes the planned figure with its range and the verdict with its size', () => {
    expect(plannedText(cost, 'USD')).toBe('$667 ($600–$800)');
    expect(plannedText({ ...cost, planned: null, plannedRange: null }, 'USD')).toBe('not planned');
    expect(verdictText(cost)).toEqual({ text: 'under plan (−70%)', tone: 'ok' });
    expect(verdictText({ ...cost, verdict: 'over', ratio: 1.25 })).toEqual({ text: 'over plan (+25%)', tone: 'error' });
    expect(verdictText({ ...cost, verdict: null })).toEqual({ text: '–', tone: null });
    expect([hoursText(0.5), hoursText(66.667), hoursText(1234.4)]).toEqual(['0.50', '66.7', '1,234']);
  });

  it('writes the re-forecast total with its likely range and its share of the plan', () => {
    const plan = { replan: { reforecast: { totalCostCents: { p10: 25_000, p50: 30_000, p90: 38_000 }, vsPlan: 0.3 } } } as unknown as Parameters<typeof reforecastText>[0];
    expect(reforecastText(plan, 'EUR')).toBe('€300 (likely €250–€380), 30% of the plan');
  });
});
