import { describe, expect, it } from 'vitest';
import type { MonitorSlice } from '../../../shared/contract/monitors';
import { dropSentence, markFellBehind, monitorSlices, sliceAlerts, sliceDrops, sliceLabel } from './monitor-slices';

/** Intervals of half-width `h` around each metric (as a bootstrap of a few hundred rows gives). */
const around = (metrics: Record<string, number | null>, h = 0.02): MonitorSlice['ci'] =>
  Object.fromEntries(Object.entries(metrics).flatMap(([k, v]) => (v === null ? [] : [[k, { low: v - h, high: v + h, method: 'bootstrap' as const }]])));

const slice = (over: Partial<MonitorSlice> & Pick<MonitorSlice, 'value'>, h = 0.02): MonitorSlice => {
  const metrics = over.metrics ?? { f1: 0.8 };
  const reference = over.reference === undefined ? { n: 500, share: 0.25, metrics: { f1: 0.8 }, ci: around({ f1: 0.8 }, h) } : over.reference;
  return { column: 'region', label: `region = ${over.value}`, n: 500, share: 0.25, tooSmall: false, fellBehind: false, ...over, metrics, ci: over.ci ?? around(metrics, h), reference };
};

describe('monitor slices', () => {
  it('label a slice as a sentence reads it', () => {
    expect(sliceLabel('age', '60+', true)).toBe('age 60+');
    expect(sliceLabel('region', 'north', false)).toBe('region = north');
    expect(sliceLabel('region', '(missing)', false)).toBe('rows missing region');
  });

  it('pair each batch slice with the same reference slice: bins low to high, values alphabetical, missing last, new values without a reference, gone ones with 0 rows', () => {
    const bins = { age: { edges: [30, 60], labels: ['< 30', '30–60', '60+'] } };
    const batch = {
      rows: 1000,
      slices: [
        { column: 'region', value: 'west', n: 100, metrics: { f1: 0.5 }, ci: {}, tooSmall: false },
        { column: 'age', value: '60+', n: 500, metrics: { f1: 0.6 }, ci: {}, tooSmall: false },
        { column: 'region', value: '(missing)', n: 20, metrics: { f1: 0.7 }, ci: {}, tooSmall: true },
        { column: 'age', value: '< 30', n: 200, metrics: { f1: 0.9 }, ci: {}, tooSmall: false },
        { column: 'region', value: 'east', n: 880, metrics: { f1: 0.8 }, ci: {}, tooSmall: false },
        { column: 'age', value: '30–60', n: 300, metrics: { f1: 0.8 }, ci: {}, tooSmall: false },
      ],
    };
    const reference = {
      rows: 4000,
      slices: [
        { column: 'age', value: '60+', n: 400, metrics: { f1: 0.8 }, ci: {} },
        { column: 'region', value: 'east', n: 2000, metrics: { f1: 0.79 }, ci: {} },
        { column: 'region', value: 'south', n: 1600, metrics: { f1: 0.81 }, ci: {} },
        { column: 'income', value: 'high', n: 10, metrics: { f1: null }, ci: {} },
      ],
    };
    const out = monitorSlices(batch, reference, ['age', 'region'], bins);
    expect(out.map((s) => [s.label, s.share, s.reference])).toEqual([
      ['age < 30', 0.2, null],
      ['age 30–60', 0.3, null],
      ['age 60+', 0.5, { n: 400, share: 0.1, metrics: { f1: 0.8 }, ci: {} }],
      ['region = east', 0.88, { n: 2000, share: 0.5, metrics: { f1: 0.79 }, ci: {} }],
      ['region = south', 0, { n: 1600, share: 0.4, metrics: { f1: 0.81 }, ci: {} }],
      ['region = west', 0.1, null],
      ['rows missing region', 0.02, null],
    ]);
    expect(out.find((s) => s.value === 'south')).toMatchObject({ n: 0, tooSmall: true, metrics: {} });
    expect(monitorSlices(batch, null, ['age', 'region'], bins).every((s) => s.reference === null)).toBe(true);
  });

  it('a slice falls behind when it lost more than the threshold, that much more than the whole, and significantly', () => {
    const whole = { now: { f1: 0.78 }, reference: { f1: 0.8 } };
    const slices = [
      slice({ value: 'north', metrics: { f1: 0.72 } }), // -0.08, the whole -0.02: 0.06 behind, z about 5.5
      slice({ value: 'south', metrics: { f1: 0.76 } }), // -0.04: within the threshold
      slice({ value: 'east', metrics: { f1: 0.6 } }, 0.25), // -0.2 but intervals of +-0.25: could be chance
      slice({ value: 'west', metrics: { f1: 0.6 }, reference: { n: 500, share: 0.25, metrics: { f1: 0.9 }, ci: around({ f1: 0.9 }) } }), // -0.3
      slice({ value: 'central', metrics: { f1: 0.5 }, tooSmall: true }),
      slice({ value: 'new', metrics: { f1: 0.1 }, reference: null }),
      slice({ value: 'undefined', metrics: { f1: null } }),
      slice({ value: 'no interval', metrics: { f1: 0.5 }, ci: {} }),
    ];
    const drops = sliceDrops(slices, 'f1', 0.05, whole);
    expect(drops.map((d) => d.label)).toEqual(['region = west', 'region = north']);
    expect(drops[0]!.by).toBeCloseTo(0.3, 12);
    expect(drops.every((d) => d.pValue < 0.05)).toBe(true);
    // When the whole model lost as much, the group did not fall behind: the whole's own alert says it.
    expect(sliceDrops(slices, 'f1', 0.05, { now: { f1: 0.7 }, reference: { f1: 0.8 } }).map((d) => d.label)).toEqual(['region = west']);
    expect(sliceDrops(slices, null, 0.05, whole)).toEqual([]);
    const marked = markFellBehind({ slices, metrics: whole.now, referenceMetrics: whole.reference }, 'f1', 0.05);
    expect(marked.filter((s) => s.fellBehind).map((s) => s.value)).toEqual(['north', 'west']);
  });

  it('the p-values are Holm-corrected over the batch\'s slices: one borderline drop among many groups is not flagged', () => {
    // -0.1 with intervals of +-0.0675 on both sides: z = 2.05, one-sided p = 0.02.
    const borderline = slice({ value: 'west', metrics: { f1: 0.7 } }, 0.0675);
    const whole = { now: { f1: 0.8 }, reference: { f1: 0.8 } };
    expect(sliceDrops([borderline], 'f1', 0.05, whole)[0]!.pValue).toBeCloseTo(0.0202, 3);
    const others = ['a', 'b', 'c', 'd', 'e'].map((v) => slice({ value: v }));
    expect(sliceDrops([borderline, ...others], 'f1', 0.05, whole)).toEqual([]);
  });

  it('for an error metric a rise is the drop, as a share of the reference value', () => {
    const s = [slice({ value: 'north', metrics: { mae: 12 }, reference: { n: 500, share: 0.25, metrics: { mae: 10 }, ci: around({ mae: 10 }, 0.5) } }, 0.5)];
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
