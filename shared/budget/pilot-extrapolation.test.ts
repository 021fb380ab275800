import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { extrapolatePilot } from './pilot-extrapolation';
import { A100_80GB, JETSON_ORIN_NANO, T4 } from './test-hardware';

const FAST = { samples: 2000, seed: 9 };

describe('pilot-run extrapolation', () => {
  it('same hardware: time scales with items, narrow range', () => {
    // ResNet-50-style pilot: 10,000 images in 50 s on one T4 (200/s) -> 1M images x 10 epochs = 5e4 s.
    const e = extrapolatePilot({ pilot: { items: 10_000, seconds: 50, hardware: T4 }, fullItems: 1e7, pricePerDeviceHourUsd: 0.35 }, FAST);
    expect(e.wallClockHours).toBeCloseTo(5e4 / 3600, 6);
    expect(e.peakRatio).toBe(1);
    expect(e.costUsd).toBeCloseTo((5e4 / 3600) * 0.35, 6);
    expect(e.range.p90.wallClockHours / e.range.p10.wallClockHours).toBeLessThan(1.3);
  });

  it('other hardware: scaled by the dense compute peak ratio, range widened for the jump', () => {
    const same = extrapolatePilot({ pilot: { items: 10_000, seconds: 50, hardware: T4 }, fullItems: 1e7 }, FAST);
    const a100 = extrapolatePilot({ pilot: { items: 10_000, seconds: 50, hardware: T4 }, fullItems: 1e7, target: { hardware: A100_80GB } }, FAST);
    expect(a100.peakRatio).toBeCloseTo(312 / 65, 12);
    expect(a100.wallClockHours).toBeCloseTo(same.wallClockHours / (312 / 65), 6);
    const spread = (x: typeof same) => x.range.p90.wallClockHours / x.range.p10.wallClockHours;
    expect(spread(a100)).toBeGreaterThan(spread(same) * 1.5);
    expect(a100.costUsd).toBeNull();
  });

  it('bandwidth-bound work scales by memory bandwidth instead', () => {
    const e = extrapolatePilot({ pilot: { items: 100, seconds: 10, hardware: JETSON_ORIN_NANO }, fullItems: 1000, target: { hardware: A100_80GB }, bound: 'bandwidth' }, FAST);
    expect(e.peakRatio).toBeCloseTo(2039 / 68, 12);
  });

  it('more devices never make the job take longer, and more items never make it shorter', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 64 }), fc.integer({ min: 1, max: 64 }), fc.double({ min: 1, max: 1e9, noNaN: true }), (d1, d2, items) => {
        const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
        const run = (d: number, n: number) => extrapolatePilot({ pilot: { items: 100, seconds: 10, hardware: T4 }, fullItems: n, target: { hardware: A100_80GB, devices: d } }, { samples: 10 });
        expect(run(hi, items).wallClockHours).toBeLessThanOrEqual(run(lo, items).wallClockHours * (1 + 1e-12));
        expect(run(lo, items * 2).wallClockHours).toBeGreaterThan(run(lo, items).wallClockHours);
      }),
      { seed: 3, numRuns: 40 },
    );
  });

  it('rejects an empty pilot', () => {
    expect(() => extrapolatePilot({ pilot: { items: 0, seconds: 1, hardware: T4 }, fullItems: 1 })).toThrow(/pilot.items/);
  });
});
