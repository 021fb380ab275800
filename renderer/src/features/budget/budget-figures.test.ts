import { describe, expect, it } from 'vitest';
import { gaugeParts, gaugeWords, monthWords, type Status } from './budget-figures';

function status(over: Partial<Status> & { committedCents?: number } = {}): Status {
  const committed = over.committedCents ?? 54_000;
  return {
    currency: 'USD',
    today: '2026-11-20',
    budgetCents: 400_000,
    spentCents: 140_000,
    committed: { runningSoFarCents: 4_000, toFinishCents: 0, scheduledCents: committed - 4_000, totalCents: committed, runningRuns: 1, runsWithoutPlannedDuration: 1 },
    remainingCents: 400_000 - 140_000 - committed,
    shareSpent: 0.35,
    shareSpentOrCommitted: (140_000 + committed) / 400_000,
    month: { month: '2026-11', from: '2026-11-01', to: '2026-11-20', spentCents: 140_000, capCents: 300_000, remainingCents: 160_000, shareOfCap: 140_000 / 300_000 },
    byCategory: [],
    byExperiment: [],
    method: '',
    assumptions: [],
    ...over,
  };
}

describe('the budget gauge', () => {
  it('splits the bar into spent, committed and remaining shares of the budget', () => {
    expect(gaugeParts(status())).toEqual({ spent: 0.35, committed: 0.135, remaining: 0.515, over: 0, budgetAt: 1, warnAt: 0.8 });
  });

  it('stretches the bar past the budget line when spent and committed pass it', () => {
    const p = gaugeParts(status({ spentCents: 380_000, committedCents: 120_000, remainingCents: -100_000 }))!;
    // Bar = $5,000: spent 76%, committed up to the budget 4%, 20% over; the budget line at 80%.
    expect([p.spent, p.committed, p.remaining, p.over, p.budgetAt, p.warnAt].map((x) => Math.round(x * 1000) / 1000)).toEqual([0.76, 0.04, 0, 0.2, 0.8, 0.64]);
  });

  it('has no gauge without a budget', () => {
    expect(gaugeParts(status({ budgetCents: null }))).toBeNull();
  });

  it('says what the figures mean in plain words', () => {
    expect(gaugeWords(status())).toEqual([
      'You have spent $1,400 of your $4,000 budget (35%).',
      'Committed but not yet spent: $40 by a running run so far and $500 in entries dated after today.',
      '$2,060 is left to spend.',
    ]);
    expect(gaugeWords(status({ committedCents: 0, committed: { runningSoFarCents: 0, toFinishCents: 0, scheduledCents: 0, totalCents: 0, runningRuns: 0, runsWithoutPlannedDuration: 0 }, remainingCents: -10_000 }))).toEqual([
      'You have spent $1,400 of your $4,000 budget (35%).',
      'Nothing else is committed: no run is running and no entry is dated later.',
      'Spent and committed money is $100 over the budget.',
    ]);
    expect(monthWords(status())).toBe('$1,400 of the $3,000 monthly cap spent this month (46%).');
  });
});
