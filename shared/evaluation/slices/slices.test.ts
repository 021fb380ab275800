import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { readableQuantileBins } from './readable-bins';
import { holmAdjust, proportionWorsePValue } from './significance';
import { assignSlices } from './slice-columns';
import { evaluateSlices, planSlices } from './slice-report';

describe('significance', () => {
  it('adjusts p-values with Holm (step-down, monotone)', () => {
    expect(holmAdjust([0.01, 0.04, 0.03, 0.005, null])).toEqual([0.03, 0.06, 0.06, 0.02, null]);
  });

  it('gives the one-sided two-proportion z-test p-value (scipy: norm.sf of the pooled z)', () => {
    const p = proportionWorsePValue({ success: 30, total: 50, squares: 50 }, { success: 80, total: 100, squares: 100 });
    expect(p).toBeCloseTo(0.0045117194090401515, 12);
  });
});

describe('readable quantile bins', () => {
  it('cuts ages 18..90 at the quartiles, labelled for people', () => {
    const ages = Float64Array.from({ length: 73 }, (_, i) => 18 + i);
    expect(readableQuantileBins(ages, 4)).toEqual({ edges: [36, 54, 72], labels: ['< 36', '36–54', '54–72', '72+'] });
  });

  it('keeps exactly the cuts that leave no bin empty (against a scan of every value)', () => {
    const value = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.double({ min: -50, max: 50, noNaN: true }));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 200 }), fc.integer({ min: 2, max: 6 }), (xs, k) => {
        const sorted = Float64Array.from(xs).sort();
        const { edges } = readableQuantileBins(sorted, k);
        const all = [-Infinity, ...edges, Infinity];
        for (let b = 0; b + 1 < all.length; b++) expect(sorted.some((v) => v >= all[b]! && v < all[b + 1]!)).toBe(true);
        expect(edges.every((e) => e > sorted[0]!)).toBe(true);
      }),
      { numRuns: 300, seed: 17 },
    );
  });

  it('rounds to two significant digits and drops cuts that would leave a bin empty', () => {
    const v = Float64Array.from([1.234, 1.234, 1.234, 1.234, 1.234, 1.234, 2.71, 3.14159, 100.5, 250.25]).sort();
    const b = readableQuantileBins(v, 4);
    expect(b.edges.length).toBeLessThan(3);
    expect(b.labels[b.labels.length - 1]).toMatch(/\+$/);
  });
});

describe('numeric slices cut at given bins', () => {
  it('use another file\'s bins and labels as they are, whatever this file\'s own quartiles', () => {
    const reference = readableQuantileBins(Float64Array.from({ length: 73 }, (_, i) => 18 + i), 4);
    const older = Float64Array.from([20, 40, 60, 80, 90, 95, NaN]);
    const own = assignSlices({ name: 'age', kind: 'numeric', values: older }, older.length);
    const fixed = assignSlices({ name: 'age', kind: 'numeric', values: older, fixed: reference }, older.length);
    expect(own.labels).not.toEqual([...reference.labels, '(missing)']);
    expect(fixed.labels).toEqual(['< 36', '36–54', '54–72', '72+', '(missing)']);
    expect(Array.from(fixed.slice)).toEqual([0, 1, 2, 3, 3, 3, 4]);
    expect(fixed.bins).toEqual(reference);
    const plan = planSlices({ task: 'regression', input: { yTrue: older, yPred: older } }, [{ name: 'age', kind: 'numeric', values: older, fixed: reference }]);
    expect(plan.columns[0]!.bins).toEqual(reference);
    expect(plan.columns[0]!.slices.map((x) => [x.label, x.rows.length])).toEqual([['< 36', 1], ['36–54', 1], ['54–72', 1], ['72+', 3], ['(missing)', 1]]);
  });
});

/** 4,000 customers; the model misses many positives among the 60+ (the planted weakness). */
function customers(seed: number, weakOld: boolean) {
  const rng = createSeededRng(seed);
  const n = 4000;
  const age = new Float64Array(n);
  const region = new Int32Array(n);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    age[i] = Math.floor(18 + rng.next() * 70);
    region[i] = Math.floor(rng.next() * 4);
    y[i] = rng.next() < 0.4 ? 1 : 0;
    const signal = weakOld && (age[i] as number) >= 60 ? 0.3 : 1.6;
    s[i] = 1 / (1 + Math.exp(-(rng.normal() + (y[i] ? signal : -signal))));
  }
  return { age, region, y, s };
}

