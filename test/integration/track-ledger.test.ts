import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { NOW, trackBackend, type TrackBackend } from './track-support';

const BILL = [
  'Invoice date,Service,Cost (USD),Kind',
  '2026-11-01,GPU instances,"1,234.56",compute',
  '2026-11-02,Object storage,12.00,storage',
  '2026-11-03,Data transfer,5.00,storage',
  '31/11/2026,Support,10.00,other',
  '2026-11-04,Refund,(20.00),compute',
  '2026-11-05,Unknown category,1.00,catering',
  '2026-11-06,API calls,0.0049,api',
  '2026-11-06,API calls,0.0049,api',
  '2026-11-07,Not money,twelve,api',
  '',
].join('\n');
const MAPPING = { date: 'Invoice date', description: 'Service', amount: 'Cost (USD)', category: 'Kind' };

describe('the ledger: entries, conversion, bill import', () => {
  let t: TrackBackend;
  afterEach(() => t?.cleanup());

  it('adds, updates and deletes entries, converting other currencies only with a rate', async () => {
    t = trackBackend();
    const p = await t.project('EUR project', { currency: 'EUR' });
    const e = await t.ok('ledger.add', { projectId: p.id, date: '2026-12-01', amountCents: 12_050, category: 'api', description: ' OpenAI ' });
    expect(e).toEqual({ id: expect.any(String), projectId: p.id, date: '2026-12-01', amountCents: 12_050, currency: 'EUR', fxRate: null, projectAmountCents: 12_050, category: 'api', source: 'manual', description: 'OpenAI', importKey: null, createdAt: NOW, updatedAt: NOW });
    const usd = await t.err('ledger.add', { projectId: p.id, date: '2026-12-01', amountCents: 10_000, currency: 'USD', category: 'compute' });
    expect(usd).toMatchObject({ code: 'INVALID_INPUT', message: 'Exchange rate: the entry is in USD and the project in EUR; give the exchange rate (EUR per 1 USD)' });
    const given = await t.ok('ledger.add', { projectId: p.id, date: '2026-12-02', amountCents: 10_000, currency: 'USD', fxRate: 0.92, category: 'compute' });
    expect(given).toMatchObject({ fxRate: 0.92, projectAmountCents: 9_200 });
    await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.9 } });
    const fromProject = await t.ok('ledger.add', { projectId: p.id, date: '2026-12-03', amountCents: -1_000, currency: 'USD', category: 'compute', description: 'credit' });
    expect(fromProject).toMatchObject({ amountCents: -1_000, fxRate: 0.9, projectAmountCents: -900 });
    // The rate a booked entry used stays when the project's rate moves.
    await t.ok('projects.update', { id: p.id, patch: { usdRate: 0.5 } });
    expect((await t.ok('ledger.list', { projectId: p.id })).entries.map((x) => x.projectAmountCents)).toEqual([12_050, 9_200, -900]);

    const updated = await t.ok('ledger.update', { id: e.id, patch: { amountCents: 13_000, category: 'other' } });
    expect(updated).toMatchObject({ amountCents: 13_000, projectAmountCents: 13_000, category: 'other', source: 'manual' });
    expect((await t.err('ledger.update', { id: e.id, patch: { currency: 'GBP' } })).message).toBe('Exchange rate: the entry is in GBP and the project in EUR; give the exchange rate (EUR per 1 GBP)');
    expect(await t.ok('ledger.delete', { id: e.id })).toEqual({ id: e.id });
    expect((await t.err('ledger.delete', { id: e.id })).code).toBe('NOT_FOUND');
    const range = await t.ok('ledger.list', { projectId: p.id, from: '2026-12-03', to: '2026-12-31' });
    expect(range.entries.map((x) => x.description)).toEqual(['credit']);
    expect(t.events.filter((x) => x.type === 'ledger.changed').length).toBeGreaterThanOrEqual(5);

    // After a currency change an entry in a third currency has no known rate: null, not 1:1.
    await t.ok('projects.update', { id: p.id, patch: { currency: 'USD' } });
    const after = (await t.ok('ledger.list', { projectId: p.id })).entries;
    expect(after.map((x) => [x.currency, x.fxRate, x.projectAmountCents])).toEqual([['USD', null, 10_000], ['USD', null, -1_000]]);
  });

  it('previews a bill with bad rows named by line and field, imports it, and adds nothing the second time', async () => {
    t = trackBackend();
    const p = await t.project('Cloud');
    const preview = await t.ok('ledger.importBill', { projectId: p.id, csv: BILL, mapping: MAPPING, preview: true });
    expect(preview.errors).toEqual([
      { line: 5, field: 'date', message: '"31/11/2026" is not a date like YYYY-MM-DD' },
      { line: 7, field: 'category', message: '"catering" is not one of compute, api, storage, labelling, other' },
      { line: 10, field: 'amount', message: '"twelve" is not an amount' },
    ]);
    expect(preview.rows.map((r) => [r.line, r.date, r.amountCents, r.category, r.duplicate])).toEqual([
      [2, '2026-11-01', 123_456, 'compute', false],
      [3, '2026-11-02', 1_200, 'storage', false],
      [4, '2026-11-03', 500, 'storage', false],
      [6, '2026-11-04', -2_000, 'compute', false],
      [8, '2026-11-06', 0, 'api', false],
      [9, '2026-11-06', 0, 'api', false],
    ]);
    expect(preview).toMatchObject({ preview: true, added: 0, duplicates: 0, skipped: 3 });
    expect((await t.ok('ledger.list', { projectId: p.id })).entries).toEqual([]);

    const first = await t.ok('ledger.importBill', { projectId: p.id, csv: BILL, mapping: MAPPING });
    expect(first).toMatchObject({ preview: false, added: 6, duplicates: 0, skipped: 3 });
    const entries = (await t.ok('ledger.list', { projectId: p.id })).entries;
    expect(entries.map((e) => [e.date, e.description, e.projectAmountCents, e.source])).toEqual([
      ['2026-11-01', 'GPU instances', 123_456, 'bill'],
      ['2026-11-02', 'Object storage', 1_200, 'bill'],
      ['2026-11-03', 'Data transfer', 500, 'bill'],
      ['2026-11-04', 'Refund', -2_000, 'bill'],
      ['2026-11-06', 'API calls', 0, 'bill'],
      ['2026-11-06', 'API calls', 0, 'bill'],
    ]);
    const second = await t.ok('ledger.importBill', { projectId: p.id, csv: BILL, mapping: MAPPING });
    expect(second).toMatchObject({ added: 0, duplicates: 6, skipped: 3 });
    expect(second.rows.every((r) => r.duplicate)).toBe(true);
    expect((await t.ok('ledger.list', { projectId: p.id })).entries).toHaveLength(6);
    // The same bill with one more line adds only that line.
    const longer = await t.ok('ledger.importBill', { projectId: p.id, csv: `${BILL}2026-11-08,GPU instances,99.99,compute\n`, mapping: MAPPING });
    expect(longer).toMatchObject({ added: 1, duplicates: 6 });
  });

  it('reads a bill from a path, by column number, in day-first dates with decimal commas', async () => {
    t = trackBackend();
    const p = await t.project('EU bills', { currency: 'EUR' });
    const file = join(t.dir, 'bill.csv');
    writeFileSync(file, '01.12.2026,Compute,"1.234,50",EUR\n02.12.2026,Support,"10,00",USD\n03.12.2026,Labels,"7,5",\n');
    const base = { projectId: p.id, path: file, hasHeader: false, mapping: { date: 1, description: 2, amount: 3, currency: 4 }, dateFormat: 'DD.MM.YYYY', decimalSeparator: ',', defaultCategory: 'labelling' };
    const r = await t.ok('ledger.importBill', base);
    expect(r.errors).toEqual([{ line: 2, field: 'currency', message: 'the amount is in USD and the project in EUR; give fxRate (EUR per 1 USD)' }]);
    expect(r.rows.map((x) => [x.date, x.amountCents, x.currency, x.category])).toEqual([['2026-12-01', 123_450, 'EUR', 'labelling'], ['2026-12-03', 750, 'EUR', 'labelling']]);
    const withRate = await t.ok('ledger.importBill', { ...base, fxRate: 0.9 });
    expect(withRate).toMatchObject({ added: 1, duplicates: 2 });
    expect((await t.ok('ledger.list', { projectId: p.id })).entries.find((e) => e.currency === 'USD')).toMatchObject({ amountCents: 1_000, fxRate: 0.9, projectAmountCents: 900 });
    const missing = await t.err('ledger.importBill', { ...base, path: join(t.dir, 'nope.csv') });
    expect(missing).toMatchObject({ code: 'FILE_NOT_FOUND', message: `Cannot read the bill ${join(t.dir, 'nope.csv')}: ENOENT` });
    const badColumn = await t.ok('ledger.importBill', { projectId: p.id, csv: 'a,b\n1,2\n', mapping: { date: 'Date', description: 'b', amount: 'a' }, preview: true });
    expect(badColumn.errors).toEqual([{ line: 1, field: 'date', message: 'no column named "Date" (the header has: a, b)' }]);
  });
});
