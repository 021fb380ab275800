import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budgetStatus } from './budget-status';
import { isoDay } from './spend-dates';
import { SPEND_CATEGORIES, SPEND_SOURCES, type ProjectBudget, type RunningRun, type SpendItem } from './spend-types';

// Entries over 2026 (day 20,454 is 2026-01-01), refunds included.
const arbSpendItem: fc.Arbitrary<SpendItem> = fc.record(
  {
    date: fc.integer({ min: 20_454, max: 20_454 + 364 }).map(isoDay),
    amountCents: fc.integer({ min: -50_000, max: 500_000 }),
    category: fc.constantFrom(...SPEND_CATEGORIES),
    source: fc.constantFrom(...SPEND_SOURCES),
    experimentId: fc.constantFrom('A', 'B', 'C'),
  },
  { requiredKeys: ['date', 'amountCents', 'category', 'source'] },
);

const project: ProjectBudget = { currency: 'EUR', budgetCents: 100_000, monthlyCapCents: 50_000, startDate: '2026-03-01', endDate: '2026-06-30' };

const items: SpendItem[] = [
  { date: '2026-03-05', amountCents: 30_000, category: 'compute', source: 'run', runId: 'r1', experimentId: 'A', experimentName: 'Sweep A' },
  { date: '2026-03-20', amountCents: 10_000, category: 'api', source: 'bill' },
  { date: '2026-04-02', amountCents: 5_000, category: 'storage', source: 'manual', experimentId: 'B', experimentName: 'Baseline B' },
  { date: '2026-04-10', amountCents: 20_000, category: 'compute', source: 'run', runId: 'r2', experimentId: 'A', experimentName: 'Sweep A' },
  { date: '2026-04-12', amountCents: -2_000, category: 'api', source: 'bill' },
  { date: '2026-04-20', amountCents: 8_000, category: 'labelling', source: 'manual' },
];

const running: RunningRun[] = [
  // Already in the ledger (r2 above): only its cost to finish is committed, 30 h × 1,000 - 20,000.
  { runId: 'r2', startedAt: '2026-04-10T08:00:00Z', costSoFarCents: 20_000, ratePerHourCents: 1_000, plannedHours: 30, experimentId: 'A', experimentName: 'Sweep A' },
  // Not in the ledger and no planned duration: its 4,000 so far is committed, nothing more.
  { runId: 'r3', startedAt: '2026-04-14T08:00:00Z', costSoFarCents: 4_000, ratePerHourCents: 500, experimentId: 'B', experimentName: 'Baseline B' },
];