describe('slices', () => {
  it('lists the slice where the model is weak first, significantly worse, in a plain sentence', () => {
    const { age, region, y, s } = customers(1, true);
    const report = evaluateSlices(
      { task: 'binary', input: { isPositive: y, scores: s } },
      [{ name: 'age', kind: 'numeric', values: age }, { name: 'region', kind: 'categorical', codes: region, categories: ['north', 'south', 'east', 'west'] }],
      { judge: ['recall', 'rocAuc'], bootstrap: { resamples: 300 } },
    );
    const first = report.slices[0];
    expect(first?.column).toBe('age');
    expect(first?.value).toMatch(/\+$/);
    expect(first?.judgements[0]?.verdict).toBe('significantly-worse');
    expect(first?.judgements[0]?.test).toBe('two-proportion z-test');
    expect(first?.judgements[1]?.test).toBe('bootstrap z-test');
    expect(first?.message).toMatch(/^Recall on age \d+\+ is 0\.\d\d \(0\.\d\d–0\.\d\d\), against 0\.\d\d overall: significantly worse\.$/);
    // No region is flagged: the weakness is about age only.
    for (const sl of report.slices.filter((x) => x.column === 'region')) expect(sl.judgements[0]?.verdict).not.toBe('significantly-worse');
    for (const sl of report.slices) for (const [k, ci] of Object.entries(sl.ci)) {
      const v = sl.metrics[k];
      if (ci && v !== null && v !== undefined) expect(ci.low <= v && v <= ci.high).toBe(true);
    }
  });

  it('flags no slice for a model that is equally good everywhere', () => {
    const { age, region, y, s } = customers(2, false);
    const report = evaluateSlices(
      { task: 'binary', input: { isPositive: y, scores: s } },
      [{ name: 'age', kind: 'numeric', values: age, bins: 8 }, { name: 'region', kind: 'categorical', codes: region, categories: ['north', 'south', 'east', 'west'] }],
      { judge: ['recall', 'f1'], bootstrap: { resamples: 300 } },
    );
    for (const sl of report.slices) for (const j of sl.judgements) expect(j.verdict).not.toBe('significantly-worse');
  });

  it('marks slices under the minimum count as too small to judge, and lists them last', () => {
    const { age, y, s } = customers(3, false);
    const codes = Int32Array.from(age, (_a, i) => (i < 12 ? 1 : 0));
    const report = evaluateSlices({ task: 'binary', input: { isPositive: y, scores: s } }, [{ name: 'segment', kind: 'categorical', codes, categories: ['main', 'pilot'] }], { bootstrap: { resamples: 100 } });
    const last = report.slices[report.slices.length - 1];
    expect(last?.value).toBe('pilot');
    expect(last?.tooSmall).toBe(true);
    expect(last?.message).toBe('Only 12 rows in segment = pilot: too small to judge (fewer than 30).');
  });

  it('slices regression and multiclass evaluations too', () => {
    const rng = createSeededRng(8);
    const n = 600;
    const yTrue = Float64Array.from({ length: n }, () => 50 + 10 * rng.normal());
    const group = Int32Array.from({ length: n }, (_, i) => i % 3);
    const yPred = Float64Array.from(yTrue, (v, i) => v + (group[i] === 2 ? 6 : 1) * rng.normal());
    const reg = evaluateSlices({ task: 'regression', input: { yTrue, yPred } }, [{ name: 'shop', kind: 'categorical', codes: group, categories: ['a', 'b', 'c'] }], { bootstrap: { resamples: 200 } });
    expect(reg.slices[0]?.value).toBe('c');
    expect(reg.slices[0]?.judgements[0]?.verdict).toBe('significantly-worse');
    expect(reg.slices[0]?.message).toMatch(/^Mean absolute error on shop = c is [\d.]+ \([\d.]+–[\d.]+\), against [\d.]+ overall: significantly worse\.$/);

    const t = Int32Array.from({ length: n }, () => Math.floor(rng.next() * 3));
    const probs = new Float64Array(n * 3);
    t.forEach((c, i) => {
      const good = group[i] !== 1;
      for (let k = 0; k < 3; k++) probs[i * 3 + k] = k === c ? (good ? 0.8 : 0.4) : good ? 0.1 : 0.3;
      if (!good && rng.next() < 0.5) { probs[i * 3 + c] = 0.2; probs[i * 3 + ((c + 1) % 3)] = 0.5; }
    });
    const mc = evaluateSlices({ task: 'multiclass', input: { classes: ['x', 'y', 'z'], yTrue: t, probabilities: probs } }, [{ name: 'shop', kind: 'categorical', codes: group, categories: ['a', 'b', 'c'] }], { judge: ['accuracy'], bootstrap: { resamples: 100 } });
    expect(mc.slices[0]?.value).toBe('b');
    expect(mc.slices[0]?.judgements[0]?.verdict).toBe('significantly-worse');
  });
});
