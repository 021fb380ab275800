import { describe, expect, it } from 'vitest';
import { downsampleSeries } from './downsample';
import { fromWireValue, toWireValue } from './metric-value';
import { batchSizeProblem, keyProblem } from './mlflow-limits';

describe('downsampleSeries', () => {
  it('returns a short series point by point, without what cannot be drawn', () => {
    expect(downsampleSeries([1, 2, 3, 4], [0.5, Number.NaN, Infinity, 2], 10)).toEqual({ steps: [1, 4], values: [0.5, 2], mins: [0.5, 2], maxs: [0.5, 2], nonFinite: 2 });
  });

  it('keeps each bucket\'s mean and min/max envelope', () => {
    // Steps 0..9 in 2 buckets of width 4.5: [0..4] and [5..9].
    const steps = Array.from({ length: 10 }, (_, i) => i);
    const values = [1, 9, 1, 1, 1, 2, 2, -3, 2, 2];
    expect(downsampleSeries(steps, values, 2)).toEqual({ steps: [0, 5], values: [13 / 5, 5 / 5], mins: [1, -3], maxs: [9, 2], nonFinite: 0 });
  });

  it('puts equal steps in one bucket and skips empty buckets', () => {
    expect(downsampleSeries([0, 0, 0, 100], [1, 2, 3, 4], 3)).toEqual({ steps: [0, 100], values: [2, 4], mins: [1, 4], maxs: [3, 4], nonFinite: 0 });
  });
});

describe('metric values on the wire', () => {
  it('carries NaN and the infinities as MLflow strings', () => {
    expect([Number.NaN, Infinity, -Infinity, -0.5].map(toWireValue)).toEqual(['NaN', 'Infinity', '-Infinity', -0.5]);
    expect((['NaN', 'Infinity', '-Infinity', 3] as const).map(fromWireValue)).toEqual([Number.NaN, Infinity, -Infinity, 3]);
  });
});

describe("MLflow's key rules", () => {
  it('accepts what MLflow accepts and names the key when it refuses', () => {
    for (const ok of ['loss', 'system/gpu_0_power_usage_watts', 'val loss', 'a.b-c:d', 'précision', 'x'.repeat(250)]) expect(keyProblem('metric', ok)).toBeNull();
    expect(keyProblem('param', '')).toBe('A param needs a non-empty key');
    expect(keyProblem('tag', 'a\nb')).toMatch(/^Invalid tag key "a\nb": names may only contain/);
    for (const bad of ['/abs', 'a/', 'a//b', './a', 'a/./b', 'a/..', '..']) expect(keyProblem('metric', bad), bad).toMatch(/may not start or end with a slash/);
    expect(batchSizeProblem(1000, 0, 0)).toBeNull();
    expect(batchSizeProblem(0, 0, 101)).toBe('A batch may hold at most 100 tags; this one has 101');
  });
});
