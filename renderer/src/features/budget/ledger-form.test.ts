import { describe, expect, it } from 'vitest';
import { emptyLedgerForm, formFromEntry, parseLedgerAmount, toLedgerFields } from './ledger-form';

describe('the ledger entry form', () => {
  it('reads amounts exactly, refunds with a minus, and takes the currency an amount names', () => {
    expect(parseLedgerAmount('120.50', '')).toEqual({ cents: 12_050, currency: null });
    expect(parseLedgerAmount('1,200.5', '')).toEqual({ cents: 120_050, currency: null });
    expect(parseLedgerAmount('-20', '')).toEqual({ cents: -2_000, currency: null });
    expect(parseLedgerAmount('0.07', '')).toEqual({ cents: 7, currency: null });
    expect(parseLedgerAmount('-€1.200,50', '')).toEqual({ cents: -120_050, currency: 'EUR' });
    expect(parseLedgerAmount('12.3456', '')).toEqual({ error: 'The entry has more than two decimals ("12.3456"); amounts are kept in whole cents' });
    expect(parseLedgerAmount('$5', 'GBP')).toEqual({ error: "The entry is written in USD, but the entry's currency is GBP; write it in GBP, like 300, £300 or 300 GBP" });
    expect(parseLedgerAmount('', '')).toEqual({ error: 'Enter an amount' });
  });

  it('turns the form into ledger.add fields, with schema messages per field', () => {
    const v = { ...emptyLedgerForm('2026-12-01'), amount: '120.50', category: 'api' as const, description: 'Embeddings' };
    expect(toLedgerFields('p1', v)).toEqual({ fields: { date: '2026-12-01', amountCents: 12_050, category: 'api', description: 'Embeddings' } });
    expect(toLedgerFields('p1', { ...v, currency: 'usd', fxRate: '0.92' })).toEqual({ fields: { date: '2026-12-01', amountCents: 12_050, category: 'api', description: 'Embeddings', currency: 'USD', fxRate: 0.92 } });
    expect(toLedgerFields('p1', { ...v, date: '2026-02-30', amount: 'lots', fxRate: '-1' }).errors).toEqual({ date: 'This date does not exist', amount: 'The entry must be an amount like 300, $300 or 300 EUR (got "lots")', fxRate: 'The exchange rate must be greater than 0' });
    expect(toLedgerFields('p1', { ...v, currency: 'euro' }).errors).toEqual({ currency: 'Use a 3-letter currency code such as USD or EUR' });
  });

  it('fills the form from an entry to edit it', () => {
    const entry = { id: 'l1', projectId: 'p1', date: '2026-11-04', amountCents: -2_005, currency: 'USD', fxRate: 0.9, projectAmountCents: -1_805, category: 'compute' as const, source: 'bill' as const, description: 'Refund', importKey: 'k', createdAt: '2026-11-04T00:00:00.000Z', updatedAt: '2026-11-04T00:00:00.000Z' };
    expect(formFromEntry(entry, 'EUR')).toEqual({ date: '2026-11-04', amount: '-20.05', category: 'compute', description: 'Refund', currency: 'USD', fxRate: '0.9' });
    expect(formFromEntry({ ...entry, currency: 'EUR', fxRate: null }, 'EUR')).toMatchObject({ currency: '', fxRate: '' });
  });
});
