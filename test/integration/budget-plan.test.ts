import { afterEach, describe, expect, it } from 'vitest';
import { budgetBackend, type BudgetBackend } from './budget-support';

/**
 * Planned vs actual per Plan scenario (budget.plan) and metric per money (budget.pareto), on a
 * real SQLite file. Runs cost $10 per hour on one H100 (1,000 cents an hour).
 */
describe('planned vs actual and metric per money', () => {
  let t: BudgetBackend;
  afterEach(() => t?.cleanup());

  /** A $1,000 plan of 100 H100-hours, carried out by an experiment with two 10-hour runs, one running and one unpriced. */
  async function plannedProject() {
    t = budgetBackend();
    const p = await t.project('Plan vs actual', { budgetCents: 500_000 });
    const s = await t.scenario(p.id, '100 H100 hours', 100);
    const spare = await t.scenario(p.id, 'Bigger model', 400);
    const e = await t.experiment(p.id, 'fine-tune');
    await t.ok('experiments.update', { id: e.id, patch: { scenarioId: s.id } });
    await t.run(e.id, 'a', '2026-11-02T00:00:00Z', '2026-11-02T10:00:00Z');
    await t.run(e.id, 'b', '2026-11-03T00:00:00Z', '2026-11-03T10:00:00Z');
    await t.run(e.id, 'still going', '2026-11-20T10:00:00Z', null);
    const unpriced = await t.run(e.id, 'no hardware', '2026-11-04T00:00:00Z', '2026-11-04T01:00:00Z', {});
    return { p, s, spare, e, unpriced };
  }

  it('compares the estimate with what the finished runs cost and took, and re-forecasts the rest', async () => {
    const { p, s, spare, e, unpriced } = await plannedProject();
    const plan = await t.ok('budget.plan', { projectId: p.id });
    expect(plan.notLinked).toEqual([{ id: spare.id, name: 'Bigger model', kind: 'training' }]);
    expect(plan.scenarios).toHaveLength(1);
    const sp = plan.scenarios[0]!;
    // By default the plan covers the 3 runs linked so far (2 finished, 1 running): 2/3 of it is done.
    expect(sp).toMatchObject({ scenarioId: s.id, experiments: [{ id: e.id, name: 'fine-tune' }], finishedRuns: 2, runningRuns: 1, plannedUnits: 3, plannedUnitsFrom: 'linked-runs', costNote: null });
    expect(sp.runsLeftOut).toEqual([{ runId: unpriced.id, runName: 'no hardware', reason: expect.stringMatching(/hardware/i) }]);
    const byMeasure = Object.fromEntries(sp.replan.comparisons.map((c) => [c.measure, c]));
    // Planned for 2/3 of the work: $666.67 and 66.7 GPU-hours; the two runs took $200 and 20 hours.
    expect(byMeasure.cost).toMatchObject({ planned: 66_667, plannedRange: { p10: 66_667, p90: 66_667 }, actual: 20_000, verdict: 'under' });
    expect(byMeasure.gpuHours!.planned).toBeCloseTo(66.667, 3);
    expect(byMeasure.gpuHours).toMatchObject({ actual: 20, verdict: 'under' });
    expect(byMeasure.wallClockHours).toMatchObject({ actual: 20, verdict: 'under' });
    // The rest: one more run at the measured 10 GPU-hours and $100 a run: $300 in all, 30% of the plan.
    expect(sp.replan.reforecast).toMatchObject({ restCostCents: { p50: 10_000 }, totalCostCents: { p50: 30_000 }, restGpuHours: { p50: 10 }, vsPlan: 0.3 });
    expect(sp.replan.message).toMatch(/^From 2 finished runs \(2 of 3 units\), 100 H100 hours now looks like \$300 \(\$\d+–\$\d+\) against \$1,000 planned \(-70%\)\.$/);
  });

  it('takes the number of runs a scenario covers when given', async () => {
    const { p, s } = await plannedProject();
    // A plan of 10 such runs: 8 left at $100 each, $1,000 in all, exactly as planned.
    const plan = await t.ok('budget.plan', { projectId: p.id, plannedUnits: { [s.id]: 10 } });
    const sp = plan.scenarios[0]!;
    expect(sp).toMatchObject({ plannedUnits: 10, plannedUnitsFrom: 'given' });
    expect(sp.replan.basis).toEqual({ runs: 2, unitsDone: 2, plannedUnits: 10, unitsLeft: 8 });
    expect(sp.replan.reforecast).toMatchObject({ restCostCents: { p50: 80_000 }, totalCostCents: { p50: 100_000 }, vsPlan: 1 });
    expect(sp.replan.comparisons.find((c) => c.measure === 'cost')).toMatchObject({ planned: 20_000, actual: 20_000, verdict: 'within' });
  });

  it('a run can carry out a scenario of its own, apart from its experiment', async () => {
    const { p, spare, unpriced } = await plannedProject();
    await t.ok('runs.setCompute', { id: unpriced.id, compute: { scenarioId: spare.id, hardwareId: 'h100-sxm', devices: 4, pricePerDeviceHourUsd: 10 } });
    const plan = await t.ok('budget.plan', { projectId: p.id });
    expect(plan.notLinked).toEqual([]);
    const bigger = plan.scenarios.find((x) => x.scenarioId === spare.id)!;
    // 1 hour on 4 devices: 4 GPU-hours, 1 hour of wall-clock, $40, against a 400 GPU-hour plan.
    expect(bigger).toMatchObject({ experiments: [], finishedRuns: 1, runningRuns: 0, plannedUnits: 1 });
    expect(bigger.replan.comparisons.map((c) => [c.measure, c.actual])).toEqual([['cost', 4_000], ['gpuHours', 4], ['wallClockHours', 1]]);
    expect(bigger.replan.message).toBe('Bigger model is done: it cost $40 against $4,000 planned (-99%).');
  });

  it('says why a USD plan is not compared in a EUR project without a USD rate', async () => {
    t = budgetBackend();
    const p = await t.project('Euro plan', { currency: 'EUR' });
    const s = await t.scenario(p.id, 'USD plan', 10);
    const e = await t.experiment(p.id, 'eu');
    await t.ok('experiments.update', { id: e.id, patch: { scenarioId: s.id } });
    const run = await t.run(e.id, 'manual', '2026-11-02T00:00:00Z', '2026-11-02T10:00:00Z', { 'tally.hardware': 'h100-sxm', 'tally.devices': '1' });
    // Its cost was entered in euros, so the run itself is counted.
    await t.ok('runs.setCompute', { id: run.id, compute: { manualCostCents: 9_000, manualCostCurrency: 'EUR' } });
    const plan = await t.ok('budget.plan', { projectId: p.id });
    const sp = plan.scenarios[0]!;
    expect(sp.costNote).toBe('its cost is in USD and the project counts in EUR without a USD exchange rate; set the rate to compare');
    expect(sp.replan.comparisons.find((c) => c.measure === 'cost')).toMatchObject({ planned: null, verdict: null });
    expect(sp.replan.comparisons.find((c) => c.measure === 'cost')!.actual).toBe(9_000);
    expect(sp.replan.comparisons.find((c) => c.measure === 'gpuHours')).toMatchObject({ planned: 10, actual: 10, verdict: 'within' });
  });

  it('marks the runs no other run beats on cost and the metric, with the sentence', async () => {
    t = budgetBackend();
    const p = await t.project('Sweep');
    const e = await t.experiment(p.id, 'lr');
    await t.run(e.id, 'A', '2026-11-01T00:00:00Z', '2026-11-01T10:00:00Z', undefined, { accuracy: 0.8 });
    const b = await t.run(e.id, 'B', '2026-11-02T00:00:00Z', '2026-11-02T10:00:00Z', undefined, { accuracy: 0.85 });
    const c = await t.run(e.id, 'C', '2026-11-03T00:00:00Z', '2026-11-04T06:00:00Z', undefined, { accuracy: 0.9 });
    const d = await t.run(e.id, 'D', '2026-11-20T00:00:00Z', null, undefined, { accuracy: 0.99 });
    const unpriced = await t.run(e.id, 'E', '2026-11-05T00:00:00Z', '2026-11-05T01:00:00Z', {}, { accuracy: 0.95 });
    const r = await t.ok('budget.pareto', { experimentId: e.id, metricKey: 'accuracy', direction: 'higher' });
    // A ($100, 0.80) is beaten by B ($100, 0.85); C ($300, 0.90) is dearer but better: B and C are the front.
    expect(r.points.map((x) => [x.name, x.costCents, x.metric, x.onFront, x.dominatedBy])).toEqual([
      ['B', 10_000, 0.85, true, null],
      ['A', 10_000, 0.8, false, b.id],
      ['C', 30_000, 0.9, true, null],
    ]);
    expect(r).toMatchObject({ front: [b.id, c.id], best: c.id, bestValue: b.id, excluded: [{ id: unpriced.id, reason: 'no cost' }], running: [{ runId: d.id, name: 'D' }], currency: 'USD', experimentName: 'lr' });
    expect(r.answer).toBe('Run B gives the best accuracy per dollar: 0.85 for $100; run C is 5.9% better for 3x the cost.');
    expect((await t.err('budget.pareto', { experimentId: '999', metricKey: 'accuracy', direction: 'higher' })).code).toBe('NOT_FOUND');
  });
});
