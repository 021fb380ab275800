/**
 * The report's walk writes its curves from a second pass over only the blocks that hold a sampled
 * point (resumed from the first walk's marks): they must be exactly the curves a whole second walk
 * writes (rankingCurves, analyseThresholds), whatever the ties, weights, sample sizes and block
 * boundaries, for sorted and for counted (six-decimal) rankings.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalCounts } from '../stats/decimal-counts';
import { analyseThresholds } from '../threshold/threshold-analysis';
import { rankingCurves } from './ranking-metrics';
import { walkRanking } from './ranking-walk';
import { countedRanking, rankScores, type ScoreRanking } from './score-ranking';

const COSTS = { falsePositive: 300, falseNegative: 2000, unit: 'cents' as const };

function same(r: ScoreRanking, maxPoints: number): void {
  const walked = walkRanking(r, 0.5, 10, maxPoints, r.positiveWeights === null, { costs: COSTS, defaultThreshold: 0.5, maxCurvePoints: maxPoints });
  expect(walked.curves).toEqual(rankingCurves(r, maxPoints));
  expect(walked.threshold).toEqual(analyseThresholds(r, { costs: COSTS, defaultThreshold: 0.5, maxCurvePoints: maxPoints }));
}

const data = fc.integer({ min: 1, max: 1400 }).chain((n) =>
  fc.record({
    seed: fc.integer({ min: 1, max: 1 << 30 }),
    n: fc.constant(n),
    levels: fc.constantFrom(3, 50, 1000, 0),
    weighted: fc.boolean(),
    maxPoints: fc.constantFrom(2, 3, 7, 50, 5000),
  }),
);

/** n seeded rows; `levels` distinct score values (0: all distinct). */
function rows(seed: number, n: number, levels: number): { y: Uint8Array; s: Float64Array } {
  let x = seed >>> 0;
  const next = () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 2 ** 32;
  };
  const y = Uint8Array.from({ length: n }, () => (next() < 0.35 ? 1 : 0));
  const s = Float64Array.from(y, (label) => {
    const v = Math.min(1, next() * 0.8 + label * 0.2);
    return levels === 0 ? v : Math.round(v * levels) / levels;
  });
  return { y, s };
}

describe('walkRanking', () => {
  it('writes the curves a whole second walk writes (sorted rankings, weighted or not)', () => {
    fc.assert(
      fc.property(data, ({ seed, n, levels, weighted, maxPoints }) => {
        const { y, s } = rows(seed, n, levels);
        const w = weighted ? Float64Array.from(y, (_, i) => (i % 7 === 0 ? 0 : 0.5 + (i % 3))) : null;
        same(rankScores(s, y, w), maxPoints);
      }),
      { numRuns: 150, seed: 77 },
    );
  });

  it('does so for counted six-decimal rankings and at block boundaries', () => {
    for (const n of [1, 255, 256, 257, 512, 513, 3000]) {
      const { y, s } = rows(n, n, 0);
      const six = Float64Array.from(s, (v) => Math.round(v * 1e6) / 1e6);
      const part = (label: number) => {
        const values = six.filter((_, i) => y[i] === label);
        return { counts: decimalCounts(values) as Int32Array, rows: values.length };
      };
      for (const maxPoints of [2, 9, 300]) {
        same(countedRanking(part(1), part(0)), maxPoints);
        same(rankScores(s, y), maxPoints);
      }
    }
  });
});
