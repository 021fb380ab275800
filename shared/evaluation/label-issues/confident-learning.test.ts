import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { findLabelIssues } from './confident-learning';

/** Out-of-sample-like probabilities for the TRUE class, then a share of labels flipped. */
function planted(seed: number, n: number, k: number, flipShare: number, strength: number) {
  const rng = createSeededRng(seed);
  const classes = ['cat', 'dog', 'bird', 'fish'].slice(0, k);
  const labels = new Int32Array(n);
  const probabilities = new Float64Array(n * k);
  const flipped = new Set<number>();
  for (let i = 0; i < n; i++) {
    const truth = Math.floor(rng.next() * k);
    const logits = Array.from({ length: k }, (_, j) => rng.normal() + (j === truth ? strength : 0));
    const z = logits.reduce((a, v) => a + Math.exp(v), 0);
    logits.forEach((v, j) => (probabilities[i * k + j] = Math.exp(v) / z));
    labels[i] = truth;
    if (rng.next() < flipShare) {
      labels[i] = (truth + 1 + Math.floor(rng.next() * (k - 1))) % k;
      flipped.add(i);
    }
  }
  return { classes, labels, probabilities, flipped };
}

describe('confident learning', () => {
  it('computes thresholds and the confident joint by the paper on a hand-checked example', () => {
    // Rows labelled a: p_a = 0.9, 0.8, 0.3 -> t_a = 2/3. Rows labelled b: p_b = 0.7, 0.9 -> t_b = 0.8.
    // Row 2 (labelled a) has p_b = 0.7 < t_b and p_a = 0.3 < t_a: counted nowhere. Row 3 (labelled b) has p_a = 0.3,
    // p_b = 0.7 < 0.8: nowhere. So C = [[2, 0], [0, 1]]; no label issue.
    const r = findLabelIssues({ classes: ['a', 'b'], labels: Int32Array.from([0, 0, 0, 1, 1]), probabilities: Float64Array.from([0.9, 0.1, 0.8, 0.2, 0.3, 0.7, 0.3, 0.7, 0.1, 0.9]) });
    expect(r.perClass.map((c) => c.threshold)).toEqual([(0.9 + 0.8 + 0.3) / 3, 0.8]);
    expect(r.confidentJoint.matrix).toEqual([[3, 0], [0, 2]]);
    expect(r.issueCount).toBe(0);
    expect(r.message).toMatch(/^No row looks mislabelled/);
  });

  it('flags a row whose given label the model confidently contradicts', () => {
    // Row 4 is labelled b, but the model gives a 0.95 (above t_a) and b 0.05.
    const probabilities = Float64Array.from([0.9, 0.1, 0.85, 0.15, 0.8, 0.2, 0.1, 0.9, 0.95, 0.05, 0.2, 0.8]);
    const r = findLabelIssues({ classes: ['a', 'b'], labels: Int32Array.from([0, 0, 0, 1, 1, 1]), probabilities });
    expect(r.issues.map((x) => x.row)).toEqual([4]);
    expect(r.issues[0]).toMatchObject({ givenLabel: 'b', likelyLabel: 'a', selfConfidence: 0.05, likelyProbability: 0.95 });
  });

  it('finds most planted label flips in its top ranks (recall at k = number of flips)', () => {
    const { classes, labels, probabilities, flipped } = planted(2021, 3000, 3, 0.1, 2.5);
    const r = findLabelIssues({ classes, labels, probabilities }, { maxIssues: 5000 });
    const k = flipped.size;
    const hits = r.issues.slice(0, k).filter((x) => flipped.has(x.row)).length;
    const recallAtK = hits / k;
    const precision = r.issues.filter((x) => flipped.has(x.row)).length / r.issueCount;
    // Measured with this seed: 301 flips planted, 314 rows flagged, recall@301 = 0.890, precision of all
    // flagged rows 0.869, estimated error rate 0.106 (planted 0.100).
    expect(recallAtK).toBeGreaterThan(0.85);
    expect(precision).toBeGreaterThan(0.85);
    expect(r.estimatedErrorRate).toBeGreaterThan(0.07);
    expect(r.estimatedErrorRate).toBeLessThan(0.14);
    for (const c of r.perClass) expect(c.share).toBeGreaterThan(0.05);
    expect(r.message).toMatch(/rows look mislabelled \(\d+(\.\d)?% of 3,000\), most often those labelled "\w+" \(\d+% of them\)\. Review a sample/);
    expect(r.message).toMatch(/do not delete flagged rows blindly/);
  });

  it('refuses probabilities outside [0, 1]', () => {
    expect(() => findLabelIssues({ classes: ['a', 'b'], labels: Int32Array.from([0]), probabilities: Float64Array.from([1.2, -0.2]) })).toThrow(/row 1/);
  });
});
