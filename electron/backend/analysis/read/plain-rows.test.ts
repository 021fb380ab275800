import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BytesSource } from './byte-source';
import { CsvScanner, type RowSink } from './csv-scanner';
import { PlainRowSplitter } from './plain-rows';

/** Counts the rows the fast lane took, so a test can tell that it was used. */
class CountingSplitter extends PlainRowSplitter {
  taken = 0;
  override plainRows(buf: Uint8Array, from: number, to: number, line: number, fields: number, done: Int32Array): void {
    super.plainRows(buf, from, to, line, fields, done);
    this.taken += done[1]!;
  }
}

interface Scanned {
  rows: string[][];
  lines: number[];
  error: string | null;
}

/** Scan `text` with the general path only, or with the fast lane in front of the same sink. */
function scan(text: string, fastLane: boolean, expectedFields: number | null, chunkSize: number, delimiter = ','): Scanned {
  const dec = new TextDecoder();
  const out: Scanned = { rows: [], lines: [], error: null };
  const sink: RowSink = {
    row(buf, s, e, n, line) {
      const r: string[] = [];
      for (let i = 0; i < n; i++) r.push(dec.decode(buf.subarray(s[i]!, e[i]!)));
      out.rows.push(r);
      out.lines.push(line);
    },
  };
  const scanner = new CsvScanner({ file: 't.csv', dialect: { delimiter: delimiter.charCodeAt(0), quote: 34 }, expectedFields, firstLine: 1, validateUtf8: true, chunkSize });
  const splitter = new CountingSplitter(sink, delimiter.charCodeAt(0));
  try {
    scanner.scan(new BytesSource(new TextEncoder().encode(text)), fastLane ? splitter : sink);
  } catch (e) {
    out.error = (e as Error).message;
  }
  if (fastLane) fast.push(splitter.taken);
  return out;
}

const fast: number[] = [];

describe('PlainRowSplitter', () => {
  it('hands the sink the rows, fields and line numbers of the general path, and its errors', () => {
    const texts = [
      'a,b,c\n1,2,3\n4,,6\n\n7,"x,y",9\r\n10,11,12\r\n',
      'a,b\n1,2\r3,4\n5,6\n', // a lone CR ends a line
      'a,b\n1,2\n3\n5,6\n', // too few fields
      'a,b\n1,2\n3,4,5\n', // too many
      'x\n1\n\n2\n \n', // one column: a blank line is skipped, a space is a value
    ];
    for (const text of texts) {
      for (const expected of [null, text.split('\n')[0]!.split(',').length]) {
        expect(scan(text, true, expected, 1 << 16)).toEqual(scan(text, false, expected, 1 << 16));
      }
    }
    expect(scan('a,b\n1,2\n3,4,5\n', true, null, 1 << 16).error).toMatch(/found 3 fields but the header has 2/);
    // The first file: 1,2,3, 4,,6 and 10,11,12 go through the lane; the header, the blank line and
    // the quoted row through the general path.
    fast.length = 0;
    scan(texts[0]!, true, null, 1 << 16);
    expect(fast).toEqual([3]);
  });

  it('agrees with the general path on random files, delimiters and chunk sizes (rows cut anywhere)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'é', '1', ' ', '-', '"', ',', ';', '\t', '\r', '\n'), maxLength: 5 });
    const line = fc.array(field, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 10 }), fc.constantFrom(',', ';', '\t'), fc.integer({ min: 8, max: 80 }), fc.boolean(), (lines, delimiter, chunk, fixed) => {
        const text = lines.map((l) => l.join(delimiter)).join('\n') + '\n';
        const expected = fixed ? lines[0]!.length : null;
        expect(scan(text, true, expected, chunk, delimiter)).toEqual(scan(text, false, expected, chunk, delimiter));
      }),
      { numRuns: 600 },
    );
  });
});
