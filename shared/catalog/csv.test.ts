import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CsvSyntaxError, parseCsv, serializeCsv } from './csv';

describe('RFC 4180 CSV', () => {
  it('quotes commas, quotes, line breaks and edge spaces, doubling quotes', () => {
    expect(serializeCsv([['a', 'b,c', 'say "hi"', 'x\ny', ' pad']])).toBe('a,"b,c","say ""hi""","x\ny"," pad"\r\n');
  });
  it('reads quoted fields spanning lines and reports the start line of each record', () => {
    const text = 'id,notes\r\nh100,"two\r\nlines"\r\nl4,plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ['id', 'notes'] },
      { line: 2, fields: ['h100', 'two\r\nlines'] },
      { line: 4, fields: ['l4', 'plain'] },
    ]);
  });
  it('skips blank lines, keeps empty fields and ignores a BOM', () => {
    expect(parseCsv('\uFEFFa,,c\n\n"",x\n')).toEqual([
      { line: 1, fields: ['a', '', 'c'] },
      { line: 3, fields: ['', 'x'] },
    ]);
  });
  it('rejects an unclosed quote and stray characters after a closing quote, with the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a\n"x"y,1')).toThrow(/line 2/);
  });
  it('round-trips any table of strings', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const withMarker = rows.map((r) => ['k', ...r]); // a non-empty first cell: blank records are skipped by design
        expect(parseCsv(serializeCsv(withMarker)).map((r) => r.fields)).toEqual(withMarker);
      }),
      { seed: 3 },
    );
  });
});
