import { describe, expect, it } from 'vitest';
import type { DistributionPair } from '../../../../shared/contract/checks';
import { overlapOfRun, overlapView, pairSeries, seriesNames } from './comparison-series';

const names = { checked: 'test.csv', reference: 'train.csv' };

describe('comparison series', () => {
  it('shows shared ids beside shared rows, in the chart and in words', () => {
    const v = overlapView(
      { checkedRows: 300, referenceRows: 400, sharedRows: 0, ids: { column: 'customer_id', sharedIds: 30, checkedDistinct: 300, referenceDistinct: 400, checkedRowsWithSharedId: 30 } },
      names,
    );
    expect(v.bars).toEqual([
      { label: 'Identical rows', count: 0, share: 0 },
      { label: 'Same customer_id', count: 30, share: 0.1 },
    ]);
    expect(v.sentence).toBe('0 of 300 rows of test.csv (0%) also appear whole in train.csv; 30 (10%) have a customer_id that train.csv also has (30 values in both files).');
    expect(v.leaks).toBe(true);
  });

  it('says how to see ids when no id column was named', () => {
    const v = overlapView({ checkedRows: 1, referenceRows: 5, sharedRows: 1, ids: null }, names);
    expect(v.bars).toHaveLength(1);
    expect(v.sentence).toBe('1 of 1 row of test.csv (100%) also appears whole in train.csv. Name an id column in the check to also compare who or what the rows are about.');
  });

  it('recovers the figures of a run stored before they were kept, from its findings', () => {
    const o = overlapOfRun({
      overlap: null,
      rows: 300,
      referenceProfile: { rows: 400 } as never,
      options: { id: 'customer_id' } as never,
      findings: [
        { id: 'group_leakage', severity: 'error', count: 30, details: { sharedIds: 25, currentDistinct: 290, referenceDistinct: 400 }, message: '', advice: '' },
      ],
    });
    expect(o).toEqual({ checkedRows: 300, referenceRows: 400, sharedRows: 0, ids: { column: 'customer_id', sharedIds: 25, checkedDistinct: 290, referenceDistinct: 400, checkedRowsWithSharedId: 30 } });
  });

  it('puts both files on the same bins under their own names', () => {
    const pair: DistributionPair = { column: 'income', kind: 'numeric', edges: [0, 50000, 100000], values: [], reference: [0.75, 0.25], checked: [0.1, 0.9], drifted: true, fromSample: false };
    expect(pairSeries(pair, names)).toEqual([
      { bin: '0 – 50K', 'train.csv': 0.75, 'test.csv': 0.1 },
      { bin: '50K – 100K', 'train.csv': 0.25, 'test.csv': 0.9 },
    ]);
    const cat: DistributionPair = { column: 'region', kind: 'categorical', edges: [], values: ['north', '(other)'], reference: [0.5, 0.5], checked: [0.2, 0.8], drifted: false, fromSample: false };
    expect(pairSeries(cat, names).map((d) => d.bin)).toEqual(['north', 'all other values']);
  });

  it('tells two files of the same name apart', () => {
    expect(seriesNames({ checked: 'data.csv', reference: 'data.csv' })).toEqual({ reference: 'data.csv (compared with)', checked: 'data.csv (checked)' });
    expect(seriesNames(names)).toEqual(names);
  });
});
