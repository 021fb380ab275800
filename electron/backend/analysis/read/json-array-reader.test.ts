import { describe, expect, it } from 'vitest';
import { type ByteSource } from './byte-source';
import { readJsonArray } from './json-array-reader';

/** Bytes served a few at a time, so records and lines straddle the reader's buffer refills. */
function source(text: string, chunk = 1 << 20): ByteSource {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return {
    read(buf, offset, length) {
      const n = Math.min(length, chunk, bytes.length - at);
      buf.set(bytes.subarray(at, at + n), offset);
      at += n;
      return n;
    },
    close() {},
  };
}

function places(text: string, chunk?: number): Array<{ line?: number; column?: number }> {
  const out: Array<{ line?: number; column?: number }> = [];
  readJsonArray('a.json', source(text, chunk), { add: (_, place) => out.push(place) });
  return out;
}

describe('readJsonArray positions', () => {
  it('gives each record of a one-line array its character column (UTF-16 units, as editors count), in linear time', () => {
    const records = Array.from({ length: 20_000 }, (_, i) => JSON.stringify({ i, name: i % 3 === 0 ? 'café' : i % 3 === 1 ? 'naïve 🚀' : 'plain' }));
    const text = `[${records.join(',')}]`;
    const expected: number[] = [];
    let offset = 1;
    for (const r of records) {
      expected.push(offset + 1);
      offset += r.length + 1;
    }
    const got = places(text, 4093);
    expect(got.map((p) => p.line)).toEqual(records.map(() => 1));
    expect(got.map((p) => p.column)).toEqual(expected);
  });

  it('counts columns from each line start across buffer refills', () => {
    const text = `[\n  {"a": 1},\n  {"a": "é"}, {"a": 3}\n]`;
    expect(places(text, 5)).toEqual([
      { line: 2, column: 3 },
      { line: 3, column: 3 },
      { line: 3, column: 15 },
    ]);
  });

  it('reports the right line and column of a bad record at the end of a long one-line array', () => {
    const good = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, s: 'ü' }));
    const text = `[${good.join(',')},{"i": tru}]`;
    const column = `[${good.join(',')},`.length + 1;
    // The parser stops at the '}' after "tru", 9 characters into the record.
    expect(() => places(text, 1000)).toThrow(new RegExp(`line 1, column ${column + 9}: invalid JSON`));
  });
});
