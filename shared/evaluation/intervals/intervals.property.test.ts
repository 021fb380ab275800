/** Every interval contains its point estimate, whatever the data (fast-check, fixed seed). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateBinary } from '../metrics/binary-report';
import { evaluateMulticlass } from '../metrics/multiclass-report';
import { evaluateRegression } from '../metrics/regression-report';
import type { ConfidenceInterval } from './wilson';

const RUNS = { numRuns: 60, seed: 4242 };
const BOOT = { resamples: 60 };

function contains(intervals: Record<string, ConfidenceInterval | null> | null, metrics: Record<string, number | null>): void {
  expect(intervals).not.toBeNull();
  for (const [k, ci] of Object.entries(intervals ?? {})) {
    if (ci === null) continue;
    const v = metrics[k];
    expect(v, `${k} has an interval but no value`).not.toBeNull();
    expect(ci.low, `${k}: ${ci.low} <= ${v}`).toBeLessThanOrEqual(v as number);
    expect(ci.high, `${k}: ${ci.high} >= ${v}`).toBeGreaterThanOrEqual(v as number);
  }
}

const rows = (min: number) => fc.integer({ min, max: 50 });

describe('every interval contains its point estimate', () => {
  it('binary, scores or labels only, with and without weights', () => {
    fc.assert(fc.property(rows(1).chain((n) => fc.record({
      y: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      s: fc.array(fc.oneof(fc.constantFrom(0, 0.3, 0.5, 1), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: n, maxLength: n }),
      w: fc.option(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 3, noNaN: true })), { minLength: n, maxLength: n }), { nil: null }),
      labelsOnly: fc.boolean(),
    })), ({ y, s, w, labelsOnly }) => {
      const isPositive = Uint8Array.from(y);
      const scores = Float64Array.from(s);
      const weights = w ? Float64Array.from(w) : null;
      const input = labelsOnly ? { isPositive, predictedPositive: Uint8Array.from(s, (v) => (v >= 0.5 ? 1 : 0)), weights } : { isPositive, scores, weights };
      const r = evaluateBinary(input, { intervals: BOOT });
      contains(r.intervals, r.metrics);
    }), RUNS);
  });

  it('multiclass', () => {
    fc.assert(fc.property(rows(2).chain((n) => fc.record({
      t: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: n, maxLength: n }),
      p: fc.array(fc.array(fc.constantFrom(1, 2, 4), { minLength: 3, maxLength: 3 }), { minLength: n, maxLength: n }),
      w: fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n }), { nil: null }),
    })), ({ t, p, w }) => {
      const probabilities = Float64Array.from(p.flatMap((row) => row.map((v) => v / (row[0]! + row[1]! + row[2]!))));
      const r = evaluateMulticlass({ classes: ['x', 'y', 'z'], yTrue: Int32Array.from(t), probabilities, weights: w ? Float64Array.from(w) : null }, { intervals: BOOT });
      contains(r.intervals, r.metrics);
    }), RUNS);
  });

  it('regression', () => {
    fc.assert(fc.property(rows(1).chain((n) => fc.record({
      y: fc.array(fc.integer({ min: -500, max: 500 }), { minLength: n, maxLength: n }),
      e: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: n, maxLength: n }),
      w: fc.option(fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), { minLength: n, maxLength: n }), { nil: null }),
    })), ({ y, e, w }) => {
      const r = evaluateRegression({ yTrue: Float64Array.from(y), yPred: Float64Array.from(y, (v, i) => v + e[i]!), weights: w ? Float64Array.from(w) : null }, { intervals: BOOT });
      contains(r.intervals, r.metrics);
    }), RUNS);
  });
});
