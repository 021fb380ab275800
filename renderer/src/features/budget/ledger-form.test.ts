import { describe, expect, it } from 'vitest';
import { emptyLedgerForm, formFromEntry, parseSignedCents, toLedgerFields } from './ledger-form';

describe('the ledger entry form', () => {
  it('reads amounts exactly, refunds with a minus', () => {
    expect(parseSignedCents('120.50')).toEqual({ cents: 12_050 });
    expect(parseSignedCents('1,200.5')).toEqual({ cents: 120_050 });
    expect(parseSignedCents('-20')).toEqual({ cents: -2_000 });
    expect(parseSignedCents('0.07')).toEqual({ cents: 7 });
    expect(parseSignedCents('12.345')).toEqual({ error: 'Enter an amount like 120.50, or -20 for a refund' });
    expect(parseSignedCents('')).toEqual({ error: 'Enter an amount' });
  });

  it('turns the form into ledger.add fields, with the contract\'s messages next to the field', () => {
    const v = { ...emptyLedgerForm('2026-12-01'), amount: '120.50', category: 'api' as const, description: 'Embeddings' };
    expect(toLedgerFields('p1', v)).toEqual({ fields: { date: '2026-12-01', amountCents: 12_050, category: 'api', description: 'Embeddings' } });
    expect(toLedgerFields('p1', { ...v, currency: 'usd', fxRate: '0.92' })).toEqual({ fields: { date: '2026-12-01', amountCents: 12_050, category: 'api', description: 'Embeddings', currency: 'USD', fxRate: 0.92 } });
    expect(toLedgerFields('p1', { ...v, date: '2026-02-30', amount: 'lots', fxRate: '-1' }).errors).toEqual({ date: 'This date does not exist', amount: 'Enter an amount like 120.50, or -20 for a refund', fxRate: 'The exchange rate must be greater than 0' });
    expect(toLedgerFields('p1', { ...v, currency: 'euro' }).errors).toEqual({ currency: 'Use a 3-letter currency code such as USD or EUR' });
  });

  it('fills the form from an entry to edit it', () => {
    const entry = { id: 'l1', projectId: 'p1', date: '2026-11-04', amountCents: -2_005, currency: 'USD', fxRate: 0.9, projectAmountCents: -1_805, category: 'compute' as const, source: 'bill' as const, description: 'Refund', importKey: 'k', createdAt: '2026-11-04T00:00:00.000Z', updatedAt: '2026-11-04T00:00:00.000Z' };
    expect(formFromEntry(entry, 'EUR')).toEqual({ date: '2026-11-04', amount: '-20.05', category: 'compute', description: 'Refund', currency: 'USD', fxRate: '0.9' });
    expect(formFromEntry({ ...entry, currency: 'EUR', fxRate: null }, 'EUR')).toMatchObject({ currency: '', fxRate: '' });
  });
});
