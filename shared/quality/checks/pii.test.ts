import { describe, expect, it } from 'vitest';
import { luhnValid } from '../pii/checksums';
import { CLEAN_ROLES, cleanCustomers, plant } from '../testing/fixtures';
import { findingsOf, runOnRows } from '../testing/run-on-rows';

const clean = cleanCustomers(400, 4);

function card(i: number): string {
  const body = `4${String(100000000000000 + i * 7919).slice(0, 14)}`;
  for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return `${body.slice(0, 4)} ${body.slice(4, 8)} ${body.slice(8, 12)} ${body.slice(12)}${d}`;
  throw new Error('no check digit');
}

const planted = [
  plant(clean, 'contact', (_, i) => `customer${i}@example.com`),
  plant(clean, 'phone', (_, i) => `+1 415-555-${String(1000 + i).slice(-4)}`),
  plant(clean, 'card', (_, i) => card(i)),
  plant(clean, 'account', (_, i) => (i % 2 === 0 ? 'GB82 WEST 1234 5698 7654 32' : 'DE89 3704 0044 0532 0130 00')),
  plant(clean, 'last_ip', (_, i) => (i % 2 === 0 ? `10.0.${i % 250}.${(i * 7) % 250}` : `2001:db8::${(i + 1).toString(16)}`)),
  plant(clean, 'ssn', (_, i) => `${String(100 + (i % 500)).padStart(3, '0')}-${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + i).padStart(4, '0')}`),
].reduce((acc, rows) => acc.map((row, i) => ({ ...row, ...rows[i] })));

const RAW_SAMPLES = ['customer7@example.com', '415-555-1007', 'GB82', 'DE89', '10.0.7.49', '2001:db8::', '-1007'];

describe('pii', () => {
  const report = runOnRows(planted, { id: CLEAN_ROLES.id });
  const found = findingsOf(report, 'pii');

  it('names the kind of each planted column, with its share', () => {
    expect(found.map((f) => [f.column, f.details.kind, f.share, f.severity]).sort()).toEqual(
      [
        ['account', 'iban', 1, 'error'],
        ['card', 'credit_card', 1, 'error'],
        ['contact', 'email', 1, 'warning'],
        ['last_ip', 'ip_address', 1, 'warning'],
        ['phone', 'phone', 1, 'warning'],
        ['ssn', 'us_ssn', 1, 'error'],
      ].sort(),
    );
  });

  it('never puts a raw value in a message or details, of any check', () => {
    const text = JSON.stringify(report);
    for (const raw of RAW_SAMPLES) expect(text).not.toContain(raw);
    expect(found.find((f) => f.column === 'contact')?.message).toBe('Column "contact" contains email addresses in about 100% of its values (values not shown).');
  });

  it('reports a share below 100% when only some cells hold PII, and ignores stray look-alikes under 1%', () => {
    const some = plant(clean, 'notes', (_, i) => (i % 4 === 0 ? `call me at jane${i}@example.com` : `note number ${i}`));
    const [f] = findingsOf(runOnRows(some, { id: CLEAN_ROLES.id }), 'pii');
    expect(f).toMatchObject({ column: 'notes', share: 0.25, count: 100 });
    const stray = plant(clean, 'notes', (_, i) => (i === 0 ? 'jane@example.com' : `note number ${i}`));
    expect(findingsOf(runOnRows(stray, { id: CLEAN_ROLES.id }), 'pii')).toEqual([]);
  });

  it('is silent on clean data', () => expect(findingsOf(runOnRows(clean, { id: CLEAN_ROLES.id }), 'pii')).toEqual([]));
});
