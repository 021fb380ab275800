import { describe, expect, it } from 'vitest';
import { AMOUNT, BUDGET, PER_HOUR, PER_KWH, convertedPrices, electricityHint, priceText, readPriceUsd, repriceTexts, savedPriceTarget, typedMoneyOf, typedPriceTarget } from './typed-price';

const eur = { currency: 'EUR', usdRate: 0.92, usdRateAsOf: null };
const usd = { currency: 'USD', usdRate: 1, usdRateAsOf: null };

describe('prices typed in the project\'s currency', () => {
  it('reads a typed price into the estimator\'s dollars at the project\'s rate', () => {
    expect(readPriceUsd('€1,200', 'The purchase price', AMOUNT, eur)).toEqual({ usd: 1200 / 0.92 });
    expect(readPriceUsd('€0.30/kWh', 'The electricity price', PER_KWH, eur)).toEqual({ usd: 0.3 / 0.92 });
    expect(readPriceUsd('2,30 €/h', 'The price per GPU-hour', PER_HOUR, eur)).toEqual({ usd: 2.3 / 0.92 });
    expect(readPriceUsd('', 'The electricity price', PER_KWH, eur)).toEqual({ usd: undefined });
    // A negative price passes: the contract's schema refuses it with its own words.
    expect(readPriceUsd('-0.3', 'The electricity price', PER_KWH, usd)).toEqual({ usd: -0.3 });
    expect(readPriceUsd('£5', 'The purchase price', AMOUNT, eur)).toEqual({ error: 'The purchase price is written in GBP, but this project counts in EUR; write it in EUR, like 300, €300 or 300 EUR' });
  });

  it('reads a budget said in thousands or millions by the money parser\'s rules, and refuses what it cannot read', () => {
    expect(readPriceUsd('€92k', 'Budget', BUDGET, eur)).toEqual({ usd: 92_000 / 0.92 });
    expect(readPriceUsd('1,5M €', 'Budget', BUDGET, eur)).toEqual({ usd: 1_500_000 / 0.92 });
    expect(readPriceUsd('250k EUR', 'Budget', BUDGET, eur)).toEqual({ usd: 250_000 / 0.92 });
    // Without a letter a lone "." with three digits groups thousands, as in every money field.
    expect(readPriceUsd('92.000 €', 'Budget', BUDGET, eur)).toEqual({ usd: 92_000 / 0.92 });
    expect(readPriceUsd('$100k', 'Budget', BUDGET, usd)).toEqual({ usd: 100_000 });
    expect(readPriceUsd('', 'Budget', BUDGET, eur)).toEqual({ usd: undefined });
    expect(readPriceUsd('1,234.567', 'Budget', BUDGET, usd)).toEqual({ error: 'Budget has more than two decimals ("1,234.567"); amounts are kept in whole cents' });
    expect(readPriceUsd('lots', 'Budget', BUDGET, eur)).toEqual({ error: 'Budget must be an amount like 100k, €100,000 or 100000 EUR (got "lots")' });
    expect(readPriceUsd('£100k', 'Budget', BUDGET, eur)).toEqual({ error: 'Budget is written in GBP, but this project counts in EUR; write it in EUR, like 100k, €100,000 or 100000 EUR' });
    expect(priceText(100_000, BUDGET, eur)).toBe('92000');
  });

  it('reads a purchase price said in thousands or millions as a budget is, and asks when a separator before the letter can be read two ways', () => {
    expect(readPriceUsd('1.8k', 'The purchase price', AMOUNT, usd)).toEqual({ usd: 1800 });
    expect(readPriceUsd('€1,8k', 'The purchase price', AMOUNT, eur)).toEqual({ usd: 1800 / 0.92 });
    expect(readPriceUsd('2.5M EUR', 'The purchase price', AMOUNT, eur)).toEqual({ usd: 2_500_000 / 0.92 });
    expect(readPriceUsd('1.8K', 'The purchase price', AMOUNT, usd)).toEqual({ usd: 1800 });
    expect(readPriceUsd('1.23456k', 'The purchase price', AMOUNT, usd)).toEqual({ usd: 1234.56 });
    // One mark and three digits groups thousands in "1,800" but is the decimal mark in "1,8k".
    expect(readPriceUsd('1,800k', 'The purchase price', AMOUNT, usd)).toEqual({ error: 'The purchase price "1,800k" can be read two ways; write 1800k or 1.8k' });
    expect(readPriceUsd('€1.500M', 'Budget', BUDGET, eur)).toEqual({ error: 'Budget "€1.500M" can be read two ways; write 1500M or 1.5M' });
    expect(readPriceUsd('2,000k', 'Budget', BUDGET, usd)).toEqual({ error: 'Budget "2,000k" can be read two ways; write 2000k or 2k' });
    // Both marks, or a space, say which one groups.
    expect(readPriceUsd('1,800.5k', 'The purchase price', AMOUNT, usd)).toEqual({ usd: 1_800_500 });
    expect(readPriceUsd('1 800k', 'The purchase price', AMOUNT, usd)).toEqual({ usd: 1_800_000 });
    expect(readPriceUsd('2.5m', 'The purchase price', AMOUNT, usd)).toEqual({ error: 'The purchase price must be an amount like 300, $300 or 300 USD (got "2.5m")' });
    expect(readPriceUsd('9000000000000M', 'The purchase price', AMOUNT, usd)).toEqual({ error: 'The purchase price is too large' });
  });

  it('writes saved dollars back as the field shows them: cents for a purchase, four decimals for a tariff', () => {
    expect(priceText(1200 / 0.92, AMOUNT, eur)).toBe('1200');
    expect(priceText(1234.5 / 0.92, AMOUNT, eur)).toBe('1234.50');
    expect(priceText(0.3 / 0.92, PER_KWH, eur)).toBe('0.30');
    expect(priceText(0.2845 / 0.92, PER_KWH, eur)).toBe('0.2845');
    expect(priceText(2.5, PER_HOUR, usd)).toBe('2.50');
  });

  it('keeps the answers in the project\'s currency: the same money carried over, or kept as typed', () => {
    const typed = { currency: 'EUR', usdRate: '0.92', purchasePrice: '€1,200', electricityPrice: '0.30 €/kWh', note: 'x' };
    const fields = [['purchasePrice', AMOUNT], ['electricityPrice', PER_KWH]] as const;
    // Into a dollar project: 1200 / 0.92 = 1304.35 dollars, 0.30 / 0.92 = 0.3261 a kWh.
    expect(repriceTexts(typed, fields, { currency: 'USD', usdRate: '1' })).toEqual({ ...typed, currency: 'USD', usdRate: '1', purchasePrice: '1304.35', electricityPrice: '0.3261' });
    // A new rate for the same currency: the euros typed stay the euros typed.
    expect(repriceTexts(typed, fields, { currency: 'EUR', usdRate: '0.95' })).toEqual({ ...typed, usdRate: '0.95' });
    // Into a euro project without a rate prices are typed in dollars again.
    expect(repriceTexts({ ...typed, currency: 'USD', usdRate: '1', purchasePrice: '2500', electricityPrice: 'cheap' }, fields, { currency: 'EUR', usdRate: '0.92' })).toMatchObject({ purchasePrice: '2300', electricityPrice: 'cheap' });
    expect(typedMoneyOf({ currency: 'EUR', usdRate: '' })).toEqual(usd);
    expect(typedPriceTarget({ currency: 'EUR', usdRate: null })).toEqual({ currency: 'EUR', usdRate: '' });
    expect(typedPriceTarget({ currency: 'USD', usdRate: 1 })).toEqual({ currency: 'USD', usdRate: '1' });
    expect(typedPriceTarget(null)).toEqual({ currency: 'USD', usdRate: '1' });
  });

  it('names each typed price beside its dollars, and what an empty tariff means', () => {
    expect(convertedPrices([{ text: '€1,200', kind: AMOUNT }, { text: '€0.30/kWh', kind: PER_KWH }, { text: '', kind: PER_KWH }, { text: 'lots', kind: AMOUNT }], eur)).toEqual(['€1,200 is $1,304', '€0.30 per kWh is $0.326 per kWh']);
    expect(convertedPrices([{ text: '1800', kind: AMOUNT }], usd)).toEqual([]);
    expect(electricityHint(eur)).toBe('From your power bill, e.g. €0.30 per kWh. Empty: the US average, $0.17 (€0.156).');
    expect(electricityHint(usd)).toBe('From your power bill, e.g. $0.30. Empty: the US average, $0.17.');
  });

  it('reopens a saved plan\'s prices as typed after the project\'s rate changed, then only their dollars follow the new rate', () => {
    // Typed €2.30 per hour and €1,200 at 0.92; saved as dollars.
    const rent = 2.3 / 0.92;
    const buy = 1200 / 0.92;
    const project = { currency: 'EUR', usdRate: 0.95 };
    const saved = savedPriceTarget({ currency: 'EUR', usdRate: 0.92 }, project);
    expect(saved).toEqual({ currency: 'EUR', usdRate: '0.92' });
    expect([priceText(rent, PER_HOUR, typedMoneyOf(saved)), priceText(buy, AMOUNT, typedMoneyOf(saved))]).toEqual(['2.30', '1200']);
    // At today's rate the same dollars would read otherwise: what the plan no longer shows.
    const today = typedPriceTarget(project);
    expect([priceText(rent, PER_HOUR, typedMoneyOf(today)), priceText(buy, AMOUNT, typedMoneyOf(today))]).toEqual(['2.375', '1239.13']);
    // The page then brings the answers to today's rate: same currency, the text stays.
    const values = { currency: saved.currency, usdRate: saved.usdRate, price: '2.30' };
    expect(repriceTexts(values, [['price', PER_HOUR]], today)).toEqual({ currency: 'EUR', usdRate: '0.95', price: '2.30' });
    // A plan saved before the rate was kept reopens at the project's current rate.
    expect(savedPriceTarget(null, project)).toEqual(today);
  });
});
