import { describe, expect, it } from 'vitest';
import type { RunRow } from '../../../../../shared/contract/runs';
import { cellText, orderFor, tableColumns } from './run-columns';

const row = {
  id: 'a'.repeat(32),
  name: 'baseline',
  status: 'FINISHED',
  params: { lr: '0.01' },
  tags: { team: 'vision' },
  metrics: { loss: 0.12345, acc: 'NaN' },
  hours: 2.5,
  costCents: 12345,
  currency: 'USD',
  energyKwh: null,
  hardwareId: 'h100-sxm',
  hardwareName: 'NVIDIA H100',
  devices: 8,
  startTime: '2026-11-20T08:00:00.000Z',
} as unknown as RunRow;

describe('runs table columns', () => {
  it('lists the run attributes, then the chosen params, metrics and tags', () => {
    const cols = tableColumns({ params: ['lr'], metrics: ['loss', 'acc'], tags: ['team'] });
    expect(cols.map((c) => c.id)).toEqual(['attr:name', 'attr:status', 'attr:start', 'attr:duration', 'attr:cost', 'attr:energy', 'attr:hardware', 'param:lr', 'metric:loss', 'metric:acc', 'tag:team']);
    expect(cols.map((c) => cellText(row, c))).toEqual(['baseline', 'FINISHED', '2026-11-20 08:00', '2 h 30 min', '$123.45', 'unknown', '8 x NVIDIA H100', '0.01', '0.1235', 'NaN', 'vision']);
  });
  it('sorts on the backend by any column id, drawn or not', () => {
    expect(orderFor(null)).toEqual([{ kind: 'attribute', key: 'start_time', ascending: false }]);
    expect(orderFor({ columnId: 'attr:cost', ascending: true })).toEqual([{ kind: 'attribute', key: 'cost', ascending: true }]);
    expect(orderFor({ columnId: 'attr:duration', ascending: false })).toEqual([{ kind: 'attribute', key: 'hours', ascending: false }]);
    expect(orderFor({ columnId: 'metric:val:loss', ascending: false })).toEqual([{ kind: 'metric', key: 'val:loss', ascending: false }]);
    expect(orderFor({ columnId: 'param:lr', ascending: true })).toEqual([{ kind: 'param', key: 'lr', ascending: true }]);
    expect(orderFor({ columnId: 'bogus', ascending: true })).toEqual([{ kind: 'attribute', key: 'start_time', ascending: false }]);
  });
});
