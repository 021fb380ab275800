/** The batch form computes, for every resample of a batch, what groupedBinaryStats computes for it alone. */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { rankScores } from '../metrics/score-ranking';
import { GroupedBatchStats } from './grouped-batch-stats';
import { type GroupedBinaryStats, groupedBinaryStats } from './grouped-binary-stats';
import { groupScores } from './score-groups';

describe('GroupedBatchStats', () => {
  it.each([
    ['exact groups, unweighted', 300, false],
    ['quantile groups, weighted', 5000, true],
  ])('equals groupedBinaryStats resample by resample: %s', (_name, n, weighted) => {
    const rng = createSeededRng(21);
    const y = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? 1 : 0));
    const s = Float64Array.from(y, (label) => Math.min(1, Math.round((rng.next() * 0.8 + label * 0.2) * 200) / 200 + (n > 1000 ? rng.next() * 1e-3 : 0)));
    const w = weighted ? Float64Array.from(y, () => 0.5 + rng.next()) : null;
    const g = groupScores(rankScores(s, y, w), 0.5, true, 2000);
    expect(g.exact).toBe(n < 2000);
    const batch = 7;
    const used = 5;
    const pos = new Int32Array(g.size * batch);
    const neg = new Int32Array(g.size * batch);
    // Any counts will do (zeros included): the formulas must agree on each column.
    for (let i = 0; i < pos.length; i++) {
      pos[i] = Math.floor(rng.next() * 3 * (g.positive.rows[Math.floor(i / batch)] as number));
      neg[i] = Math.floor(rng.next() * 3 * (g.negative.rows[Math.floor(i / batch)] as number));
    }
    const samples = { f1: new Float64Array(used), balancedAccuracy: new Float64Array(used), rocAuc: new Float64Array(used), averagePrecision: new Float64Array(used), logLoss: new Float64Array(used), brier: new Float64Array(used) };
    new GroupedBatchStats(batch).compute(g, pos, neg, used, 0, samples, 0);
    for (let b = 0; b < used; b++) {
      const one: GroupedBinaryStats = { f1: 0, balancedAccuracy: 0, rocAuc: 0, averagePrecision: 0, logLoss: 0, brier: 0 };
      const column = (c: Int32Array) => Float64Array.from({ length: g.size }, (_, q) => c[q * batch + b] as number);
      groupedBinaryStats(g, column(pos), column(neg), 0, one);
      for (const k of Object.keys(one) as (keyof GroupedBinaryStats)[]) expect(samples[k][b], `${k}, resample ${b}`).toBeCloseTo(one[k], 12);
    }
  });
});
