import { describe, expect, it } from 'vitest';
import { Z90 } from '../uncertain-value';
import { smallSampleHalfWidth, t90, widen } from './small-sample';

describe('small-sample widening', () => {
  it('t quantiles match scipy.stats.t.ppf(0.9, df)', () => {
    expect(t90(1)).toBe(3.0777);
    expect(t90(4)).toBe(1.5332);
    expect(t90(30)).toBe(1.3104);
    expect(t90(31)).toBe(Z90);
  });

  it('one run: ln 1.5; identical runs: the floor ln 1.5 / √n; scattered runs: t · s / √n', () => {
    expect(smallSampleHalfWidth([]) ).toBe(0);
    expect(smallSampleHalfWidth([3])).toBeCloseTo(Math.log(1.5), 12);
    expect(smallSampleHalfWidth([3, 3, 3, 3])).toBeCloseTo(Math.log(1.5) / 2, 12);
    // logs 0 and ln 2: s = ln 2 / √2 = 0.4901; t(1) · s / √2 = 3.0777 · 0.4901 / 1.4142 = 1.0666.
    expect(smallSampleHalfWidth([1, 2])).toBeCloseTo((3.0777 * Math.log(2)) / 2, 12);
  });

  it('widens each side in quadrature and keeps the median', () => {
    const w = widen({ p10: 10 / 1.1, p50: 10, p90: 11 }, Math.log(1.5) / 2);
    const side = Math.hypot(Math.log(1.1), Math.log(1.5) / 2);
    expect(w.p50).toBe(10);
    expect(w.p10).toBeCloseTo(10 * Math.exp(-side), 12);
    expect(w.p90).toBeCloseTo(10 * Math.exp(side), 12);
    expect(widen({ p10: 0, p50: 0, p90: 0 }, 1)).toEqual({ p10: 0, p50: 0, p90: 0 });
  });
});
