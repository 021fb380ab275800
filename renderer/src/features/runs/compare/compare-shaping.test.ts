import { describe, expect, it } from 'vitest';
import { paretoFront } from '../../../../../shared/budget/spend/pareto';
import type { RunRow } from '../../../../../shared/contract/runs';
import { metricDirection, paramsDiffRows, paretoCandidates, scatterMetricKeys } from './compare-shaping';

const row = (id: string, costCents: number | null, metrics: RunRow['metrics']): RunRow =>
  ({ id, name: id, costCents, metrics } as unknown as RunRow);

describe('compare shaping', () => {
  it('puts the params that differ first, each group by key', () => {
    const rows = [
      { key: 'seed', differs: false },
      { key: 'lr', differs: true },
      { key: 'batch', differs: false },
      { key: 'epochs', differs: true },
    ];
    expect(paramsDiffRows(rows).map((r) => r.key)).toEqual(['epochs', 'lr', 'batch', 'seed']);
  });
  it('guesses which way a metric is better from its name', () => {
    expect(['val_loss', 'rmse', 'error_rate', 'perplexity', 'accuracy', 'f1', 'auc'].map(metricDirection)).toEqual(['lower', 'lower', 'lower', 'lower', 'higher', 'higher', 'higher']);
  });
  it('feeds the Pareto front with latest values and costs; NaN and unknown costs are left out', () => {
    const runs = [row('cheap', 1000, { acc: 0.8 }), row('mid', 3000, { acc: 0.9 }), row('bad', 4000, { acc: 0.85 }), row('nan', 500, { acc: 'NaN' }), row('nocost', null, { acc: 0.99 })];
    const front = paretoFront({ candidates: paretoCandidates(runs, 'acc'), metricName: 'acc', direction: 'higher', currency: 'USD' });
    expect(front.front).toEqual(['cheap', 'mid']);
    expect(front.points.find((p) => p.id === 'bad')?.dominatedBy).toBe('mid');
    expect(front.excluded.map((e) => e.id)).toEqual(['nan', 'nocost']);
  });
  it('offers as scatter metrics the keys at least two runs have a finite value for', () => {
    const runs = [row('a', 1, { acc: 1, loss: 'NaN', 'system/gpu_0_power_usage_watts': 300 }), row('b', 2, { acc: 2, loss: 1, f1: 0.5, 'system/gpu_0_power_usage_watts': 310 })];
    expect(scatterMetricKeys(runs)).toEqual(['acc']);
  });
});
