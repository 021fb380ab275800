import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { A100_80GB, T4 } from '../test-hardware';
import { replanScenario, type FinishedRunMeasure } from './replan';
import type { PlanScenario } from './spend-types';

const sweep: PlanScenario = { id: 's1', name: 'Sweep', kind: 'training', p10CostCents: 8_000, p50CostCents: 10_000, p90CostCents: 14_000, gpuHours: 20, wallClockHours: 20 };
const runsLike = (n: number, costCents = 1_300, gpuHours = 2.6): FinishedRunMeasure[] => Array.from({ length: n }, (_, i) => ({ runId: `r${i}`, costCents, gpuHours, wallClockHours: gpuHours }));
const FAST = { samples: 4_000, seed: 7 };

describe('replanScenario', () => {
  it('compares the work done with its share of the plan and re-forecasts the rest', () => {
    // 4 of 10 planned runs, each $13 and 2.6 GPU-hours: the plan's share is 40% ($40, $32-$56,
    // 8 GPU-hours); actual $52 is 1.3x the P50 but inside the P10-P90, so within; 10.4 GPU-hours
    // is 1.3x with no range to hide in, so over (beyond ±10%). Rest: 6 runs × 2.6 = 15.6
    // GPU-hours at the measured 500 cents an hour = $78; total $130 against $100 (+30%).
    const r = replanScenario({ scenario: sweep, currency: 'USD', runs: runsLike(4), plannedUnits: 10, ...FAST });
    expect(r.basis).toEqual({ runs: 4, unitsDone: 4, plannedUnits: 10, unitsLeft: 6 });
    expect(r.comparisons[0]).toEqual({ measure: 'cost', planned: 4_000, plannedRange: { p10: 3_200, p90: 5_600 }, actual: 5_200, ratio: 1.3, verdict: 'within' });
    expect(r.comparisons[1]).toMatchObject({ measure: 'gpuHours', verdict: 'over' });
    expect(r.comparisons[1]?.ratio).toBeCloseTo(1.3, 12);
    expect(r.comparisons[2]?.planned).toBeCloseTo(8, 12);
    const f = r.reforecast as NonNullable<typeof r.reforecast>;
    expect(f.restGpuHours.p50).toBeCloseTo(15.6, 9);
    expect(f.restWallClockHours.p50).toBeCloseTo(15.6, 9);
    expect(f.restCostCents.p50).toBe(7_800);
    expect(f.totalCostCents.p50).toBe(13_000);
    expect(f.vsPlan).toBeCloseTo(1.3, 12);
    // Four identical runs: the floor ln(1.5)/√4 = 0.2027. The pilot's same-hardware spread is
    // ln(1.1) = 0.0953 each side; in quadrature sqrt(0.0953² + 0.2027²) = 0.2240, so the rest's
    // GPU-hours span 15.6·e^-0.224 = 12.47 to 15.6·e^0.224 = 19.52 (Monte Carlo: within 1.5%).
    expect(f.smallSampleWidening).toBeCloseTo(Math.log(1.5) / 2, 12);
    expect(f.restGpuHours.p10 / 12.47).toBeGreaterThan(0.985);
    expect(f.restGpuHours.p10 / 12.47).toBeLessThan(1.015);
    expect(f.restGpuHours.p90 / 19.52).toBeGreaterThan(0.985);
    expect(f.restGpuHours.p90 / 19.52).toBeLessThan(1.015);
    expect(r.message).toMatch(/^From 4 finished runs \(4 of 10 units\), Sweep now looks like \$130 \(\$11\d–\$1[45]\d\) against \$100 planned \(\+30%\)\.$/);
    expect(r.assumptions.join(' ')).toMatch(/rests on 4 runs: it is widened by ±22%/);
  });

  it('fewer runs, wider range; scattered runs widen it beyond the floor', () => {
    const spread = (runs: FinishedRunMeasure[]) => {
      const f = replanScenario({ scenario: sweep, currency: 'USD', runs, plannedUnits: 40, ...FAST }).reforecast as NonNullable<ReturnType<typeof replanScenario>['reforecast']>;
      return f.restCostCents.p90 / f.restCostCents.p10;
    };
    const one = spread(runsLike(1));
    const four = spread(runsLike(4));
    const sixteen = spread(runsLike(16));
    expect(one).toBeGreaterThan(four);
    expect(four).toBeGreaterThan(sixteen);
    // One run: ±50% from the small sample alone, so at least 1.5² wide.
    expect(one).toBeGreaterThan(2.25);
    const scattered = [1_000, 1_300, 1_600, 2_000].map((c, i) => ({ runId: `s${i}`, costCents: c, gpuHours: c / 500, wallClockHours: c / 500 }));
    expect(spread(scattered)).toBeGreaterThan(four);
  });

  it('the rest can move to other hardware at its own price', () => {
    // Pilot on T4: 2 units in 4 GPU-hours. A100 dense BF16 312 vs 65 TFLOPS: 8 units take 16 / 4.8 = 3.33 h.
    const runs = [{ runId: 'a', costCents: 140, gpuHours: 2, wallClockHours: 2 }, { runId: 'b', costCents: 140, gpuHours: 2, wallClockHours: 2 }];
    const r = replanScenario({ scenario: sweep, currency: 'USD', runs, plannedUnits: 10, hardware: T4, target: { hardware: A100_80GB, pricePerDeviceHourCents: 200 }, ...FAST });
    const f = r.reforecast as NonNullable<typeof r.reforecast>;
    expect(f.restGpuHours.p50).toBeCloseTo(16 / (312 / 65), 9);
    expect(f.restCostCents.p50).toBe(Math.round((16 / (312 / 65)) * 200));
    expect(r.assumptions.join(' ')).toMatch(/moved to 1 x NVIDIA A100 SXM 80GB \(peak ratio 4\.8\), at the target's \$2 per GPU-hour/);
  });

  it('a finished plan, a plan with no finished run, and runs without GPU-hours', () => {
    const done = replanScenario({ scenario: sweep, currency: 'USD', runs: runsLike(1, 9_000, 18) });
    expect(done.reforecast?.totalCostCents).toEqual({ p10: 9_000, p50: 9_000, p90: 9_000 });
    expect(done.comparisons[0]?.verdict).toBe('within');
    expect(done.message).toBe('Sweep is done: it cost $90 against $100 planned (-10%).');
    expect(replanScenario({ scenario: sweep, currency: 'USD', runs: [] })).toMatchObject({ reforecast: null, message: 'No run of Sweep has finished yet, so there is nothing to compare or re-forecast from.' });
    const api = replanScenario({ scenario: sweep, currency: 'USD', runs: [{ runId: 'x', costCents: 500, gpuHours: 0, wallClockHours: 1 }], plannedUnits: 3 });
    expect(api.reforecast).toBeNull();
    expect(api.message).toMatch(/recorded no GPU-hours/);
  });

  it('a scenario without a cost compares hours only', () => {
    const r = replanScenario({ scenario: { ...sweep, p10CostCents: null, p50CostCents: null, p90CostCents: null }, currency: 'USD', runs: runsLike(2), plannedUnits: 4, ...FAST });
    expect(r.comparisons[0]).toMatchObject({ planned: null, verdict: null });
    expect(r.reforecast?.vsPlan).toBeNull();
  });

  it('names the bad field', () => {
    expect(() => replanScenario({ scenario: sweep, currency: 'USD', runs: [...runsLike(1), ...runsLike(1)] })).toThrow(/runs\[1\]\.runId repeats run r0/);
    expect(() => replanScenario({ scenario: sweep, currency: 'USD', runs: [{ runId: 'a', costCents: -1, gpuHours: 1, wallClockHours: 1 }] })).toThrow(/runs\[0\]\.costCents must not be negative/);
    expect(() => replanScenario({ scenario: sweep, currency: 'USD', runs: [{ runId: 'a', costCents: 1, gpuHours: 1, wallClockHours: 0 }] })).toThrow(/runs\[0\]\.wallClockHours must be a positive number/);
    expect(() => replanScenario({ scenario: { ...sweep, currency: 'EUR' }, currency: 'USD', runs: [] })).toThrow(/scenario\[0\]\.currency is EUR/);
  });

  it('P10 <= P50 <= P90 everywhere, and the total never falls below what was spent', () => {
    const arbRun = fc.record({ costCents: fc.integer({ min: 0, max: 100_000 }), gpuHours: fc.double({ min: 0.01, max: 100, noNaN: true }), wallClockHours: fc.double({ min: 0.01, max: 100, noNaN: true }), units: fc.integer({ min: 1, max: 5 }) });
    fc.assert(
      fc.property(fc.array(arbRun, { minLength: 1, maxLength: 8 }), fc.integer({ min: 1, max: 60 }), (rows, planned) => {
        const runs = rows.map((r, i) => ({ runId: `r${i}`, ...r }));
        const r = replanScenario({ scenario: sweep, currency: 'USD', runs, plannedUnits: planned, samples: 200 });
        const f = r.reforecast as NonNullable<typeof r.reforecast>;
        for (const x of [f.restCostCents, f.totalCostCents, f.restGpuHours, f.restWallClockHours]) expect(x.p10 <= x.p50 && x.p50 <= x.p90).toBe(true);
        expect(f.totalCostCents.p10).toBeGreaterThanOrEqual(runs.reduce((s, x) => s + x.costCents, 0));
      }),
      { seed: 37, numRuns: 60 },
    );
  });
});
