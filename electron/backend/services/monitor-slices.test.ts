import { describe, expect, it } from 'vitest';
import type { MonitorSlice } from '../../../shared/contract/monitors';
import { dropSentence, markFellBehind, monitorSlices, SLICE_ALERT_MIN_ROWS, sliceAlerts, sliceDrops, sliceLabel } from './monitor-slices';

const slice = (over: Partial<MonitorSlice> & Pick<MonitorSlice, 'value'>): MonitorSlice => ({
  column: 'region',
  label: `region = ${over.value}`,
  n: 500,
  share: 0.25,
  metrics: { f1: 0.8 },
  tooSmall: false,
  fellBehind: false,
  reference: { n: 500, share: 0.25, metrics: { f1: 0.8 } },
  ...over,
});

describe('monitor slices', () => {
  it('label a slice as a sentence reads it', () => {
    expect(sliceLabel('age', '60+', true)).toBe('age 60+');
    expect(sliceLabel('region', 'north', false)).toBe('region = north');
    expect(sliceLabel('region', '(missing)', false)).toBe('rows missing region');
  });

  it('pair each batch slice with the same reference slice: bins low to high, values alphabetical, missing last, new values without a reference', () => {
    const bins = { age: { edges: [30, 60], labels: ['< 30', '30–60', '60+'] } };
    const batch = {
      rows: 1000,
      slices: [
        { column: 'region', value: 'west', n: 100, metrics: { f1: 0.5 }, tooSmall: false },
        { column: 'age', value: '60+', n: 500, metrics: { f1: 0.6 }, tooSmall: false },
        { column: 'region', value: '(missing)', n: 20, metrics: { f1: 0.7 }, tooSmall: true },
        { column: 'age', value: '< 30', n: 200, metrics: { f1: 0.9 }, tooSmall: false },
        { column: 'region', value: 'east', n: 880, metrics: { f1: 0.8 }, tooSmall: false },
        { column: 'age', value: '30–60', n: 300, metrics: { f1: 0.8 }, tooSmall: false },
      ],
    };
    const reference = { rows: 4000, slices: [{ column: 'age', value: '60+', n: 400, metrics: { f1: 0.8 } }, { column: 'region', value: 'east', n: 2000, metrics: { f1: 0.79 } }] };
    const out = monitorSlices(batch, reference, ['age', 'region'], bins);
    expect(out.map((s) => [s.label, s.share, s.reference])).toEqual([
      ['age < 30', 0.2, null],
      ['age 30–60', 0.3, null],
      ['age 60+', 0.5, { n: 400, share: 0.1, metrics: { f1: 0.8 } }],
      ['region = east', 0.88, { n: 2000, share: 0.5, metrics: { f1: 0.79 } }],
      ['region = west', 0.1, null],
      ['rows missing region', 0.02, null],
    ]);
    expect(monitorSlices(batch, null, ['age', 'region'], bins).every((s) => s.reference === null)).toBe(true);
  });

  it('a slice drops when it lost more than the threshold, and that much more than the whole; big enough on both sides', () => {
    const whole = { now: { f1: 0.78 }, reference: { f1: 0.8 } };
    const slices = [
      slice({ value: 'north', metrics: { f1: 0.72 } }), // -0.08, the whole -0.02: 0.06 behind
      slice({ value: 'south', metrics: { f1: 0.76 } }), // -0.04: within the threshold
      slice({ value: 'east', metrics: { f1: 0.6 }, n: SLICE_ALERT_MIN_ROWS - 1 }), // too few rows now
      slice({ value: 'west', metrics: { f1: 0.6 }, reference: { n: 500, share: 0.25, metrics: { f1: 0.9 } } }), // -0.3
      slice({ value: 'central', metrics: { f1: 0.5 }, tooSmall: true }),
      slice({ value: 'new', metrics: { f1: 0.1 }, reference: null }),
      slice({ value: 'undefined', metrics: { f1: null } }),
    ];
    const drops = sliceDrops(slices, 'f1', 0.05, whole);
    expect(drops.map((d) => d.label)).toEqual(['region = west', 'region = north']);
    expect(drops[0]!.by).toBeCloseTo(0.3, 12);
    // When the whole model lost as much, the group did not fall behind: the whole's own alert says it.
    expect(sliceDrops(slices, 'f1', 0.05, { now: { f1: 0.7 }, reference: { f1: 0.8 } }).map((d) => d.label)).toEqual(['region = west']);
    expect(sliceDrops(slices, null, 0.05, whole)).toEqual([]);
    const marked = markFellBehind({ slices, metrics: whole.now, referenceMetrics: whole.reference }, 'f1', 0.05);
    expect(marked.filter((s) => s.fellBehind).map((s) => s.value)).toEqual(['north', 'west']);
  });

  it('for an error metric a rise is the drop, as a share of the reference value', () => {
    const s = [slice({ value: 'north', metrics: { mae: 12 }, reference: { n: 500, share: 0.25, metrics: { mae: 10 } } })];
    const [d] = sliceDrops(s, 'mae', 0.05, { now: { mae: 10 }, reference: { mae: 10 } });
    expect(d!.by).toBeCloseTo(0.2, 12);
    expect(dropSentence(d!)).toBe('MAE on region = north rose from 10 to 12 (20% worse).');
  });

  it('alerts name the three worst groups and count the rest', () => {
    const batch = {
      metrics: { f1: 0.8 },
      referenceMetrics: { f1: 0.8 },
      slices: ['a', 'b', 'c', 'd', 'e'].map((v, i) => slice({ value: v, metrics: { f1: 0.7 - i * 0.01 } })),
    };
    expect(sliceAlerts(batch, 'f1', 0.05)).toEqual([
      'F1 on region = e dropped from 0.8 to 0.66.',
      'F1 on region = d dropped from 0.8 to 0.67.',
      'F1 on region = c dropped from 0.8 to 0.68.',
      'F1 also dropped beyond the threshold on 2 more groups.',
    ]);
  });
});
