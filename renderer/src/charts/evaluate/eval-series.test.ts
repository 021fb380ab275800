import { describe, expect, it } from 'vitest';
import type { MonitorBatch } from '../../../../shared/contract/monitors';
import { binaryResult } from '../../features/evaluate/result.fixture';
import { batchLabel, costLine, curvePoints, metricTimelines, positiveShare, psiTimelines, reliabilityLine, rocLine, thresholdLines } from './eval-series';

function drift(column: string, psi: number) {
  return {
    column,
    kind: 'numeric' as const,
    method: 'ks' as const,
    statistic: 0.1,
    threshold: 0.05,
    effectSize: { name: 'wasserstein', value: 0.1 },
    drifted: psi >= 0.1,
    negligible: false,
    psi,
    psiBand: psi >= 0.25 ? ('major' as const) : psi >= 0.1 ? ('moderate' as const) : ('stable' as const),
    referenceSize: 100,
    currentSize: 100,
  };
}

function batch(i: number, psi: Record<string, number>, metrics: Record<string, number> | null): MonitorBatch {
  const columns = Object.entries(psi).map(([c, v]) => drift(c, v));
  return {
    id: `b${i}`,
    monitorId: 'm',
    path: `/in/b${i}.csv`,
    fileName: `b${i}.csv`,
    sizeBytes: 1,
    hash: 'h',
    rows: 100,
    periodStart: i === 1 ? '2026-03-01T00:00:00.000Z' : null,
    periodEnd: null,
    drift: { columns, skipped: [], driftedColumns: 0, share: 0, datasetDrift: false },
    predictionDrift: columns.filter((c) => c.column === 'score'),
    metrics,
    metricsReason: null,
    referenceMetrics: null,
    slices: [],
    slicesReason: null,
    alerts: [],
    createdAt: `2026-04-0${i}T10:00:00.000Z`,
  };
}

describe('curve shaping', () => {
  it('drops non-finite points, sorts by x keeping the order of ties, and caps the count', () => {
    expect(curvePoints([0.5, 0, 0, Number.NaN], [0.9, 0, 0.4, 1])).toEqual([
      { x: 0, y: 0 },
      { x: 0, y: 0.4 },
      { x: 0.5, y: 0.9 },
    ]);
    const xs = Array.from({ length: 5000 }, (_, i) => i / 4999);
    const pts = curvePoints(xs, xs.map((x) => Math.sqrt(x)), 300);
    expect(pts).toHaveLength(300);
    expect(pts[0]).toEqual({ x: 0, y: 0 });
    expect(pts[299]).toEqual({ x: 1, y: 1 });
  });

  it('ROC, reliability and the positive share from a result', () => {
    const r = binaryResult({
      curves: {
        roc: { fpr: [0, 0, 0.2, 1], tpr: [0, 0.5, 0.9, 1], thresholds: [2, 0.9, 0.5, 0], points: 4 },
        pr: null,
        reliability: { binEdges: [0, 0.5, 1], bin: [0, 1], fractionPositive: [0.1, 0], meanPredicted: [0.2, 0.7], count: [10, 0] },
      },
    });
    expect(rocLine(r.curves.roc)!.data).toEqual([{ x: 0, y: 0 }, { x: 0, y: 0.5 }, { x: 0.2, y: 0.9 }, { x: 1, y: 1 }]);
    // The empty second bin has no observed rate: left out.
    expect(reliabilityLine(r.curves.reliability)!.data).toEqual([{ x: 0.2, y: 0.1 }]);
    expect(positiveShare(r)).toBeCloseTo(240 / 800, 12);
  });

  it('the threshold tool: three metric lines and the cost in currency units', () => {
    const curve = { thresholds: [0.1, 0.5, 0.9], precision: [0.3, 0.8, 1], recall: [1, 0.7, 0.1], f1: [0.46, 0.75, 0.18], falsePositiveRate: [0.9, 0.1, 0], flaggedShare: [0.95, 0.3, 0.02], costPer1000Micros: [900_000_000, 531_250_000, 2_000_000_000], points: 3 };
    expect(thresholdLines(curve).map((l) => l.id)).toEqual(['Flags that were right', 'Cases found', 'Share of rows flagged']);
    expect(costLine(curve)!.data).toEqual([{ x: 0.1, y: 900 }, { x: 0.5, y: 531.25 }, { x: 0.9, y: 2000 }]);
    expect(costLine({ ...curve, costPer1000Micros: null })).toBeNull();
  });
});

describe('monitor timelines', () => {
  const batches = [batch(1, { age: 0.02, score: 0.01, income: 0.05 }, { f1: 0.81 }), batch(2, { age: 0.31, score: 0.12 }, null), batch(3, { age: 0.4, score: 0.2, income: 0.06 }, { f1: 0.64 })];

  it('one PSI line per column: model outputs first, then the most shifted; a missing column is a gap', () => {
    const t = psiTimelines(batches);
    expect(t.map((x) => [x.column, x.output, x.band])).toEqual([
      ['score', true, 'moderate'],
      ['age', false, 'major'],
      ['income', false, 'stable'],
    ]);
    expect(t[2]!.line.data).toEqual([{ x: 1, y: 0.05 }, { x: 3, y: 0.06 }]);
  });

  it('metric lines skip batches without labels and carry the reference value', () => {
    const m = metricTimelines(batches, ['f1', 'rocAuc'], { f1: 0.8, rocAuc: 0.9 });
    expect(m).toEqual([{ key: 'f1', line: { id: 'f1', data: [{ x: 1, y: 0.81 }, { x: 3, y: 0.64 }] }, reference: 0.8 }]);
  });

  it('names a batch by its period when known, else the day it was added', () => {
    expect(batchLabel(batches[0]!)).toBe('2026-03-01 · b1.csv');
    expect(batchLabel(batches[1]!)).toBe('2026-04-02 · b2.csv');
  });
});
