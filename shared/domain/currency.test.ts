import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dollarsToProjectCents, moneyOf, projectAmountToUsd, projectCentsToUsd, rateNote, roundCents, toProjectMinor, toUsdMinor, usdCentsToProject, usdToProjectAmount, type ProjectMoney } from './currency';

const eur: ProjectMoney = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' };
const usd: ProjectMoney = { currency: 'USD', usdRate: null, usdRateAsOf: null };
const noRate: ProjectMoney = { currency: 'GBP', usdRate: null, usdRateAsOf: null };

describe('roundCents', () => {
  it('rounds half away from zero, also where the float product lands a hair under the half', () => {
    expect(roundCents(12.5)).toBe(13);
    expect(roundCents(-12.5)).toBe(-13);
    expect(roundCents(12.49)).toBe(12);
    expect(roundCents(0.4)).toBe(0);
    expect(roundCents(-0.4)).toBe(0);
    // In binary floating point these products land just under the true half.
    expect(100 * 0.145).toBeLessThan(14.5);
    expect(roundCents(100 * 0.145)).toBe(15);
    expect(roundCents(330 * 1.15)).toBe(380);
    expect(roundCents(14.4999)).toBe(14);
  });
});

describe('USD <-> project currency', () => {
  it('converts USD cents to the project currency and back, each rounded once to whole cents', () => {
    expect(usdCentsToProject(1234, eur)).toBe(1135); // 1135.28
    expect(usdCentsToProject(1250, { ...eur, usdRate: 0.5 })).toBe(625);
    expect(usdCentsToProject(25, { ...eur, usdRate: 0.5 })).toBe(13); // 12.5 -> 13
    expect(projectCentsToUsd(1135, eur)).toBe(1234); // 1233.695...
    expect(projectCentsToUsd(30000, eur)).toBe(32609); // 32608.69...
    expect(projectCentsToUsd(-30000, eur)).toBe(-32609);
  });

  it('converts an estimate\'s dollars once, not via USD cents', () => {
    // $16.235 at 0.92: 1493.62 cents at once; through USD cents first (1624 -> 1494.08) it would be 1494.
    expect(dollarsToProjectCents(16.235, eur)).toBe(1494);
    expect(dollarsToProjectCents(16.2349, eur)).toBe(1494); // 1493.61 -> 1494
    expect(dollarsToProjectCents(0.004, eur)).toBe(0);
    expect(dollarsToProjectCents(1.005, { ...eur, usdRate: 2 })).toBe(201);
  });

  it('leaves USD untouched, and gives null and a plain reason without a rate', () => {
    expect(usdCentsToProject(1234, usd)).toBe(1234);
    expect(projectCentsToUsd(1234, usd)).toBe(1234);
    expect(usdCentsToProject(1234, noRate)).toBeNull();
    expect(dollarsToProjectCents(12, noRate)).toBeNull();
    const r = toProjectMinor(100, 'USD', noRate);
    expect(r.minor).toBeNull();
    expect(r.reason).toBe("the project counts in GBP and has no exchange rate from US dollars yet; set how many GBP one US dollar buys on the project's Budget page");
    expect(toProjectMinor(100, 'CHF', eur)).toEqual({ minor: null, reason: "the amount is in CHF and the project in EUR; Tally converts only between US dollars and the project's currency" });
    expect(toUsdMinor(92, 'EUR', eur)).toBeCloseTo(100, 10);
    expect(toUsdMinor(92, 'CHF', eur)).toBeNull();
  });

  it('a round trip moves an amount by no more than the two roundings allow (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.double({ min: 0.001, max: 1000, noNaN: true }), (c, rate) => {
        const m: ProjectMoney = { currency: 'EUR', usdRate: rate, usdRateAsOf: null };
        const back = projectCentsToUsd(usdCentsToProject(c, m) as number, m) as number;
        // One rounding each way: half a cent of the project currency is 0.5 / rate US cents, plus half a cent.
        expect(Math.abs(back - c)).toBeLessThanOrEqual(0.5 / rate + 0.5 + 1e-6);
        expect(Number.isSafeInteger(back)).toBe(true);
      }),
      { seed: 20261130, numRuns: 500 },
    );
  });

  it('turns a price typed in the project currency into the estimator\'s dollars unrounded, and back', () => {
    // €1,200 at 0.92 EUR per dollar: 1200 / 0.92 = 1304.3478... dollars, no cent rounding on the way in.
    expect(projectAmountToUsd(1200, eur)).toBeCloseTo(1304.347826086956, 9);
    // €0.30 per kWh: 0.3260869... dollars per kWh (a tariff keeps its decimals).
    expect(projectAmountToUsd(0.3, eur)).toBeCloseTo(0.32608695652173914, 12);
    expect(usdToProjectAmount(projectAmountToUsd(0.3, eur) as number, eur)).toBeCloseTo(0.3, 12);
    // The estimate's own dollars come back to the typed euros when converted once to cents.
    expect(dollarsToProjectCents(projectAmountToUsd(1200, eur) as number, eur)).toBe(120000);
    expect(projectAmountToUsd(1800, usd)).toBe(1800);
    expect(projectAmountToUsd(5, noRate)).toBeNull();
    expect(usdToProjectAmount(5, noRate)).toBeNull();
  });

  it('says which rate a converted figure rests on, with its date', () => {
    expect(rateNote(eur)).toBe('at 0.92 EUR per US dollar of 2026-11-30');
    expect(rateNote({ ...eur, usdRate: 0.1 + 0.2, usdRateAsOf: null })).toBe('at 0.3 EUR per US dollar');
    expect(rateNote(usd)).toBeNull();
    expect(rateNote(noRate)).toBeNull();
  });

  it("reads a project's money from a project row: a missing rate or date is null, other fields are left out", () => {
    expect(moneyOf({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' })).toEqual({ currency: 'EUR', usdRate: 0.92, usdRateAsOf: '2026-11-30' });
    expect(moneyOf({ currency: 'EUR' })).toEqual({ currency: 'EUR', usdRate: null, usdRateAsOf: null });
    expect(moneyOf({ currency: 'USD', usdRate: undefined, usdRateAsOf: null, name: 'Shop' } as Parameters<typeof moneyOf>[0])).toEqual({ currency: 'USD', usdRate: null, usdRateAsOf: null });
  });
});
