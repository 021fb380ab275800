/**
 * The CSV row sink of the predictions reader: each row's role cells into the column readers, and
 * a bad cell turned into a PARSE_ERROR naming the file, line, character column and column. Shared
 * by the one-thread read and the range threads (whose errors send the caller back to one thread).
 *
 * Plain rows (no quotes; the scanner's fast lane, RowSink.plainRows) are split here, in one loop
 * that knows the field count, and handed to the same readers in the same order as row() does, so
 * values and errors are the same either way; number and label cells are called from their own
 * call sites, which V8 can then inline. On 10M rows this took the read from about 0.85 to 0.5 CPU-s.
 * A number cell that only one reader reads is parsed while its row is split (NumberCells.scanPlain)
 * rather than found first and parsed after: its bytes are passed over once, not twice (on 5M rows
 * of full-precision scores about 0.08 CPU-s less).
 */
import type { RowSink } from '../read/csv-scanner';
import { charColumn, parseError } from '../read/parse-error';
import { CellProblem } from './cell-problem';
import { LabelCells } from './label-cells';
import { NumberCells } from './number-cells';
import type { PredictionReaders } from './prediction-readers';

/** Byte offset where the line holding `at` starts (the scanner's buffer starts at a row start). */
function lineStart(buf: Uint8Array, at: number): number {
  let s = at;
  while (s > 0 && buf[s - 1] !== 10 && buf[s - 1] !== 13) s--;
  return s;
}

const NUMBER = 0;
const LABEL = 1;
const OTHER = 2;

export function predictionRowSink(file: string, names: readonly string[], readers: PredictionReaders, skipFirstRow: boolean, delimiter: number): RowSink {
  const indexOf = new Map(names.map((n, i) => [n, i]));
  const cells = readers.readers;
  const indices = Int32Array.from(cells.map((c) => indexOf.get(c.column)!));
  const kinds = Uint8Array.from(cells.map((c) => (c instanceof NumberCells ? NUMBER : c instanceof LabelCells ? LABEL : OTHER)));
  const numbers = cells.map((c) => (c instanceof NumberCells ? c : null));
  const labels = cells.map((c) => (c instanceof LabelCells ? c : null));
  const m = cells.length;
  const cursor = readers.cursor;
  let skip = skipFirstRow;
  // 1 for the bytes that end a field in a plain row: the delimiter, LF and CR.
  const stops = new Uint8Array(256);
  stops[delimiter] = 1;
  stops[10] = 1;
  stops[13] = 1;
  let starts = new Int32Array(names.length + 1);
  let ends = new Int32Array(names.length + 1);
  // A field that only one number reader reads is read while the row is split (scanPlain): its
  // bytes are passed over once instead of twice. fusedReader[f]: that reader's index, else -1;
  // scanned[j]: 1 when reader j's cell of the current row was stored that way.
  const fusedReader = new Int32Array(names.length + 1).fill(-1);
  for (let j = 0; j < m; j++) {
    const f = indices[j]!;
    if (kinds[j] === NUMBER && cells.every((_, other) => other === j || indices[other] !== f)) fusedReader[f] = j;
  }
  const scanned = new Uint8Array(m);

  const fail = (e: unknown, buf: Uint8Array, rowStarts: Int32Array, j: number, line: number): never => {
    if (!(e instanceof CellProblem)) throw e;
    const at = j < m ? rowStarts[indices[j]!]! : undefined;
    throw parseError(file, e.message, line, at === undefined ? undefined : charColumn(buf, lineStart(buf, at), at));
  };

  return {
    row(buf, rowStarts, rowEnds, _n, line) {
      if (skip) {
        skip = false;
        return;
      }
      cursor.line = line;
      let j = 0;
      try {
        for (; j < m; j++) {
          const at = indices[j]!;
          cells[j]!.bytes(buf, rowStarts[at]!, rowEnds[at]!);
        }
        readers.endRow();
      } catch (e) {
        fail(e, buf, rowStarts, j, line);
      }
    },

    plainRows(buf, from, to, line, fields, done) {
      let p = from;
      let taken = 0;
      if (skip || fields !== names.length) {
        done[0] = p;
        done[1] = 0;
        return;
      }
      if (starts.length < fields) {
        starts = new Int32Array(fields);
        ends = new Int32Array(fields);
      }
      const s = starts;
      const e = ends;
      while (p < to) {
        // Split one line; the region ends with a newline, so no bounds check is needed.
        let at = p;
        let f = 0;
        let ok = false;
        for (;;) {
          s[f] = at;
          const fused = fusedReader[f]!;
          if (fused >= 0) {
            const stop = numbers[fused]!.scanPlain(buf, at, stops);
            if (stop >= 0) {
              at = stop;
              scanned[fused] = 1;
            }
          }
          let c = buf[at]!;
          while (c !== delimiter && c !== 10 && c !== 13) c = buf[++at]!;
          e[f] = at;
          f++;
          if (c === delimiter) {
            if (f === fields) break; // too many fields
            at++;
            continue;
          }
          if (c === 13) {
            if (buf[at + 1] !== 10) break; // a lone CR: the general path knows what it means
            at++;
          }
          at++;
          ok = f === fields && !(f === 1 && e[0] === s[0]); // not a blank line
          break;
        }
        if (!ok) {
          // Not a plain row after all: the general path reads it again, cells scanned here too.
          for (let j = 0; j < m; j++) {
            if (scanned[j] === 1) numbers[j]!.unscan();
            scanned[j] = 0;
          }
          break;
        }
        const rowLine = line + taken;
        cursor.line = rowLine;
        let j = 0;
        try {
          for (; j < m; j++) {
            const k = indices[j]!;
            const kind = kinds[j]!;
            if (scanned[j] === 1) scanned[j] = 0;
            else if (kind === NUMBER) numbers[j]!.bytes(buf, s[k]!, e[k]!);
            else if (kind === LABEL) labels[j]!.bytes(buf, s[k]!, e[k]!);
            else cells[j]!.bytes(buf, s[k]!, e[k]!);
          }
          readers.endRow();
        } catch (err) {
          fail(err, buf, s, j, rowLine);
        }
        taken++;
        p = at;
      }
      done[0] = p;
      done[1] = taken;
    },
  };
}
