/**
 * Microbench of the CSV fast lane alone: split a quote-free CSV and parse its numeric cells with
 * the JavaScript lane (PlainRowSplitter + scanNumberBytes per cell) and with the WebAssembly lane
 * (WasmRowSplitter: split, plain-number parse and the no-number test in the kernel, the rest
 * through scanNumberBytes),
 * alternating in one process, and print CPU seconds and ratios. The file is read in 4 MiB chunks
 * as the scanner reads it; both sides pay the same reads.
 * Usage: tsx bench/csv-lane.bench.ts [FILE] [ROUNDS]   (default bench/.data/check-5m.csv, 3)
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { PlainRowSplitter } from '../electron/backend/analysis/read/plain-rows';
import { WasmRowSplitter } from '../electron/backend/analysis/read/wasm-rows';
import type { RowSink } from '../electron/backend/analysis/read/csv-scanner';
import { FLOAT_SYNTAX, INTEGER_SYNTAX, NOT_A_NUMBER, parsedValue, scanNumberBytes, TEXT_SYNTAX } from '../electron/backend/analysis/parse/number-bytes';

const file = process.argv[2] ?? 'bench/.data/check-5m.csv';
const rounds = Number(process.argv[3] ?? 3);
const CHUNK = 1 << 22;

/** Feed every data row (the header skipped) of `file` to the splitter; returns CPU seconds. */
function run(splitter: RowSink): number {
  const started = process.cpuUsage();
  const fd = openSync(file, 'r');
  const buf = new Uint8Array(CHUNK);
  const done = new Int32Array(2);
  let filled = 0;
  let fields = 0;
  for (;;) {
    const n = readSync(fd, buf, filled, CHUNK - filled, null);
    filled += n;
    if (filled === 0) break;
    const last = buf.lastIndexOf(10, filled - 1) + 1;
    let p = 0;
    if (fields === 0) {
      p = buf.indexOf(10) + 1;
      for (let i = 0; i < p; i++) if (buf[i] === 44) fields++;
      fields++;
    }
    while (p < last) {
      splitter.plainRows!(buf, p, last, 0, fields, done);
      if (done[1] === 0) throw new Error(`${file}: a row the lane does not take (quotes, CR, ragged)`);
      p = done[0]!;
    }
    buf.copyWithin(0, last, filled);
    filled -= last;
    if (n === 0) break;
  }
  closeSync(fd);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

let sum = 0;
const jsSink: RowSink = {
  row(buf, s, e, n) {
    for (let c = 0; c < n; c++) sum += s[c] !== e[c] && scanNumberBytes(buf, s[c]!, e[c]!) !== NOT_A_NUMBER ? parsedValue[0]! : e[c]! - s[c]!;
  },
};
const wasmSink = {
  row(): void {
    throw new Error('the lane hands parsed rows only');
  },
  parsedRow(buf: Uint8Array, s: Int32Array, e: Int32Array, syntax: Uint8Array, values: Float64Array, at: number, n: number): void {
    for (let i = at; i < at + n; i++) {
      const k = syntax[i]!;
      if (k === INTEGER_SYNTAX || k === FLOAT_SYNTAX) sum += values[i]!;
      else if (k === TEXT_SYNTAX) sum += e[i]! - s[i]!;
      else sum += s[i] !== e[i] && scanNumberBytes(buf, s[i]!, e[i]!) !== NOT_A_NUMBER ? parsedValue[0]! : e[i]! - s[i]!;
    }
  },
};

for (let round = 1; round <= rounds; round++) {
  sum = 0;
  const js = run(new PlainRowSplitter(jsSink, 44));
  const jsSum = sum;
  sum = 0;
  const wasm = run(new WasmRowSplitter(wasmSink, 44));
  console.log(`round ${round}: JavaScript lane ${js.toFixed(2)} CPU-s, WebAssembly lane ${wasm.toFixed(2)} CPU-s: ${(js / wasm).toFixed(2)}x (same sum: ${Object.is(jsSum, sum)})`);
}
