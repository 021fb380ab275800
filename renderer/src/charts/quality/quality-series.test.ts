import { describe, expect, it } from 'vitest';
import type { ColumnSummary } from '../../../../shared/quality/check-input';
import type { ColumnDrift } from '../../../../shared/quality/drift/column-drift';
import { classBalanceSeries, driftSeries, histogramSeries, mergeBins, missingSeries, topValuesSeries } from './quality-series';

function column(name: string, patch: Partial<ColumnSummary> = {}): ColumnSummary {
  return {
    name,
    type: 'categorical',
    count: 100,
    missing: 0,
    disguisedMissing: 0,
    disguisedTokens: [],
    distinct: 2,
    distinctIsEstimate: false,
    typeVotes: { integer: 0, float: 0, boolean: 0, datetime: 0, text: 100 },
    topValues: [],
    otherCount: 0,
    topValuesAreEstimates: false,
    distinctSample: [],
    ...patch,
  };
}

describe('quality chart series', () => {
  it('merges a long histogram into at most 24 bars, keeping every count and the outer edges', () => {
    const edges = Array.from({ length: 101 }, (_, i) => i);
    const counts = Array.from({ length: 100 }, (_, i) => i + 1);
    const m = mergeBins({ edges, counts });
    expect(m.counts.length).toBeLessThanOrEqual(24);
    expect(m.edges.length).toBe(m.counts.length + 1);
    expect(m.counts.reduce((a, b) => a + b, 0)).toBe(5050);
    expect([m.edges[0], m.edges[m.edges.length - 1]]).toEqual([0, 100]);
  });

  it('labels bins with their range, dates as days', () => {
    expect(histogramSeries({ edges: [0, 5, 10], counts: [3, 4] })).toEqual([
      { bin: '0 – 5', count: 3 },
      { bin: '5 – 10', count: 4 },
    ]);
    const day = Date.UTC(2026, 0, 1);
    expect(histogramSeries({ edges: [day, day + 86_400_000], counts: [1] }, 'datetime')[0]!.bin).toBe('2026-01-01 – 2026-01-02');
    expect(histogramSeries({ edges: [0, 1_500_000], counts: [1] })[0]!.bin).toBe('0 – 1.5M');
    // Edges of min + i x width read alike: 999.98 is 1K next to 2K, small fractions keep three digits.
    expect(histogramSeries({ edges: [0, 999.98, 1999.96], counts: [1, 1] }).map((d) => d.bin)).toEqual(['0 – 1K', '1K – 2K']);
    expect(histogramSeries({ edges: [0.001234, 0.5], counts: [1] })[0]!.bin).toBe('0.00123 – 0.5');
  });

  it('folds values beyond the limit into one bar', () => {
    const top = [
      { value: 'a', count: 50 },
      { value: 'b', count: 30 },
      { value: '', count: 10 },
    ];
    expect(topValuesSeries(top, 5, 2)).toEqual([
      { bin: 'a', count: 50 },
      { bin: 'b', count: 30 },
      { bin: 'all other values', count: 15 },
    ]);
    expect(topValuesSeries(top, 0)[2]).toEqual({ bin: '(empty text)', count: 10 });
  });

  it('lists columns with gaps as shares of rows, largest first', () => {
    const cols = [column('a', { missing: 10 }), column('b'), column('c', { missing: 5, disguisedMissing: 20 })];
    expect(missingSeries(cols, 100)).toEqual([
      { column: 'c', missing: 0.05, placeholder: 0.2 },
      { column: 'a', missing: 0.1, placeholder: 0 },
    ]);
    expect(missingSeries(cols, 0)).toEqual([]);
  });

  it('orders drift by PSI', () => {
    const d = (column: string, psi: number, psiBand: ColumnDrift['psiBand']) => ({ column, psi, psiBand }) as ColumnDrift;
    expect(driftSeries([d('x', 0.05, 'stable'), d('y', 0.4, 'major'), d('z', 0.12, 'moderate')]).map((s) => [s.column, s.band])).toEqual([
      ['y', 'major'],
      ['z', 'moderate'],
      ['x', 'stable'],
    ]);
  });

  it('gives class shares', () => {
    const target = column('churned', { count: 100, topValues: [{ value: 'no', count: 90 }, { value: 'yes', count: 10 }] });
    expect(classBalanceSeries(target)).toEqual([
      { label: 'no', count: 90, share: 0.9 },
      { label: 'yes', count: 10, share: 0.1 },
    ]);
  });
});
