import { describe, expect, it } from 'vitest';
import { parseAmountCents, parseBill, parseDate } from './bill-import';

describe('reading a bill', () => {
  it('reads amounts exactly from their text', () => {
    const cases: Array<[string, '.' | ',', number | null]> = [
      ['1,234.56', '.', 123_456],
      ['$1,234.56', '.', 123_456],
      ['-$12.00', '.', -1_200],
      ['(20.00)', '.', -2_000],
      ['12.50-', '.', -1_250],
      ['USD 7', '.', 700],
      ['7.005', '.', 701],
      ['7.0049', '.', 700],
      ['-0.004', '.', 0],
      ['.5', '.', 50],
      ['1.234,50', ',', 123_450],
      ['€ 9,99', ',', 999],
      ['1,2,3', '.', null],
      ['twelve', '.', null],
      ['', '.', null],
      ['12.3.4', '.', null],
    ];
    for (const [raw, sep, want] of cases) expect(parseAmountCents(raw, sep), raw).toBe(want);
  });

  it('reads dates in the chosen order and refuses days that do not exist', () => {
    expect(parseDate('2026-12-01', 'YYYY-MM-DD')).toBe('2026-12-01');
    expect(parseDate('2026-12-01T23:59:59Z', 'YYYY-MM-DD')).toBe('2026-12-01');
    expect(parseDate('2026/1/5', 'YYYY-MM-DD')).toBe('2026-01-05');
    expect(parseDate('05/01/2026', 'DD/MM/YYYY')).toBe('2026-01-05');
    expect(parseDate('05/01/2026', 'MM/DD/YYYY')).toBe('2026-05-01');
    expect(parseDate('31.04.2026', 'DD.MM.YYYY')).toBeNull();
    expect(parseDate('2026-02-29', 'YYYY-MM-DD')).toBeNull();
    expect(parseDate('01/12/2026', 'YYYY-MM-DD')).toBeNull();
  });

  it('gives identical lines different import keys and the same keys on a second read', () => {
    const text = 'd,what,amt\n2026-01-01,x,1\n2026-01-01,x,1\n2026-01-02,x,1\n';
    const o = { mapping: { date: 'd', description: 'what', amount: 'amt' }, hasHeader: true, dateFormat: 'YYYY-MM-DD', decimalSeparator: '.', defaultCurrency: 'USD', defaultCategory: 'other' } as const;
    const a = parseBill(text, o);
    const b = parseBill(text, o);
    expect(a.lines.map((l) => l.importKey)).toEqual(b.lines.map((l) => l.importKey));
    expect(new Set(a.lines.map((l) => l.importKey)).size).toBe(3);
    expect(parseBill('d,"unclosed\n', o).problems).toEqual([{ line: 1, field: '', message: 'a quoted field is never closed' }]);
  });
});
