import { describe, expect, it } from 'vitest';
import { RunFilter, RunOrder } from '../../../shared/contract/runs-filter';
import { parseExperimentFilter } from './experiment-filter';
import { parseRunFilter, parseRunOrderBy } from './search-filter';
import { toStoreExperimentFilter, toStoreRunFilter, toStoreRunOrder } from './store-filter';

describe("MLflow filters in the store's filter tree", () => {
  it('maps every clause the store can evaluate to a clause its contract accepts', () => {
    const filter = toStoreRunFilter(
      parseRunFilter(
        "metrics.loss < 0.5 AND params.lr = '0.01' AND tags.team ILIKE 'vis%' AND status != 'FAILED' AND run_id IN ('a1', 'b2') AND start_time >= 5 AND tags.note IS NOT NULL",
      ),
    );
    expect(filter).toEqual([
      { kind: 'metric', key: 'loss', op: '<', value: 0.5 },
      { kind: 'param', key: 'lr', op: '=', value: '0.01' },
      { kind: 'tag', key: 'team', op: 'ILIKE', value: 'vis%' },
      { kind: 'attribute', key: 'status', op: '!=', value: 'FAILED' },
      { kind: 'attribute', key: 'run_id', op: 'IN', value: ['a1', 'b2'] },
      { kind: 'attribute', key: 'start_time', op: '>=', value: 5 },
      { kind: 'tag', key: 'note', op: 'LIKE', value: '%' },
    ]);
    expect(RunFilter.safeParse(filter).success).toBe(true);
    const order = ['metrics.loss DESC', 'params.lr', 'attributes.start_time ASC'].map(parseRunOrderBy).map(toStoreRunOrder);
    expect(order).toEqual([
      { kind: 'metric', key: 'loss', ascending: false },
      { kind: 'param', key: 'lr', ascending: true },
      { kind: 'attribute', key: 'start_time', ascending: true },
    ]);
    for (const o of order) expect(RunOrder.safeParse(o).success).toBe(true);
    expect(toStoreExperimentFilter(parseExperimentFilter("name LIKE '%x%' AND tags.k = 'v'"))).toEqual([
      { kind: 'attribute', key: 'name', op: 'LIKE', value: '%x%' },
      { kind: 'tag', key: 'k', op: '=', value: 'v' },
    ]);
  });

  it('refuses by name what the store cannot evaluate, rather than dropping it', () => {
    expect(() => toStoreRunFilter(parseRunFilter('params.lr IS NULL'))).toThrow("Tally's tracking API cannot search by params.lr IS NULL yet.");
    expect(() => toStoreRunFilter(parseRunFilter("datasets.digest = 'x'"))).toThrow('cannot search by datasets.digest yet');
    expect(() => toStoreRunFilter(parseRunFilter("attributes.artifact_uri = 'x'"))).toThrow('artifact_uri');
    expect(() => toStoreRunOrder(parseRunOrderBy('attributes.artifact_uri'))).toThrow('artifact_uri');
  });
});
