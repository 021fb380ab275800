import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ByteSource } from './byte-source';
import { CsvScanner } from './csv-scanner';
import { sniffCsv } from './csv-sniffer';

class Bytes implements ByteSource {
  private at = 0;
  constructor(private readonly b: Uint8Array) {}
  read(buf: Uint8Array, offset: number, length: number): number {
    const n = Math.min(length, this.b.length - this.at);
    buf.set(this.b.subarray(this.at, this.at + n), offset);
    this.at += n;
    return n;
  }
  close(): void {}
}

function scan(text: string, chunkSize = 1 << 16, delimiter = ','): { rows: string[][]; lines: number[] } {
  const rows: string[][] = [];
  const lines: number[] = [];
  const dec = new TextDecoder();
  new CsvScanner({ file: 't.csv', dialect: { delimiter: delimiter.charCodeAt(0), quote: 34 }, expectedFields: null, firstLine: 1, validateUtf8: true, chunkSize }).scan(new Bytes(new TextEncoder().encode(text)), {
    row(buf, s, e, n, line) {
      const r: string[] = [];
      for (let i = 0; i < n; i++) r.push(dec.decode(buf.subarray(s[i]!, e[i]!)));
      rows.push(r);
      lines.push(line);
    },
  });
  return { rows, lines };
}

/** RFC 4180 writer, the reference the scanner must invert. */
function toCsv(rows: string[][], eol: string): string {
  return rows.map((r) => r.map((f) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replace(/"/g, '""')}"` : f)).join(',')).join(eol) + eol;
}

describe('CsvScanner', () => {
  it('reads quoted fields, doubled quotes, embedded delimiters and newlines, CRLF and blank lines', () => {
    const { rows, lines } = scan('a,b,c\r\n1,"x, ""y""",3\r\n\r\n2,"multi\nline",\n');
    expect(rows).toEqual([['a', 'b', 'c'], ['1', 'x, "y"', '3'], ['2', 'multi\nline', '']]);
    expect(lines).toEqual([1, 2, 4]);
  });

  it('inverts an RFC 4180 writer whatever the chunk size (rows cut at every position)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', ',', '"', '\n', ' ', '1', '€') , maxLength: 6 });
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }).chain((w) => fc.array(fc.array(field, { minLength: w, maxLength: w }), { minLength: 1, maxLength: 8 })), fc.constantFrom('\n', '\r\n'), fc.integer({ min: 8, max: 64 }), (rows, eol, chunk) => {
        expect(scan(toCsv(rows, eol), chunk).rows).toEqual(rows);
      }),
      { numRuns: 400 },
    );
  });
});

describe('sniffCsv', () => {
  it('finds the delimiter, the quote and whether there is a header', () => {
    expect(sniffCsv('a;b;c\n1;2;3\n4;5;6\n', true, '.csv')).toEqual({ delimiter: ';', quote: '"', hasHeader: true });
    expect(sniffCsv('a\tb\n1\t2\n', true, '.tsv')).toEqual({ delimiter: '\t', quote: '"', hasHeader: true });
    expect(sniffCsv('1,2,3\n4,5,6\n', true, '.csv').hasHeader).toBe(false);
    expect(sniffCsv('name|note\nx|"a|b"\ny|c\n', true, '.txt').delimiter).toBe('|');
  });
});
