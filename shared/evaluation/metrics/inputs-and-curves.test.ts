/** Bad input gets a clear message naming the row; long curves are downsampled with exact ends. */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { evaluateBinary } from './binary-report';
import { sampledIndices } from './downsample';
import { evaluateMulticlass } from './multiclass-report';
import { evaluateRegression } from './regression-report';

describe('bad input', () => {
  it('names the row of a non-finite score or a negative weight', () => {
    expect(() => evaluateBinary({ isPositive: Uint8Array.from([1, 0, 1]), scores: Float64Array.from([0.2, NaN, 0.4]) })).toThrow('Score on row 2 is NaN; it must be a finite number.');
    expect(() => evaluateBinary({ isPositive: Uint8Array.from([1, 0]), scores: Float64Array.from([0.2, 0.4]), weights: Float64Array.from([1, -2]) })).toThrow('Weight on row 2 is -2; weights must be finite numbers of 0 or more.');
    expect(() => evaluateRegression({ yTrue: Float64Array.from([1, Infinity]), yPred: Float64Array.from([1, 2]) })).toThrow('Target on row 2 is Infinity; it must be a finite number.');
    expect(() => evaluateMulticlass({ classes: ['a', 'b'], yTrue: Int32Array.from([0, 2]), probabilities: Float64Array.from([0.5, 0.5, 0.5, 0.5]) })).toThrow('True label on row 2 is class index 2, outside the 2 known classes.');
    expect(() => evaluateBinary({ isPositive: new Uint8Array(0), scores: new Float64Array(0) })).toThrow('There are no rows to evaluate.');
    expect(() => evaluateBinary({ isPositive: Uint8Array.from([1, 0]), scores: Float64Array.from([0.2]) })).toThrow('scores has 1 values but there are 2 rows.');
  });

  it('gives probability metrics null with a reason when probabilities leave [0, 1]', () => {
    const mc = evaluateMulticlass({ classes: ['a', 'b'], yTrue: Int32Array.from([0, 1]), probabilities: Float64Array.from([1.2, -0.2, 0.3, 0.7]) });
    expect(mc.metrics.logLoss).toBeNull();
    expect(mc.reasons.logLoss).toBe('Probabilities must lie in [0, 1]; row 1 has a value outside.');
    expect(mc.metrics.accuracy).toBe(1);
  });
});

describe('curve downsampling', () => {
  it('keeps at most max indices, strictly increasing, first and last included', () => {
    for (const [total, max] of [[10, 20], [5000, 100], [1_000_001, 2000], [3, 2]] as const) {
      const idx = Array.from(sampledIndices(total, max));
      expect(idx.length).toBe(Math.min(total, max));
      expect(idx[0]).toBe(0);
      expect(idx[idx.length - 1]).toBe(total - 1);
      for (let i = 1; i < idx.length; i++) expect(idx[i]! > idx[i - 1]!).toBe(true);
    }
  });

  it('returns plain number arrays of at most maxCurvePoints with the exact ends of the curves', () => {
    const rng = createSeededRng(1);
    const n = 20_000;
    const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.4 ? 1 : 0));
    const s = Float64Array.from(y, (v) => 1 / (1 + Math.exp(-(rng.normal() + (v ? 1 : -1)))));
    const full = evaluateBinary({ isPositive: y, scores: s }, { maxCurvePoints: 1e9 });
    const small = evaluateBinary({ isPositive: y, scores: s }, { maxCurvePoints: 50 });
    const roc = small.rocCurve!;
    expect(roc.fpr.length).toBe(50);
    expect(Array.isArray(roc.fpr)).toBe(true);
    expect(roc.points).toBe(full.rocCurve!.points);
    expect([roc.fpr[0], roc.tpr[0], roc.thresholds[0]]).toEqual([0, 0, full.rocCurve!.thresholds[0]]);
    expect([roc.fpr[49], roc.tpr[49]]).toEqual([1, 1]);
    const pr = small.prCurve!;
    expect(pr.precision.length).toBe(50);
    expect(pr.thresholds.length).toBe(49);
    expect([pr.precision[49], pr.recall[49]]).toEqual([1, 0]);
    expect(pr.recall[0]).toBe(1);
    expect(pr.thresholds[0]).toBe(full.prCurve!.thresholds[0]);
    expect(JSON.parse(JSON.stringify(small))).toEqual(small);
  });
});
