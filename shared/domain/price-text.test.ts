import { describe, expect, it } from 'vitest';
import { parsePriceText, type PriceTextOptions } from './price-text';

const kwh: PriceTextOptions = { field: 'The electricity price', per: ['kWh'] };
const eurKwh: PriceTextOptions = { ...kwh, currency: 'EUR' };
const read = (text: string, opts: PriceTextOptions = kwh) => {
  const r = parsePriceText(text, opts);
  return r.ok ? { amount: r.amount, currency: r.currency } : r.message;
};

describe('parsePriceText', () => {
  it('reads a tariff as people write it, with or without the unit and the currency', () => {
    expect(read('€0.30/kWh', eurKwh)).toEqual({ amount: 0.3, currency: 'EUR' });
    expect(read('0,30 €/kWh', eurKwh)).toEqual({ amount: 0.3, currency: 'EUR' });
    expect(read('0.30 EUR per kWh', eurKwh)).toEqual({ amount: 0.3, currency: 'EUR' });
    expect(read('0.30 / KWH', eurKwh)).toEqual({ amount: 0.3, currency: 'EUR' });
    expect(read('0.30', eurKwh)).toEqual({ amount: 0.3, currency: 'EUR' });
    expect(read('', eurKwh)).toEqual({ amount: null, currency: 'EUR' });
    expect(read('$0.17')).toEqual({ amount: 0.17, currency: 'USD' });
  });

  it('keeps up to six decimals and takes one lone separator as the decimal mark', () => {
    expect(read('0.2845 €/kWh', eurKwh)).toEqual({ amount: 0.2845, currency: 'EUR' });
    expect(read('0.285', eurKwh)).toEqual({ amount: 0.285, currency: 'EUR' });
    expect(read('2,495 €', { field: 'The price per GPU-hour', per: ['GPU-hour', 'hour', 'h'], currency: 'EUR' })).toEqual({ amount: 2.495, currency: 'EUR' });
    expect(read('$2.50/h', { field: 'The price per GPU-hour', per: ['GPU-hour', 'hour', 'h'], currency: 'USD' })).toEqual({ amount: 2.5, currency: 'USD' });
    expect(read('1,234.5', eurKwh)).toEqual({ amount: 1234.5, currency: 'EUR' });
    expect(read('0.1234567', eurKwh)).toBe('The electricity price has more than 6 decimals ("0.1234567")');
  });

  it('refuses another currency, another unit and what is not a price, naming the field', () => {
    expect(read('$0.30/kWh', eurKwh)).toBe('The electricity price is written in USD, but this project counts in EUR; write it in EUR, like 0.30, €0.30 or 0.30 EUR per kWh');
    expect(read('€0.30/MWh', eurKwh)).toBe('The electricity price must be a price per kWh, like 0.30, €0.30 or 0.30 EUR per kWh (got "€0.30/MWh")');
    expect(read('cheap', eurKwh)).toBe('The electricity price must be an amount like 0.30, €0.30 or 0.30 EUR per kWh (got "cheap")');
    expect(read('-0.30', eurKwh)).toBe('The electricity price cannot be negative');
    expect(read('-0.30', { ...eurKwh, allowNegative: true })).toEqual({ amount: -0.3, currency: 'EUR' });
  });
});
