import { describe, expect, it } from 'vitest';
import type { Comparison } from '../../../../../shared/contract/evaluations';
import { formatMicros } from '../money-input';
import { compareRows, costParts, offChart, scatterPoints } from './compare-view';

type Point = Comparison['points'][number];

function point(id: string, f1: number | null, cost: number | null, over: Partial<Point> = {}): Point {
  return {
    id,
    name: `model ${id}`,
    task: 'binary',
    metrics: { f1, logLoss: f1 === null ? null : 1 - f1 },
    ci: f1 === null ? {} : { f1: { low: f1 - 0.02, high: f1 + 0.02, method: 'bootstrap' } },
    value: f1,
    trainingCostUsdCents: cost === null ? null : cost / 10_000,
    inferenceCostUsdMicros: null,
    totalCostUsdMicros: cost,
    paretoOptimal: false,
    costNote: cost === null ? 'no run linked (training cost unknown); no inference cost entered.' : null,
    ...over,
  };
}

const C: Comparison = {
  metric: 'f1',
  higherIsBetter: true,
  expectedPredictions: 1_000_000,
  metrics: ['f1', 'logLoss'],
  points: [point('a', 0.95, 2_400_000, { paretoOptimal: true }), point('b', 0.9, 900_000, { paretoOptimal: true }), point('c', 0.85, 3_000_000), point('d', 0.8, null)],
  sentence: '',
};

describe('compare view', () => {
  it('marks the best value of every metric, higher or lower being better', () => {
    const rows = compareRows(C);
    expect(rows.map((r) => [r.plain, r.cells.filter((c) => c.best).map((c) => c.id)])).toEqual([
      ['Balance of flags and finds', ['a']],
      ['Penalty for confident mistakes', ['a']],
    ]);
    expect(rows[0]!.cells[1]).toEqual({ id: 'b', value: '0.90', interval: '0.88–0.92', best: false });
  });
  it('puts only costed models on the chart, the front marked, and says why the others are off it', () => {
    expect(scatterPoints(C, ['red', 'blue']).map((p) => [p.id, p.x, p.onFront, p.color])).toEqual([
      ['a', 2_400_000, true, 'red'],
      ['b', 900_000, true, 'blue'],
      ['c', 3_000_000, false, 'red'],
    ]);
    expect(offChart(C)).toEqual([{ name: 'model d', why: 'no run linked (training cost unknown); no inference cost entered.' }]);
  });
  it('says what a cost is made of', () => {
    const money = (m: number) => formatMicros(m, 'USD');
    expect(costParts(point('x', 0.9, null, { trainingCostUsdCents: 1200, inferenceCostUsdMicros: 400_000 }), money)).toBe('training $12.00 + serving $0.40');
    expect(costParts(point('y', 0.9, null), money)).toBe('cost unknown');
  });
});
