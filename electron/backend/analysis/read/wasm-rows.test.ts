import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSyntax, FLOAT_SYNTAX, INTEGER_SYNTAX, NOT_A_NUMBER, parsedValue, scanNumberBytes, TEXT_SYNTAX } from '../parse/number-bytes';
import type { RowSink } from './csv-scanner';
import { PlainRowSplitter } from './plain-rows';
import { type ParsedRowSink, WasmRowSplitter } from './wasm-rows';

/** A cell as a sink sees it: its text, and (WebAssembly lane) the kernel's syntax and value. */
interface Cell {
  text: string;
  syntax: number;
  value: number;
}

/** Every call of plainRows over buf[from, to), as the scanner makes them: after a stop it skips the line. */
interface Pass {
  cells: Cell[];
  stops: number[][];
}

const decoder = new TextDecoder();

function nextLine(buf: Uint8Array, at: number): number {
  return buf.indexOf(10, at) + 1;
}

function runJs(buf: Uint8Array, to: number, fields: number, delimiter: number): Pass {
  const pass: Pass = { cells: [], stops: [] };
  const sink: RowSink = {
    row(b, s, e, n) {
      for (let i = 0; i < n; i++) pass.cells.push({ text: decoder.decode(b.subarray(s[i]!, e[i]!)), syntax: -1, value: NaN });
    },
  };
  drive(new PlainRowSplitter(sink, delimiter), buf, to, fields, pass);
  return pass;
}

/**
 * The kernel's parse must agree with scanNumberBytes bit for bit wherever it claims a cell, checked
 * on the bytes the sink is handed (the kernel's own copy of the region).
 */
function runWasm(buf: Uint8Array, to: number, fields: number, delimiter: number): Pass {
  const pass: Pass = { cells: [], stops: [] };
  const sink: ParsedRowSink = {
    row() {
      throw new Error('the lane hands parsed rows only');
    },
    parsedRow(b, s, e, syntax, values, at, n) {
      for (let i = at; i < at + n; i++) {
        const cell = { text: decoder.decode(b.subarray(s[i]!, e[i]!)), syntax: syntax[i]!, value: values[i]! };
        pass.cells.push(cell);
        if (cell.syntax === NOT_A_NUMBER) continue;
        const kind = scanNumberBytes(b, s[i]!, e[i]!);
        if (cell.syntax === TEXT_SYNTAX) {
          expect({ text: cell.text, kind }).toEqual({ text: cell.text, kind: NOT_A_NUMBER });
          continue;
        }
        expect({ text: cell.text, kind, code: codeSyntax[0], value: parsedValue[0] }).toEqual({ text: cell.text, kind: cell.syntax, code: 0, value: cell.value });
        expect(Object.is(parsedValue[0], cell.value)).toBe(true);
        expect(Object.is(Number(cell.text), cell.value)).toBe(true);
      }
    },
  };
  drive(new WasmRowSplitter(sink, delimiter), buf, to, fields, pass);
  return pass;
}

function drive(splitter: RowSink, buf: Uint8Array, to: number, fields: number, pass: Pass): void {
  const done = new Int32Array(2);
  let p = 0;
  while (p < to) {
    splitter.plainRows!(buf, p, to, 1, fields, done);
    pass.stops.push([done[0]!, done[1]!]);
    p = done[0]! < to ? nextLine(buf, done[0]!) : to;
  }
}

function parseOne(text: string): { syntax: number; value: number } {
  const buf = new TextEncoder().encode(`${text}\n`);
  const { cells } = runWasm(buf, buf.length, 1, 44);
  expect(cells).toHaveLength(1);
  return { syntax: cells[0]!.syntax, value: cells[0]!.value };
}

