import { describe, expect, it } from 'vitest';
import type { MonitorBatch, MonitorSlice } from '../../../../../shared/contract/monitors';
import { followedGroups, GROUP_LINES, groupRows, groupsNote, groupTicks, groupTimelines, latestWithGroups } from './monitor-slices-view';

function group(value: string, f1: number, over: Partial<MonitorSlice> = {}): MonitorSlice {
  return { column: 'region', value, label: `region = ${value}`, n: 400, share: 0.25, metrics: { f1 }, ci: {}, tooSmall: false, fellBehind: false, reference: { n: 1000, share: 0.2, metrics: { f1: 0.8 }, ci: {} }, ...over };
}

function batch(i: number, slices: MonitorSlice[], over: Partial<MonitorBatch> = {}): MonitorBatch {
  return {
    id: `b${i}`, monitorId: 'm', path: `/in/b${i}.csv`, fileName: `b${i}.csv`, sizeBytes: 1, hash: 'h', rows: 1600, periodStart: null, periodEnd: null,
    drift: { columns: [], skipped: [], driftedColumns: 0, share: 0, datasetDrift: false }, predictionDrift: [], metrics: { f1: 0.8 }, metricsReason: null,
    referenceMetrics: { f1: 0.8 }, slices, slicesReason: null, alerts: [], createdAt: `2026-04-0${i}T10:00:00.000Z`, ...over,
  };
}

describe('monitor groups in words and lines', () => {
  const batches = [
    batch(1, [group('north', 0.79), group('west', 0.78)]),
    batch(2, [
      group('north', 0.8),
      group('west', 0.55, { fellBehind: true }),
      group('east', 0.7, { reference: null, n: 20, tooSmall: true, share: 0.0125 }),
      group('south', 0, { n: 0, share: 0, metrics: {}, tooSmall: true }),
    ]),
    batch(3, [], { metrics: null, metricsReason: 'The batch has no label column "label", so only drift is measured.' }),
  ];

  it('the latest batch with groups, each group against the reference: share, result, status', () => {
    const latest = latestWithGroups(batches)!;
    expect(latest.id).toBe('b2');
    expect(groupRows(latest, 'f1').map((r) => [r.label, r.rows, r.share, r.result, r.status])).toEqual([
      ['region = north', '400', '20% → 25%', '0.80 → 0.80', 'steady'],
      ['region = west', '400', '20% → 25%', '0.80 → 0.55', 'fell-behind'],
      ['region = east', '20', '— → 1%', '— → 0.70', 'too-small'],
      ['region = south', '0', '20% → 0%', '0.80 → —', 'gone'],
    ]);
    expect(groupRows(latest, null)[0]!.result).toBe('');
  });

  it('one line per group from the reference (x = 0) through the batches that have it', () => {
    const [region] = groupTimelines(batches, 'f1');
    expect(region!.column).toBe('region');
    expect(region!.lines.map((l) => [l.id, l.data])).toEqual([
      ['region = north', [{ x: 0, y: 0.8 }, { x: 1, y: 0.79 }, { x: 2, y: 0.8 }]],
      ['region = west', [{ x: 0, y: 0.8 }, { x: 1, y: 0.78 }, { x: 2, y: 0.55 }]],
      ['region = east', [{ x: 2, y: 0.7 }]],
      ['region = south', [{ x: 0, y: 0.8 }]],
    ]);
    expect(groupTimelines(batches, null)).toEqual([]);
    expect(groupTicks([{ value: 1, label: '#1' }])).toEqual([{ value: 0, label: 'ref' }, { value: 1, label: '#1' }]);
  });

  it('at most GROUP_LINES lines: the groups that fell behind, then the largest', () => {
    const many = Array.from({ length: GROUP_LINES + 3 }, (_, k) => group(`g${k}`, 0.8, { n: 100 + k, fellBehind: k === 0 }));
    const [t] = groupTimelines([batch(1, many)], 'f1');
    expect(t!.lines).toHaveLength(GROUP_LINES);
    expect(t!.hidden).toBe(3);
    expect(t!.lines.map((l) => l.id)).toContain('region = g0');
    expect(t!.lines.map((l) => l.id)).toContain(`region = g${GROUP_LINES + 2}`);
  });

  it('says why there are no groups when the monitor follows slice columns', () => {
    const roles = { label: 'label', score: 'score', slices: ['region'] };
    expect(groupsNote({ roles, batches })).toBe('The batch has no label column "label", so only drift is measured.');
    expect(groupsNote({ roles: { ...roles, slices: [] }, batches })).toBeNull();
    expect(groupsNote({ roles, batches: [batch(1, [group('north', 0.8)], { slicesReason: 'The reference r.csv could not be evaluated (x), so the slices are not compared with it.' })] })).toMatch(/^The reference r\.csv/);
  });

  it('names the columns whose groups the monitor follows', () => {
    const roles = { label: 'label', score: 'score' };
    expect(followedGroups({ roles: { ...roles, slices: ['region'] } })).toBe('Follows the groups of region.');
    expect(followedGroups({ roles: { ...roles, slices: ['region', 'age', 'plan'] } })).toBe('Follows the groups of region, age and plan.');
    expect(followedGroups({ roles })).toBe('Follows no groups: each batch is judged as a whole.');
    expect(followedGroups({ roles: null })).toBeNull();
  });
});
