/**
 * A JSON document that is one array of records: `[ {...}, {...} ]`, streamed so a 1 GB file is
 * never held or parsed whole. A byte scanner finds where each top-level element ends (tracking
 * nesting and strings), then JSON.parse reads that element alone. Memory: one chunk plus one record.
 */
import { TextDecoder } from 'node:util';
import { type ByteSource } from './byte-source';
import { describeJsonChar, locateJsonError, positionIn } from './json-locate-error';
import { kindOfJson } from './jsonl-reader';
import { parseError } from './parse-error';
import { type RecordConsumer } from './record-sink';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

export function readJsonArray(file: string, source: ByteSource, sink: RecordConsumer, onProgress?: (bytes: number) => void): void {
  let buf = new Uint8Array(1 << 20);
  let filled = 0;
  let pos = 0;
  let consumed = 0;
  let eof = false;
  let line = 1;
  let lineStart = 0; // offset of the current line's start, relative to buf
  type State = 'start' | 'element' | 'after' | 'done';
  let state: State = 'start';
  // Columns are counted incrementally from the last position asked about on the same line:
  // decoding from the line's start for every record was quadratic on a one-line file (a 1.7 MB
  // array of 20,000 records took 14 s).
  let colLine = 0;
  let colAt = 0;
  let colUnits = 0;
  const column = (at: number): number => {
    if (colLine !== line || colAt > at) {
      colLine = line;
      colAt = Math.max(0, lineStart);
      colUnits = 0;
    }
    for (let k = colAt; k < at; k++) {
      const b = buf[k]!;
      // One UTF-16 unit per code point, two for a 4-byte sequence (as String.length counts).
      if ((b & 0xc0) !== 0x80) colUnits += b >= 0xf0 ? 2 : 1;
    }
    colAt = at;
    return colUnits + 1;
  };
  const advance = (to: number): void => {
    for (let k = pos; k < to; k++) {
      if (buf[k] === 10) {
        line++;
        lineStart = k + 1;
      }
    }
    pos = to;
  };
  const fill = (): void => {
    if (pos > 0) {
      // Count the columns of the bytes about to be dropped, so the line's count carries over.
      column(pos);
      buf.copyWithin(0, pos, filled);
      filled -= pos;
      consumed += pos;
      lineStart -= pos;
      colAt -= pos;
      pos = 0;
    }
    if (filled === buf.length) {
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
    const n = source.read(buf, filled, buf.length - filled);
    if (n === 0) eof = true;
    filled += n;
    onProgress?.(consumed + pos);
  };
  const found = (at: number): string => (at >= filled ? 'the end of the file' : `'${String.fromCharCode(buf[at]!)}'`);
  fill();
  for (;;) {
    let i = pos;
    while (i < filled && isWs(buf[i]!)) i++;
    advance(i);
    if (i >= filled) {
      if (!eof) {
        fill();
        continue;
      }
      if (state === 'done') return;
      throw parseError(file, state === 'start' ? 'the file holds no JSON; expected an array of records such as [{"name": "value"}].' : "the JSON array is not closed; expected ']' before the end of the file.", line, column(i));
    }
    const c = buf[i]!;
    if (state === 'start') {
      if (c !== 91) throw parseError(file, `found ${found(i)}; expected '[' to open an array of records.`, line, column(i));
      advance(i + 1);
      state = 'element';
      // An empty array is allowed by JSON; it just has no rows.
      let k = pos;
      while (k < filled && isWs(buf[k]!)) k++;
      if (buf[k] === 93) {
        advance(k + 1);
        state = 'done';
      }
      continue;
    }
    if (state === 'after') {
      if (c === 44) {
        advance(i + 1);
        state = 'element';
        continue;
      }
      if (c === 93) {
        advance(i + 1);
        state = 'done';
        continue;
      }
      throw parseError(file, `found ${found(i)}; expected ',' or ']' after a record.`, line, column(i));
    }
    if (state === 'done') throw parseError(file, `found ${found(i)} after the closing ']'; expected the end of the file.`, line, column(i));
    // state === 'element': find the end of one value starting at i.
    let depth = 0;
    let inString = false;
    let k = i;
    let end = -1;
    for (; k < filled; k++) {
      const b = buf[k]!;
      if (inString) {
        if (b === 92) k++;
        else if (b === 34) inString = false;
        continue;
      }
      if (b === 34) inString = true;
      else if (b === 123 || b === 91) depth++;
      else if (b === 125 || b === 93) {
        depth--;
        if (depth === 0) {
          end = k + 1;
          break;
        }
        if (depth < 0) {
          end = k;
          break;
        }
      } else if (depth === 0 && (b === 44 || isWs(b))) {
        end = k;
        break;
      }
    }
    if (end < 0) {
      if (!eof) {
        fill();
        continue;
      }
      end = filled;
    }
    let text: string;
    try {
      text = utf8.decode(buf.subarray(i, end));
    } catch {
      throw parseError(file, 'invalid bytes for UTF-8; expected UTF-8 text.', line, column(i));
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      const p = locateJsonError(text);
      const where = positionIn(text, p.at, line, column(i));
      throw parseError(file, `invalid JSON: found ${describeJsonChar(text, p.at)}; expected ${p.expected}.`, where.line, where.column);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw parseError(file, `found ${kindOfJson(value)} in the array; expected every element to be a record (a JSON object).`, line, column(i));
    }
    sink.add(value as Record<string, unknown>, { line, column: column(i) });
    advance(end);
    state = 'after';
  }
}
