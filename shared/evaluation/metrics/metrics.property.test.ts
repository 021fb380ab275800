/**
 * Invariants every metric must keep, checked on random inputs (fast-check, fixed seed):
 * row order does not matter; reversing the scores turns AUC into 1 - AUC; duplicating every row
 * changes nothing, and neither does giving every row weight 2 instead of duplicating it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BinaryReport, evaluateBinary } from './binary-report';
import { evaluateMulticlass } from './multiclass-report';
import { evaluateRegression } from './regression-report';

const RUNS = { numRuns: 150, seed: 20211 };

function near(a: number | null, b: number | null, what: string): void {
  if (a === null || b === null) {
    expect(a, what).toBe(b);
    return;
  }
  expect(Math.abs(a - b), `${what}: ${a} vs ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

function sameMetrics(a: Record<string, number | null>, b: Record<string, number | null>, skip: string[] = []): void {
  for (const k of Object.keys(a)) if (!skip.includes(k)) near(a[k] ?? null, b[k] ?? null, k);
}

function permute<T extends { length: number; [i: number]: number }>(xs: T, order: number[], make: (n: number) => T): T {
  const out = make(xs.length);
  order.forEach((from, to) => (out[to] = xs[from] as number));
  return out;
}

function repeat<T extends { length: number; [i: number]: number }>(xs: T, times: number, make: (n: number) => T): T {
  const out = make(xs.length * times);
  for (let r = 0; r < times; r++) for (let i = 0; i < xs.length; i++) out[r * xs.length + i] = xs[i] as number;
  return out;
}

const u8 = (n: number) => new Uint8Array(n);
const f64 = (n: number) => new Float64Array(n);
const i32 = (n: number) => new Int32Array(n);

/** Rows with scores drawn from a few values (ties) or anywhere in [0, 1], optional weights. */
const binaryRows = fc
  .integer({ min: 2, max: 40 })
  .chain((n) =>
    fc.record({
      labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
      scores: fc.oneof(
        fc.array(fc.constantFrom(0, 0.1, 0.25, 0.5, 0.75, 1), { minLength: n, maxLength: n }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      ),
      weights: fc.option(fc.array(fc.oneof(fc.constant(0), fc.double({ min: 0.1, max: 5, noNaN: true })), { minLength: n, maxLength: n }), { nil: null }),
      order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    }),
  );

function binary(labels: Uint8Array, scores: Float64Array, weights: Float64Array | null): BinaryReport {
  return evaluateBinary({ isPositive: labels, scores, weights }, { maxCurvePoints: 1e9 });
}

describe('binary metric invariants', () => {
  it('do not depend on row order', () => {
    fc.assert(fc.property(binaryRows, ({ labels, scores, weights, order }) => {
      const y = Uint8Array.from(labels), s = Float64Array.from(scores), w = weights ? Float64Array.from(weights) : null;
      const a = binary(y, s, w);
      const b = binary(permute(y, order, u8), permute(s, order, f64), w ? permute(w, order, f64) : null);
      sameMetrics(a.metrics, b.metrics);
      sameMetrics(a.baseline, b.baseline);
      if (w === null) expect(a.rocCurve).toEqual(b.rocCurve);
    }), RUNS);
  });

  it('reversed scores give 1 - AUC', () => {
    fc.assert(fc.property(binaryRows, ({ labels, scores, weights }) => {
      const y = Uint8Array.from(labels), s = Float64Array.from(scores), w = weights ? Float64Array.from(weights) : null;
      const a = binary(y, s, w).metrics.rocAuc;
      const b = binary(y, s.map((v) => -v), w).metrics.rocAuc;
      if (a === null) expect(b).toBeNull();
      else near(b, 1 - a, 'reversed AUC');
    }), RUNS);
  });

  it('duplicating every row changes nothing, and weight 2 equals duplication', () => {
    fc.assert(fc.property(binaryRows, ({ labels, scores, weights }) => {
      const y = Uint8Array.from(labels), s = Float64Array.from(scores), w = weights ? Float64Array.from(weights) : null;
      const a = binary(y, s, w);
      const twice = binary(repeat(y, 2, u8), repeat(s, 2, f64), w ? repeat(w, 2, f64) : null);
      const doubled = binary(y, s, w ? w.map((v) => 2 * v) : new Float64Array(y.length).fill(2));
      sameMetrics(twice.metrics, a.metrics);
      sameMetrics(doubled.metrics, a.metrics);
      sameMetrics(twice.baseline, a.baseline);
      sameMetrics(doubled.baseline, a.baseline);
      // With fractional weights, "collinear" (drop_intermediate) is decided in floating point, so the
      // number of ROC points may differ by rounding, as in scikit-learn; unweighted it cannot.
      if (w === null) expect(twice.rocCurve).toEqual(a.rocCurve);
    }), RUNS);
  });
});

const multiclassRows = fc.integer({ min: 3, max: 30 }).chain((n) =>
  fc.record({
    k: fc.integer({ min: 3, max: 4 }),
    truth: fc.array(fc.nat(), { minLength: n, maxLength: n }),
    raw: fc.array(fc.array(fc.constantFrom(1, 2, 3, 5, 8), { minLength: 4, maxLength: 4 }), { minLength: n, maxLength: n }),
    weights: fc.option(fc.array(fc.double({ min: 0.1, max: 4, noNaN: true }), { minLength: n, maxLength: n }), { nil: null }),
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  }),
);

describe('multiclass metric invariants', () => {
  it('do not depend on row order and equal duplication with weight 2', () => {
    fc.assert(fc.property(multiclassRows, ({ k, truth, raw, weights, order }) => {
      const n = truth.length;
      const classes = ['c', 'a', 'b', 'd'].slice(0, k);
      const yTrue = Int32Array.from(truth, (t) => t % k);
      const probs = new Float64Array(n * k);
      raw.forEach((row, i) => {
        const total = row.slice(0, k).reduce((a, b) => a + b, 0);
        for (let j = 0; j < k; j++) probs[i * k + j] = (row[j] as number) / total;
      });
      const w = weights ? Float64Array.from(weights) : null;
      const a = evaluateMulticlass({ classes, yTrue, probabilities: probs, weights: w });
      const permutedProbs = new Float64Array(n * k);
      order.forEach((from, to) => permutedProbs.set(probs.subarray(from * k, from * k + k), to * k));
      const b = evaluateMulticlass({ classes, yTrue: permute(yTrue, order, i32), probabilities: permutedProbs, weights: w ? permute(w, order, f64) : null });
      sameMetrics(a.metrics, b.metrics);
      const doubled = evaluateMulticlass({ classes, yTrue, probabilities: probs, weights: w ? w.map((v) => 2 * v) : new Float64Array(n).fill(2) });
      const twice = evaluateMulticlass({ classes, yTrue: repeat(yTrue, 2, i32), probabilities: repeat(probs, 2, f64), weights: w ? repeat(w, 2, f64) : null });
      sameMetrics(doubled.metrics, a.metrics);
      sameMetrics(twice.metrics, a.metrics);
      sameMetrics(twice.baseline, a.baseline);
    }), RUNS);
  });
});

const regressionRows = fc.integer({ min: 2, max: 40 }).chain((n) =>
  fc.record({
    y: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: -100_000, max: 100_000 }).map((v) => v / 100)), { minLength: n, maxLength: n }),
    e: fc.array(fc.integer({ min: -5000, max: 5000 }).map((v) => v / 100), { minLength: n, maxLength: n }),
    weights: fc.option(fc.array(fc.double({ min: 0.1, max: 4, noNaN: true }), { minLength: n, maxLength: n }), { nil: null }),
    order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
  }),
);