describe('budgetStatus', () => {
  it('adds up spent, committed, remaining and this month on a worked example', () => {
    const s = budgetStatus({ budget: project, items, running, today: '2026-04-15' });
    // Spent: 30,000 + 10,000 + 5,000 + 20,000 - 2,000 = 63,000 (the 04-20 entry is in the future).
    expect(s.spentCents).toBe(63_000);
    // Committed: r3 so far 4,000 + r2 to finish 10,000 + the future-dated 8,000 = 22,000.
    expect(s.committed).toEqual({ runningSoFarCents: 4_000, toFinishCents: 10_000, scheduledCents: 8_000, totalCents: 22_000, runningRuns: 2, runsWithoutPlannedDuration: 1 });
    expect(s.remainingCents).toBe(15_000);
    expect(s.shareSpent).toBeCloseTo(0.63, 12);
    expect(s.shareSpentOrCommitted).toBeCloseTo(0.85, 12);
    // April: 5,000 + 20,000 - 2,000.
    expect(s.month).toEqual({ month: '2026-04', from: '2026-04-01', to: '2026-04-15', spentCents: 23_000, capCents: 50_000, remainingCents: 27_000, shareOfCap: 0.46 });
    expect(s.byCategory.map((c) => [c.category, c.spentCents])).toEqual([['compute', 50_000], ['api', 8_000], ['storage', 5_000], ['labelling', 0], ['other', 0]]);
    expect(s.byCategory[0]?.share).toBeCloseTo(50 / 63, 12);
    // A: 50,000 spent + 10,000 to finish; no experiment: 8,000 + 8,000 scheduled; B: 5,000 + 4,000.
    expect(s.byExperiment).toEqual([
      { experimentId: 'A', name: 'Sweep A', spentCents: 50_000, committedCents: 10_000 },
      { experimentId: null, name: 'Not in an experiment', spentCents: 8_000, committedCents: 8_000 },
      { experimentId: 'B', name: 'Baseline B', spentCents: 5_000, committedCents: 4_000 },
    ]);
    expect(s.assumptions.join(' ')).toMatch(/1 ledger entry dated after today \(€80\) count as committed/);
    expect(s.assumptions.join(' ')).toMatch(/1 of 2 running runs with a planned duration/);
  });

  it('a run past its planned duration commits nothing more to finish', () => {
    const s = budgetStatus({ budget: project, items: [], running: [{ runId: 'x', startedAt: '2026-04-01T00:00:00Z', costSoFarCents: 9_000, ratePerHourCents: 100, plannedHours: 10 }], today: '2026-04-15' });
    expect(s.committed.toFinishCents).toBe(0);
    expect(s.committed.runningSoFarCents).toBe(9_000);
  });

  it('without a budget or cap gives no remaining amount or share, and says why', () => {
    const s = budgetStatus({ budget: { ...project, budgetCents: null, monthlyCapCents: null }, items, today: '2026-04-15' });
    expect(s.remainingCents).toBeNull();
    expect(s.shareSpent).toBeNull();
    expect(s.month.capCents).toBeNull();
    expect(s.month.shareOfCap).toBeNull();
    expect(s.assumptions.join(' ')).toMatch(/no total budget/);
  });

  it('no spend at all: zeros, no category shares', () => {
    const s = budgetStatus({ budget: project, items: [], today: '2026-03-01' });
    expect(s.spentCents).toBe(0);
    expect(s.remainingCents).toBe(100_000);
    expect(s.byCategory.every((c) => c.share === null)).toBe(true);
    expect(s.byExperiment).toEqual([]);
  });

  it('names the bad field', () => {
    expect(() => budgetStatus({ budget: project, items: [{ ...(items[0] as SpendItem), amountCents: 12.5 }], today: '2026-04-15' })).toThrow(/items\[0\]\.amountCents must be a whole number of cents, got 12.5/);
    expect(() => budgetStatus({ budget: project, items, today: '2026-02-30' })).toThrow(/^Today: must be a calendar day/);
    expect(() => budgetStatus({ budget: project, items: [{ ...(items[0] as SpendItem), category: 'gpu' as never }], today: '2026-04-15' })).toThrow(/items\[0\]\.category must be one of compute/);
    expect(() => budgetStatus({ budget: project, items, running: [running[1] as RunningRun, running[1] as RunningRun], today: '2026-04-15' })).toThrow(/running\[1\]\.runId repeats run r3/);
  });

  it('spent never decreases when a positive entry is added, and equals the sum of entries up to today', () => {
    fc.assert(
      fc.property(fc.array(arbSpendItem, { maxLength: 40 }), arbSpendItem, (base, extra) => {
        const today = '2026-06-15';
        const before = budgetStatus({ budget: project, items: base, today });
        const added = { ...extra, amountCents: Math.abs(extra.amountCents) };
        const after = budgetStatus({ budget: project, items: [...base, added], today });
        expect(after.spentCents).toBeGreaterThanOrEqual(before.spentCents);
        expect(before.spentCents).toBe(base.filter((i) => i.date <= today).reduce((s, i) => s + i.amountCents, 0));
        expect(before.byCategory.reduce((s, c) => s + c.spentCents, 0)).toBe(before.spentCents);
        expect(before.byExperiment.reduce((s, e) => s + e.spentCents, 0)).toBe(before.spentCents);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
});
