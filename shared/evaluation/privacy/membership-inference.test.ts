import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { binaryTrueLabelLoss, membershipInferenceRisk } from './membership-inference';

/** A binary model's probability of the true label; `memorise` pushes training rows towards 1. */
function model(seed: number, n: number, memorise: boolean) {
  const rng = createSeededRng(seed);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  const train = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.next() < 0.5 ? 1 : 0;
    train[i] = rng.next() < 0.5 ? 1 : 0;
    const margin = rng.normal() + 1 + (memorise && train[i] ? 2.5 : 0);
    const pTrue = 1 / (1 + Math.exp(-margin));
    s[i] = y[i] ? pTrue : 1 - pTrue;
  }
  return { loss: binaryTrueLabelLoss(s, y), train };
}

describe('membership-inference risk', () => {
  it('is near 0 when training and held-out losses come from one distribution', () => {
    const { loss, train } = model(1, 10_000, false);
    const r = membershipInferenceRisk({ loss, isTraining: train }, { bootstrap: { resamples: 300 } });
    expect(r.advantage).toBeLessThan(0.03);
    expect(r.verdict).toBe('coin-flip');
    expect(r.interval?.low).toBeLessThanOrEqual(r.advantage);
    expect(r.interval?.high).toBeLessThan(0.06);
    expect(r.message).toMatch(/^An attacker who sees the model's loss on a row can tell training rows from held-out rows about as well as a coin flip \(advantage 0\.0\d, 95% interval 0\.\d\d–0\.\d\d\)/);
  });

  it('is clearly above 0 for a model that memorised its training rows', () => {
    const { loss, train } = model(2, 10_000, true);
    const r = membershipInferenceRisk({ loss, isTraining: train }, { bootstrap: { resamples: 300 } });
    expect(r.advantage).toBeGreaterThan(0.5);
    expect(r.interval?.low).toBeGreaterThan(0.45);
    expect(r.verdict).toBe('much-better');
    expect(r.balancedAttackAccuracy).toBeCloseTo(0.5 + r.advantage / 2, 15);
    expect(r.pValue).toBeLessThan(1e-10);
    expect(r.message).toMatch(/much better than a coin flip .* Do not release it as is/);
  });

  it('equals the best threshold found by trying every loss value (brute force oracle)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 30 }).chain((n) => fc.record({
      loss: fc.array(fc.constantFrom(0.1, 0.2, 0.5, 0.7, 1, 2), { minLength: n, maxLength: n }),
      train: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    })), ({ loss, train }) => {
      const T = train.filter((t) => t === 1).length;
      const F = train.length - T;
      fc.pre(T > 0 && F > 0);
      let best = 0;
      for (const t of new Set(loss)) {
        const tp = loss.filter((l, i) => l <= t && train[i] === 1).length;
        const fp = loss.filter((l, i) => l <= t && train[i] === 0).length;
        best = Math.max(best, tp / T - fp / F);
      }
      const r = membershipInferenceRisk({ loss: Float64Array.from(loss), isTraining: Uint8Array.from(train) }, { bootstrap: { resamples: 20 } });
      expect(r.advantage).toBeCloseTo(best, 12);
      expect(r.interval === null || (r.interval.low <= r.advantage && r.advantage <= r.interval.high)).toBe(true);
    }), { numRuns: 200, seed: 3 });
  });

  it('needs both training and held-out rows', () => {
    expect(() => membershipInferenceRisk({ loss: Float64Array.from([0.1, 0.2]), isTraining: Uint8Array.from([1, 1]) })).toThrow(/both training rows and held-out rows/);
  });
});
