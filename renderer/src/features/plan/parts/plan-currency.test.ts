import { describe, expect, it } from 'vitest';
import { assumptionIn, planCurrency } from './plan-currency';

const shop = { name: 'Corner shop', currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30', budgetCents: 500_000, monthlyCapCents: null };

describe('the currency a plan is shown in', () => {
  it('writes an estimate\'s dollars in the project\'s currency, each converted once to cents', () => {
    const pc = planCurrency(shop);
    expect(pc.currency).toBe('EUR');
    expect(pc.rateNote).toBe('at 0.92 EUR per US dollar of 2026-11-30');
    // $1,304.35 x 0.92 = €1,200.00; $16.2371 x 0.92 = €14.94 (1493.81 cents -> 1494).
    expect(pc.money(1304.3478260869565)).toBe('€1,200');
    expect(pc.money(16.2371)).toBe('€14.94');
    // Estimates: whole euros from 10 on, two significant digits from 1,000 on.
    expect(pc.approx(12_345)).toBe('€11,000'); // €11,357.40
    expect(pc.approx(63.32)).toBe('€58'); // €58.25
    expect(pc.approxRange(12, 17)).toBe('€11 to €16'); // €11.04 to €15.64
    expect(pc.approxRange(12_100, 12_400)).toBeNull(); // both €11,000
    // A tariff keeps its third significant digit: $0.326087 x 0.92 = €0.30.
    expect(pc.unitPrice(0.32608695652173914)).toBe('€0.30');
    expect(pc.unitPrice(0.17)).toBe('€0.156');
  });

  it('stays in dollars without a project, and says why for a project without a rate', () => {
    const none = planCurrency(null);
    expect([none.currency, none.approx(12_345), none.unitPrice(0.17), none.rateNote, none.missingRate]).toEqual(['USD', '$12,000', '$0.17', null, null]);
    const { usdRate: _rate, ...withoutRate } = shop;
    const noRate = planCurrency(withoutRate);
    expect(noRate.currency).toBe('USD');
    expect(noRate.approx(63.32)).toBe('$63');
    expect(noRate.missingRate).toMatch(/^“Corner shop” counts in EUR and has no exchange rate from US dollars yet/);
  });

  it('converts a dollar-priced assumption with the same rate and keeps its dollars; other units are left alone', () => {
    const pc = planCurrency(shop);
    const tariff = assumptionIn({ value: 0.17, unit: 'USD/kWh', range: { p10: 0.08, p90: 0.3 } }, pc);
    expect(tariff.unit).toBe('EUR/kWh');
    expect(tariff.value).toBeCloseTo(0.1564, 12);
    expect(tariff.range?.p90).toBeCloseTo(0.276, 12);
    expect(tariff.dollars).toEqual({ value: 0.17, unit: 'USD/kWh', range: { p10: 0.08, p90: 0.3 } });
    expect(assumptionIn({ value: 36, unit: 'months' }, pc)).toEqual({ value: 36, unit: 'months' });
    expect(assumptionIn({ value: '0.15 / 0.60', unit: 'USD per 1M input / output tokens' }, pc)).toEqual({ value: '0.15 / 0.60', unit: 'USD per 1M input / output tokens' });
    expect(assumptionIn({ value: 0.17, unit: 'USD/kWh' }, planCurrency(null))).toEqual({ value: 0.17, unit: 'USD/kWh' });
  });
});
