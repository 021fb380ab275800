import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateTimeBytes } from './datetime-bytes';
import { codeSyntax, lastNumber, parseNumberBytes, scanNumberBytes } from './number-bytes';

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s);
const parse = (s: string): number => parseNumberBytes(bytes(s), 0, bytes(s).length);

describe('parseNumberBytes', () => {
  it('equals Number() on every double printed in decimal or exponent form', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parse(String(x))).toBe(Number(String(x)));
        expect(parse(x.toFixed(6))).toBe(Number(x.toFixed(6)));
      }),
      { numRuns: 3000 },
    );
  });

  it('equals Number() on digit strings with signs, leading zeros and fractions', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[+-]?\d{1,20}(\.\d{0,20})?([eE][+-]?\d{1,3})?$/), (s) => {
        expect(parse(s)).toBe(Number(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects what is not a number and tells integers from floats', () => {
    for (const s of ['', '-', '+', '.', '1.2.3', '1e', 'abc', '12a', ' 1', 'NaN', 'Infinity', '1,5', '0x10']) expect(parse(s)).toBeNaN();
    parse('-42');
    expect(lastNumber.isInteger).toBe(true);
    parse('4.0');
    expect(lastNumber.isInteger).toBe(false);
    expect(parse('.5')).toBe(0.5);
  });
});

describe('parseDateTimeBytes', () => {
  it('matches Date.parse on ISO dates and times, with and without offsets', () => {
    for (const s of ['2024-02-29', '2024-01-01T12:34:56Z', '2024-01-01 12:34', '1999-12-31T23:59:59.123Z', '2024-06-01T10:00:00+02:00', '2024-06-01T10:00:00-0530']) {
      const iso = s.length === 10 ? `${s}T00:00:00Z` : s.includes('Z') || /[+-]\d\d:?\d\d$/.test(s) ? s.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2') : `${s.replace(' ', 'T')}Z`;
      expect(parseDateTimeBytes(bytes(s), 0, s.length)).toBe(Date.parse(iso));
    }
  });

  it('rejects impossible dates and other text', () => {
    for (const s of ['2023-02-29', '2024-13-01', '2024-00-10', '2024-01-32', '2024-01-01T25:00', '20240101', 'hello world', '2024-01-01X']) expect(parseDateTimeBytes(bytes(s), 0, s.length)).toBeNaN();
  });
});

describe('codeSyntax', () => {
  const code = (s: string) => {
    const b = new TextEncoder().encode(s);
    scanNumberBytes(b, 0, b.length);
    return codeSyntax[0];
  };
  it('marks what codes look like and number writers never print: leading zeros and bare exponents', () => {
    for (const s of ['00501', '007', '-01', '0E0', '0E8', '3e7', '00.5']) expect(code(s), s).toBe(1);
    for (const s of ['0', '0.5', '12', '-3', '1e-05', '1e+21', '1.0E8', '2.5e3', '.5']) expect(code(s), s).toBe(0);
  });
});
