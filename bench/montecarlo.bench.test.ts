import { describe, expect, it } from 'vitest';
import { runMonteCarloBench } from './montecarlo.bench';

// Runs the bench once to prove it works; no wall-clock assertion (machines are shared and noisy).
describe('Monte Carlo bench', () => {
  it('reports the estimate time, the in-run reference and their ratio', () => {
    const r = runMonteCarloBench(1, 1);
    expect(r.samples).toBe(10_000);
    expect(r.ms).toBeGreaterThan(0);
    expect(r.referenceMs).toBeGreaterThan(0);
    expect(r.ratio).toBeCloseTo(r.ms / r.referenceMs, 10);
  });
});
