import { describe, expect, it } from 'vitest';
import type { MonitorBatch } from '../../../../../shared/contract/monitors';
import { alertedBatches, batchRows, batchTicks, metricDomain, psiBands, timelineMetrics } from './monitor-view';

function batch(i: number, over: Partial<MonitorBatch> = {}): MonitorBatch {
  return {
    id: `b${i}`,
    monitorId: 'm',
    path: `/in/b${i}.csv`,
    fileName: `b${i}.csv`,
    sizeBytes: 1,
    hash: 'h',
    rows: 1500,
    periodStart: null,
    periodEnd: null,
    drift: { columns: [], skipped: [], driftedColumns: 0, share: 0, datasetDrift: false },
    predictionDrift: [],
    metrics: null,
    metricsReason: null,
    referenceMetrics: null,
    slices: [],
    slicesReason: null,
    alerts: [],
    createdAt: `2026-04-0${i}T10:00:00.000Z`,
    ...over,
  };
}

describe('monitor timeline in words', () => {
  const shifted = { columns: [{ column: 'age' }, { column: 'score' }, { column: 'region' }] as MonitorBatch['drift']['columns'], skipped: [], driftedColumns: 2, share: 2 / 3, datasetDrift: true };
  const batches = [
    batch(1, { metrics: { f1: 0.81, recall: 0.8, accuracy: 0.9 } }),
    batch(2, { drift: shifted, metrics: { f1: 0.64, recall: 0.6, accuracy: 0.8 }, alerts: ['age shifted: PSI 0.31, a major change from the reference.'] }),
    batch(3, { metricsReason: 'The batch has no label column "label", so only drift is measured.' }),
  ];

  it('one row per batch: shifted columns, the headline result or why there is none, the alerts', () => {
    const rows = batchRows({ batches, headlineMetric: 'f1' });
    expect(rows.map((r) => [r.number, r.label, r.shifted, r.result, r.alerts.length])).toEqual([
      [1, '2026-04-01 · b1.csv', 'no shared columns', 'balance of flags and finds 0.81', 0],
      [2, '2026-04-02 · b2.csv', '2 of 3 columns', 'balance of flags and finds 0.64', 1],
      [3, '2026-04-03 · b3.csv', 'no shared columns', 'The batch has no label column "label", so only drift is measured.', 0],
    ]);
  });

  it('charts the metric the alerts follow and the ones that explain it, when batches have them', () => {
    expect(timelineMetrics({ batches, headlineMetric: 'f1' })).toEqual(['f1', 'recall']);
    expect(timelineMetrics({ batches, headlineMetric: null })).toEqual([]);
    expect(alertedBatches(batches)).toEqual([2]);
  });

  it('keeps the reference line in view and names only the major band when a huge shift crowds the chart', () => {
    const [lo, hi] = metricDomain([0.6, 0.68], 0.75);
    expect(lo).toBeLessThan(0.6);
    expect(hi).toBeGreaterThan(0.75);
    const [a, b] = metricDomain([0.7], null);
    expect(a).toBeCloseTo(0.665, 12);
    expect(b).toBeCloseTo(0.735, 12);
    expect(psiBands(0.3).map((b) => b.legend)).toEqual(['moderate', 'major']);
    expect(psiBands(4.3).map((b) => b.legend)).toEqual(['', 'major']);
  });

  it('spreads at most eight ticks and always labels the last batch', () => {
    expect(batchTicks([1, 2])).toEqual([{ value: 1, label: '#1' }, { value: 2, label: '#2' }]);
    const ticks = batchTicks(Array.from({ length: 30 }));
    expect(ticks.length).toBeLessThanOrEqual(9);
    expect(ticks[ticks.length - 1]).toEqual({ value: 30, label: '#30' });
  });
});