describe('WasmRowSplitter', () => {
  it('embeds exactly the bytes that wasm/csv-lane.ts compiles to', () => {
    const out = execFileSync(process.execPath, ['scripts/build-csv-lane.mjs', '--check'], { encoding: 'utf8' });
    expect(out).toMatch(/matches wasm\/csv-lane\.ts/);
  });

  it('parses plain decimals as Number() does, marks what is no number and leaves every other spelling to the JavaScript parse', () => {
    const plain: Array<[string, number, number]> = [
      ['0', INTEGER_SYNTAX, 0],
      ['-0', INTEGER_SYNTAX, -0],
      ['-0.0', FLOAT_SYNTAX, -0],
      ['0.5', FLOAT_SYNTAX, 0.5],
      ['.5', FLOAT_SYNTAX, 0.5],
      ['-.5', FLOAT_SYNTAX, -0.5],
      ['5.', FLOAT_SYNTAX, 5],
      ['2.675', FLOAT_SYNTAX, 2.675],
      ['123456789012345', INTEGER_SYNTAX, 123456789012345],
      ['-99999999999999.9', FLOAT_SYNTAX, -99999999999999.9],
      ['0.00000000000001', FLOAT_SYNTAX, 1e-14],
    ];
    for (const [text, syntax, value] of plain) {
      const got = parseOne(text);
      expect({ text, syntax: got.syntax }).toEqual({ text, syntax });
      expect(Object.is(got.value, value)).toBe(true);
    }
    const numbersLeftToJs = ['007', '00.5', '+1', '+1.5', '1e5', '1E5', '2E+4', '1.5e-3', '1e', '-e5', '1234567890123456', '12345678901234567', '0.000000000000001', '9007199254740993', '1e400'];
    for (const text of numbersLeftToJs) expect({ text, syntax: parseOne(text).syntax }).toEqual({ text, syntax: NOT_A_NUMBER });
    const text = ['inf', '-inf', 'nan', 'NaN', ' 42', '4.2 ', '-', '+', '.', '-.', '1.2.3', '12a', '0x1F', '2024-01-01', 'north'];
    for (const t of text) expect({ t, syntax: parseOne(t).syntax }).toEqual({ t, syntax: TEXT_SYNTAX });
  });

  it('gives the same doubles as scanNumberBytes for printed random numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.double({ min: -1e15, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 20 })), { minLength: 1, maxLength: 300 }), (pairs) => {
        const text = pairs.map(([x, p]) => (p <= 12 ? x.toFixed(p) : String(x)) + '\n').join('');
        const buf = new TextEncoder().encode(text);
        const { cells } = runWasm(buf, buf.length, 1, 44);
        expect(cells.map((c) => c.text)).toEqual(text.split('\n').slice(0, -1));
      }),
      { numRuns: 200, seed: 7 },
    );
  });

  it('splits random quote-free rows exactly where the JavaScript lane does, stops included', () => {
    const field = fc.oneof(fc.constantFrom('', '1', '-0.5', '12.25', 'ab', 'x y', '2024-01-01 00:00:00', '0000000000000000000000000017'), fc.stringMatching(/^[0-9a-z.\- \r]{0,40}$/));
    const line = fc.tuple(fc.array(field, { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\n', '\n'));
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 200 }), fc.constantFrom(',', '\t', ';'), fc.integer({ min: 1, max: 6 }), (lines, d, fields) => {
        const text = lines.map(([cells, end]) => cells.join(d) + end).join('');
        const bytes = new TextEncoder().encode(text);
        // Stale bytes after the region: the kernel reads up to 15 bytes past it and must not use them.
        const buf = new Uint8Array(bytes.length + 32).fill(10);
        buf.set(bytes);
        const js = runJs(buf, bytes.length, fields, d.charCodeAt(0));
        const wasm = runWasm(buf, bytes.length, fields, d.charCodeAt(0));
        expect(wasm.stops).toEqual(js.stops);
        expect(wasm.cells.map((c) => c.text)).toEqual(js.cells.map((c) => c.text));
      }),
      { numRuns: 300, seed: 11 },
    );
  });

  it('takes regions of many kernel batches, rows longer than a block and CRLF at block edges', () => {
    const rows: string[] = [];
    for (let i = 0; i < 30_000; i++) rows.push(`${i},${'y'.repeat(i % 37)},${(i * 0.37).toFixed(i % 7)}${i % 3 === 0 ? '\r\n' : '\n'}`);
    const buf = new TextEncoder().encode(rows.join(''));
    const js = runJs(buf, buf.length, 3, 44);
    const wasm = runWasm(buf, buf.length, 3, 44);
    expect(wasm.stops).toEqual([[buf.length, 30_000]]);
    expect(js.stops).toEqual(wasm.stops);
    expect(wasm.cells.map((c) => c.text)).toEqual(js.cells.map((c) => c.text));
    expect(wasm.cells.filter((c) => c.syntax === INTEGER_SYNTAX || c.syntax === FLOAT_SYNTAX)).toHaveLength(60_000);
    expect(wasm.cells.filter((c) => c.syntax === TEXT_SYNTAX)).toHaveLength(30_000 - Math.ceil(30_000 / 37));
  });

  it('stops at the same row as the JavaScript lane across slices, and takes a row longer than a slice', () => {
    const rows: string[] = [];
    for (let i = 0; i < 20_000; i++) rows.push(`${i},x${i % 97},${(i / 8).toFixed(3)}\n`);
    rows.push(`-1,${'long '.repeat(80_000)},2.5\n`);
    for (let i = 0; i < 20_000; i++) rows.push(`${i},y,${i}\n`);
    rows.push('1,2,3,4\n');
    for (let i = 0; i < 100; i++) rows.push(`${i},z,${i}\n`);
    const buf = new TextEncoder().encode(rows.join(''));
    const js = runJs(buf, buf.length, 3, 44);
    const wasm = runWasm(buf, buf.length, 3, 44);
    expect(wasm.stops).toEqual(js.stops);
    expect(wasm.stops[0]![1]).toBe(40_001);
    expect(wasm.cells.map((c) => c.text)).toEqual(js.cells.map((c) => c.text));
  });
});
