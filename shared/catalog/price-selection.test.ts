import { describe, expect, it } from 'vitest';
import type { CloudGpuPriceRow } from './catalog-types';
import { DEFAULT_CLOUD_GPU_PRICES } from './cloud-gpu-prices.data';
import { providersFor, selectPrices, weightedPercentile } from './price-selection';

function row(provider: string, usdPerGpuHour: number, asOf: string, hardwareId = 'h100-sxm'): CloudGpuPriceRow {
  return { id: `${hardwareId}@${provider.toLowerCase()}`, hardwareId, provider, region: 'us', pricingModel: 'on-demand', usdPerGpuHour, asOf, source: 'test', confidence: 'secondary' };
}

describe('default price selection (stale and superseded rows)', () => {
  it('leaves the pre-cut AWS H100 row out, so the default is no longer the $10 median', () => {
    const s = selectPrices(DEFAULT_CLOUD_GPU_PRICES, 'h100-sxm')!;
    expect(s.dropped.map((d) => [d.row.provider, d.row.usdPerGpuHour])).toEqual([['AWS', 12.29]]);
    expect(s.dropped[0]?.reason).toMatch(/before AWS's 2025-06 cut/);
    expect(s.p10).toBe(2.99);
    expect(s.p90).toBe(11.06);
    // Four rows of nearly equal weight (dated 2025-02-28 to 2025-03-17): the weighted median lies
    // between Lambda 3.29 and Oracle 10.00, a little above their midpoint 6.645 because the two
    // cheap rows are two to three weeks older.
    expect(s.p50).toBeGreaterThan(6.645);
    expect(s.p50).toBeLessThan(6.9);
    expect(s.oldestAsOf).toBe('2025-02-28');
  });

  it('weights rows by age: a fresh row outweighs four stale ones', () => {
    const rows = [row('A', 10, '2025-03'), row('B', 11, '2025-03'), row('C', 2.99, '2025-03'), row('D', 3.29, '2025-03'), row('E', 3.0, '2026-10')];
    const s = selectPrices(rows, 'h100-sxm')!;
    const fresh = s.used.find((u) => u.row.provider === 'E')!;
    const stale = s.used.find((u) => u.row.provider === 'A')!;
    expect(fresh.weight).toBe(1);
    expect(stale.weight).toBeCloseTo(Math.pow(0.5, (Date.UTC(2026, 9, 1) - Date.UTC(2025, 2, 1)) / 86_400_000 / 365.25), 12);
    expect(s.p50).toBeGreaterThan(2.99);
    expect(s.p50).toBeLessThan(3.29);
  });

  it('prices one provider when asked, and lists the providers that price a device', () => {
    expect(selectPrices(DEFAULT_CLOUD_GPU_PRICES, 'h100-sxm', { provider: 'lambda' })).toMatchObject({ p10: 3.29, p50: 3.29, p90: 3.29 });
    expect(selectPrices(DEFAULT_CLOUD_GPU_PRICES, 'h100-sxm', { provider: 'Nowhere' })).toBeNull();
    expect(providersFor(DEFAULT_CLOUD_GPU_PRICES, 'h100-sxm')).toEqual(['AWS', 'GCP', 'Lambda', 'Oracle', 'RunPod']);
  });

  it('uses superseded rows when nothing else is left, and says the price is likely lower', () => {
    const s = selectPrices(DEFAULT_CLOUD_GPU_PRICES, 'h200')!;
    expect(s.p50).toBe(10.6);
    expect(s.note).toMatch(/likely lower/);
  });

  it('the weighted median is the ordinary median with equal weights', () => {
    const w = (vs: number[]) => vs.map((value) => ({ value, weight: 1 }));
    expect(weightedPercentile(w([2.99, 3.29, 10, 11.06]), 0.5)).toBeCloseTo(6.645, 12);
    expect(weightedPercentile(w([1, 2, 3]), 0.5)).toBe(2);
    expect(weightedPercentile(w([4]), 0.5)).toBe(4);
  });
});
