/**
 * The two ways to the binary report's counts agree: one pass over the rows (countRows) and the
 * walk over the sorted scores (RankedCounter), on random rows with heavy ties, scores on the
 * threshold and on bin edges, and scores outside [0, 1].
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countRows, RankedCounter } from './binary-counts';
import { prepareBinary } from './binary-report';
import { rankScores } from './score-ranking';
import { walkThresholdBlocks } from './threshold-walk';

const rows = fc.integer({ min: 1, max: 300 }).chain((n) =>
  fc.record({
    labels: fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n }),
    scores: fc.oneof(
      fc.array(fc.constantFrom(0, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 1), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
      fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: n, maxLength: n }),
    ),
    threshold: fc.constantFrom(0.5, 0.3, 0.05, 1),
  }),
);

function close(a: number, b: number): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(a)));
}

describe('binary counts from the sorted scores', () => {
  it('equal one pass over the rows', () => {
    fc.assert(
      fc.property(rows, ({ labels, scores, threshold }) => {
        const y = Uint8Array.from(labels);
        const s = Float64Array.from(scores);
        const direct = countRows(y, s, null, null, threshold, 10);
        const ranking = rankScores(s, y);
        const counter = new RankedCounter(ranking, threshold, 10);
        walkThresholdBlocks(ranking, (b) => counter.block(b));
        const walked = counter.finish();
        expect([walked.tp, walked.fp, walked.tn, walked.fn, walked.posRows, walked.predPosRows, walked.unit]).toEqual([direct.tp, direct.fp, direct.tn, direct.fn, direct.posRows, direct.predPosRows, direct.unit]);
        if (!direct.unit) return;
        close(walked.logLoss, direct.logLoss);
        close(walked.brier, direct.brier);
        expect(Array.from(walked.cal.count)).toEqual(Array.from(direct.cal.count));
        expect(Array.from(walked.cal.outcome)).toEqual(Array.from(direct.cal.outcome));
        for (let b = 0; b < 10; b++) close(walked.cal.predicted[b]!, direct.cal.predicted[b]!);
        close(walked.cal.ece() ?? NaN, direct.cal.ece() ?? NaN);
      }),
      { numRuns: 300, seed: 4242 },
    );
  });

  it('refuses a weighted ranking', () => {
    const ranking = rankScores(Float64Array.of(0.2, 0.8), Uint8Array.of(0, 1), Float64Array.of(1, 2));
    expect(() => new RankedCounter(ranking, 0.5, 10)).toThrow(/unweighted/);
  });
});

describe('a report from a given unweighted ranking', () => {
  it('reads neither the rows nor their scores, and equals the report from them', () => {
    fc.assert(
      fc.property(rows, ({ labels, scores, threshold }) => {
        const y = Uint8Array.from(labels);
        const s = Float64Array.from(scores);
        const options = { threshold, thresholdTool: true, intervals: { resamples: 20, seed: 3 } };
        const fromRows = prepareBinary({ isPositive: y, scores: s }, options).report;
        const input = {
          ranking: rankScores(s, y),
          get isPositive(): Uint8Array {
            throw new Error('isPositive was read');
          },
          get scores(): Float64Array {
            throw new Error('scores were read');
          },
        };
        expect(prepareBinary(input, options).report).toEqual(fromRows);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});