describe('regression metric invariants', () => {
  it('do not depend on row order; duplication and weight 2 change nothing', () => {
    fc.assert(fc.property(regressionRows, ({ y, e, weights, order }) => {
      const yTrue = Float64Array.from(y), yPred = Float64Array.from(y, (v, i) => v + (e[i] as number)), w = weights ? Float64Array.from(weights) : null;
      const a = evaluateRegression({ yTrue, yPred, weights: w });
      const b = evaluateRegression({ yTrue: permute(yTrue, order, f64), yPred: permute(yPred, order, f64), weights: w ? permute(w, order, f64) : null });
      sameMetrics(a.metrics, b.metrics);
      const twice = evaluateRegression({ yTrue: repeat(yTrue, 2, f64), yPred: repeat(yPred, 2, f64), weights: w ? repeat(w, 2, f64) : null });
      sameMetrics(twice.metrics, a.metrics);
      // Weighted medians pick a value (scikit-learn's _weighted_percentile) where the unweighted median
      // averages the two middle ones, so weight 2 is compared with weight 1 for the median.
      const doubled = evaluateRegression({ yTrue, yPred, weights: w ? w.map((v) => 2 * v) : new Float64Array(y.length).fill(2) });
      const ones = evaluateRegression({ yTrue, yPred, weights: w ?? new Float64Array(y.length).fill(1) });
      sameMetrics(doubled.metrics, a.metrics, ['medianAe']);
      near(doubled.metrics.medianAe, ones.metrics.medianAe, 'weighted medianAe');
    }), RUNS);
  });
});
