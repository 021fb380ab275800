import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { checkComputeOptimal, optimalForDollarBudget, optimalForFlops, optimalForParams } from './compute-optimal';
import { SCALING_FITS, scalingFit } from './scaling-fits';
import { H100_SXM } from './test-hardware';

// Hoffmann et al. 2022, Table 3 "Estimated optimal training FLOPs and training tokens for various
// model sizes" (Approach 1 projections): [params, FLOPs, tokens].
const TABLE_3: [number, number, number][] = [
  [400e6, 1.92e19, 8.0e9],
  [1e9, 1.21e20, 20.2e9],
  [10e9, 1.23e22, 205.1e9],
  [67e9, 5.76e23, 1.5e12],
  [175e9, 3.85e24, 3.7e12],
  [280e9, 9.9e24, 5.9e12],
  [520e9, 3.43e25, 11.0e12],
  [1e12, 1.27e26, 21.2e12],
  [10e12, 1.3e28, 216.2e12],
];

describe('compute-optimal sizing', () => {
  it.each(TABLE_3)('the default fit agrees with Chinchilla Table 3 for %d params', (n, c, d) => {
    const fromParams = optimalForParams(n);
    const fromFlops = optimalForFlops(c);
    // Tolerances: FLOPs within 3% and params within 1.5% (printed to 3 significant figures).
    expect(Math.abs(fromParams.flops / c - 1)).toBeLessThan(0.03);
    expect(Math.abs(fromFlops.params / n - 1)).toBeLessThan(0.015);
    // Tokens within 1.5%. The 67B row prints "1.5 Trillion", but its own FLOPs give
    // 5.76e23 / (6 x 67e9) = 1.43T; we check against that, consistent, figure.
    const tokens = n === 67e9 ? c / (6 * n) : d;
    expect(Math.abs(fromFlops.tokens / tokens - 1)).toBeLessThan(0.015);
    expect(fromFlops.fit).toBe('hoffmann-approach-1');
  });

  // Hoffmann et al. 2022 Table A3 (Approaches 2 and 3), read in a secondary transcription: [params, FLOPs, tokens].
  // The 67B rows are left out: in every table of the paper that row sits off the power law the
  // other rows follow (Table 3 by 2.7%, A3 by 7-9%), so no single fit reproduces it.
  const TABLE_A3: Record<'hoffmann-approach-2' | 'hoffmann-approach-3', [number, number, number][]> = {
    'hoffmann-approach-2': [[400e6, 1.84e19, 7.7e9], [10e9, 1.32e22, 219.5e9], [175e9, 4.54e24, 4.3e12], [280e9, 1.18e25, 7.1e12], [520e9, 4.19e25, 13.4e12], [10e12, 1.75e28, 292.0e12]],
    'hoffmann-approach-3': [[400e6, 2.21e19, 9.2e9], [10e9, 2.46e22, 410.1e9], [175e9, 1.26e25, 12.0e12], [280e9, 3.52e25, 20.1e12], [520e9, 1.36e26, 43.5e12], [10e12, 8.55e28, 1425.5e12]],
  };
  it.each(Object.entries(TABLE_A3))('%s agrees with Table A3: FLOPs within 1%, tokens within 5%', (fit, rows) => {
    for (const [n, c, d] of rows) {
      const r = optimalForParams(n, fit as keyof typeof TABLE_A3);
      expect(Math.abs(r.flops / c - 1)).toBeLessThan(0.01);
      // Tokens are printed to 2-3 figures and the 280B Approach-3 row is 4% off its own FLOPs column.
      expect(Math.abs(r.tokens / d - 1)).toBeLessThan(0.05);
    }
  });

  it('the 20x rule gives C = 120 N^2', () => {
    const r = optimalForFlops(120 * 1e18, 'chinchilla-20x');
    expect(r.params).toBeCloseTo(1e9, 0);
    expect(r.tokensPerParam).toBeCloseTo(20, 10);
  });

  it('the parametric closed form matches the reference derivation (G = 1.3447, a = 0.4516, b = 0.5484)', () => {
    const f = scalingFit('hoffmann-parametric');
    expect(f.g).toBeCloseTo(1.3447, 3);
    expect(f.a).toBeCloseTo(0.4516, 4);
    expect(scalingFit('besiroglu-2024').a).toBeCloseTo(0.5126, 4);
  });

  it('shows the reference warning: rounded Approach-3 constants want far more than 20 tokens per param at large budgets', () => {
    const r = optimalForFlops(1e26, 'hoffmann-parametric');
    expect(r.tokensPerParam).toBeGreaterThan(100);
    const refit = optimalForFlops(5.76e23, 'besiroglu-2024');
    expect(refit.tokensPerParam).toBeGreaterThan(17);
    expect(refit.tokensPerParam).toBeLessThan(21);
  });

  it('every fit satisfies C = 6ND and round-trips params <-> FLOPs', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCALING_FITS), fc.double({ min: 1e17, max: 1e28, noNaN: true }), (fit, c) => {
        const r = optimalForFlops(c, fit);
        expect((6 * r.params * r.tokens) / c).toBeCloseTo(1, 9);
        expect(optimalForParams(r.params, fit).flops / c).toBeCloseTo(1, 6);
      }),
      { seed: 3 },
    );
  });

  it('a larger budget never gives a smaller model or fewer tokens', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SCALING_FITS), fc.double({ min: 1e17, max: 1e28, noNaN: true }), fc.double({ min: 1, max: 100, noNaN: true }), (fit, c, k) => {
        const a = optimalForFlops(c, fit);
        const b = optimalForFlops(c * k, fit);
        expect(b.params).toBeGreaterThanOrEqual(a.params);
        expect(b.tokens).toBeGreaterThanOrEqual(a.tokens);
      }),
      { seed: 3 },
    );
  });

  it('converts a dollar budget through GPU-hours, peak, MFU and goodput', () => {
    const r = optimalForDollarBudget({ budgetUsd: 100_000, hardware: H100_SXM, pricePerGpuHourUsd: 2.5, mfu: 0.4 });
    expect(r.gpuHours).toBe(40_000);
    // One node of 8 GPUs by default: goodput 0.97.
    expect(r.goodput).toBeCloseTo(0.97, 12);
    expect(r.flops).toBeCloseTo(40_000 * 3600 * 989.5e12 * 0.4 * 0.97, -10);
    const d = optimalForDollarBudget({ budgetUsd: 100_000, hardware: H100_SXM, pricePerGpuHourUsd: 2.5 });
    expect(d.mfuSource).toMatch(/default/);
    expect(() => optimalForDollarBudget({ budgetUsd: -1, hardware: H100_SXM, pricePerGpuHourUsd: 2.5 })).toThrow(/^Budget in US dollars: must be a positive number, got -1/);
  });
});

describe('distance from the compute-optimal frontier', () => {
  it('Chinchilla itself (70B on 1.4T tokens) is on the frontier', () => {
    const c = checkComputeOptimal(70e9, 1.4e12);
    expect(c.farFromOptimal).toBe(false);
    expect(c.ratio).toBeGreaterThan(0.9);
    expect(c.ratio).toBeLessThan(1.1);
  });
  it('GPT-3 (175B on 300B tokens) is under-trained and Llama 3 8B (15T tokens) far past it', () => {
    expect(checkComputeOptimal(175e9, 300e9)).toMatchObject({ farFromOptimal: true });
    expect(checkComputeOptimal(175e9, 300e9).note).toMatch(/^Under-trained/);
    const llama = checkComputeOptimal(8e9, 15e12);
    expect(llama.ratio).toBeGreaterThan(50);
    expect(llama.note).toMatch(/cheaper to serve/);
  });
});
