/**
 * Byte-level CSV/TSV scanner (RFC 4180 plus common practice): fields split on one delimiter byte,
 * optional quoting with doubled quotes as escapes, \n, \r\n or \r line ends, blank lines skipped.
 * It hands each row to a sink as field byte ranges into its own buffer (never a string per field)
 * and reports malformed input with file, line and column.
 *
 * Memory: one chunk buffer (grown only for a row longer than a chunk). A row cut by the chunk end
 * is moved to the buffer start and scanned again once more bytes arrived, so no mid-row state is
 * kept across reads. Quoted fields with doubled quotes are unescaped in place only once their row
 * is complete (the buffer is our copy, never the user's file).
 */
import { type ByteSource } from './byte-source';
import { charColumn, delimiterName, describeChar, parseError } from './parse-error';
import { firstInvalidUtf8, isValidUtf8 } from './utf8-check';

export interface CsvDialect {
  delimiter: number;
  quote: number;
}

export interface RowSink {
  /** Fields i in [0, n) are buf[starts[i], ends[i]); `line` is the row's first physical line. */
  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, line: number): void;
  /**
   * Optional fast lane for plain rows. buf[from, to) holds whole rows of one line each with no
   * quote byte (`to` is just past a newline; `line` is the first one's line), and every row must
   * have `fields` fields. The sink takes as many rows from `from` on as it likes, each exactly as
   * row() would, and stops before any it would rather not (a blank line, a wrong field count, a
   * lone CR): it writes where it stopped (a row start) into done[0] and how many rows it took into
   * done[1]. The scanner reads on from there, the next row through row().
   */
  plainRows?(buf: Uint8Array, from: number, to: number, line: number, fields: number, done: Int32Array): void;
}

export interface ScanOptions {
  file: string;
  dialect: CsvDialect;
  /** Field count every row must have; null: take it from the first row. */
  expectedFields: number | null;
  /** Physical line number of the first byte the source yields. */
  firstLine: number;
  /** Check UTF-8 validity (off when the bytes came from our own transcoder). */
  validateUtf8: boolean;
  /** Parallel ranges cannot tell a quoted newline from a row end: they ask to be told instead. */
  onQuotedNewline?: () => void;
  onProgress?: (bytes: number, rows: number) => void;
  chunkSize?: number;
}

export interface ScanResult {
  rows: number;
  bytes: number;
  quotedNewlines: boolean;
}

export class CsvScanner {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private escaped = new Uint8Array(64);

  constructor(private readonly options: ScanOptions) {}

  scan(source: ByteSource, sink: RowSink): ScanResult {
    const o = this.options;
    const delim = o.dialect.delimiter;
    const quote = o.dialect.quote;
    let buf = new Uint8Array(o.chunkSize ?? 1 << 22);
    let filled = 0;
    let pos = 0; // start of the first unscanned row in buf
    let consumed = 0; // bytes before buf[0]
    let validated = 0; // buf[0, validated) is known-good UTF-8
    let eof = false;
    let line = o.firstLine;
    let rows = 0;
    let expected = o.expectedFields;
    let quotedNewlines = false;
    // The fast lane (RowSink.plainRows): rows before plainEnd hold no quote byte; lastRowEnd is
    // just past the buffer's last newline (rows after it are incomplete).
    const plainRows = sink.plainRows?.bind(sink);
    // Buffer's indexOf is memchr; a Uint8Array's walks the bytes one at a time.
    let view = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
    const done = new Int32Array(2);
    let plainEnd = 0;
    let lastRowEnd = 0;
    const isSpecial = new Uint8Array(256);
    isSpecial[delim] = 1;
    isSpecial[10] = 1;
    isSpecial[13] = 1;

    for (;;) {
      // Refill: keep the unscanned tail, read more after it.
      if (!eof) {
        if (pos > 0) {
          buf.copyWithin(0, pos, filled);
          filled -= pos;
          validated = Math.max(0, validated - pos);
          consumed += pos;
          pos = 0;
        }
        if (filled === buf.length) {
          const bigger = new Uint8Array(buf.length * 2);
          bigger.set(buf);
          buf = bigger;
          view = Buffer.from(buf.buffer, buf.byteOffset, buf.length);
        }
        const n = source.read(buf, filled, buf.length - filled);
        if (n === 0) eof = true;
        filled += n;
        if (o.validateUtf8) {
          // Validate up to the last newline (never inside a multi-byte character) or to the end.
          let upTo = filled;
          if (!eof) {
            const nl = buf.lastIndexOf(10, filled - 1);
            upTo = nl >= validated ? nl + 1 : validated;
          }
          if (upTo > validated && !isValidUtf8(buf, validated, upTo)) {
            const bad = firstInvalidUtf8(buf, validated, upTo);
            throw this.encodingError(buf, pos, line, bad);
          }
          validated = Math.max(validated, upTo);
        }
        o.onProgress?.(consumed + pos, rows);
        lastRowEnd = filled === 0 ? 0 : Math.min(o.validateUtf8 ? validated : filled, buf.lastIndexOf(10, filled - 1) + 1);
        plainEnd = 0;
      }

      // Scan every complete row now in the buffer.
      for (;;) {
        if (plainRows !== undefined && expected !== null && pos < lastRowEnd) {
          if (pos >= plainEnd) plainEnd = plainLimit(view, pos, lastRowEnd, quote);
          if (pos < plainEnd) {
            plainRows(buf, pos, plainEnd, line, expected, done);
            const taken = done[1]!;
            if (taken > 0) {
              rows += taken;
              line += taken;
              pos = done[0]!;
            }
          }
        }
        if (pos >= filled) break;
        let i = pos;
        let n = 0;
        let rowLines = 0;
        let lineStart = pos;
        let complete = false;
        for (;;) {
          if (n === this.starts.length) this.growFields();
          const fieldStart = i;
          if (i < filled && buf[i] === quote) {
            // Quoted field: find the closing quote; "" is an escaped quote.
            i++;
            let esc = 0;
            let closed = false;
            while (i < filled) {
              const c = buf[i]!;
              if (c === quote) {
                if (i + 1 < filled && buf[i + 1] === quote) {
                  esc = 1;
                  i += 2;
                  continue;
                }
                if (i + 1 >= filled && !eof) break; // cannot tell yet: need the next byte
                closed = true;
                break;
              }
              if (c === 10 || (c === 13 && buf[i + 1] !== 10)) {
                rowLines++;
                lineStart = i + 1;
                quotedNewlines = true;
              }
              i++;
            }
            if (!closed) {
              if (!eof) break; // need more bytes
              throw parseError(o.file, `unterminated quoted field: the quote opened here is never closed; expected a closing ${String.fromCharCode(quote)} before the end of the file.`, line + this.linesBefore(buf, pos, fieldStart), charColumn(buf, this.lineStartOf(buf, pos, fieldStart), fieldStart));
            }
            this.starts[n] = fieldStart + 1;
            this.ends[n] = i;
            this.escaped[n] = esc;
            i++; // past the closing quote
            if (i < filled && !isSpecial[buf[i]!]) {
              throw parseError(o.file, `unexpected ${describeChar(buf, i)} after a closing quote; expected the delimiter ${delimiterName(delim)} or the end of the line.`, line + rowLines, charColumn(buf, lineStart, i));
            }
          } else {
            while (i < filled && isSpecial[buf[i]!] === 0) i++;
            this.starts[n] = fieldStart;
            this.ends[n] = i;
            this.escaped[n] = 0;
          }
          n++;
          if (i >= filled) {
            if (eof) complete = true;
            break;
          }
          const c = buf[i]!;
          if (c === delim) {
            i++;
            continue;
          }
          // Line end: \n, \r\n or a lone \r. A \r at the buffer end may be the first half of \r\n.
          if (c === 13) {
            if (i + 1 >= filled && !eof) break;
            i += buf[i + 1] === 10 ? 2 : 1;
          } else i++;
          complete = true;
          break;
        }
        if (!complete) break; // row cut by the chunk end: refill and scan it again
        if (quotedNewlines && o.onQuotedNewline) o.onQuotedNewline();
        const blank = n === 1 && this.starts[0] === this.ends[0] && buf[this.starts[0]! - 1] !== quote;
        if (!blank) {
          for (let k = 0; k < n; k++) if (this.escaped[k]) this.ends[k] = unescapeInPlace(buf, this.starts[k]!, this.ends[k]!, quote);
          if (expected === null) expected = n;
          else if (n !== expected) throw this.raggedError(buf, pos, line, n, expected, delim);
          sink.row(buf, this.starts, this.ends, n, line);
          rows++;
        }
        line += rowLines + 1;
        pos = i;
      }
      if (eof && pos >= filled) break;
      if (eof) break;
    }
    o.onProgress?.(consumed + filled, rows);
    return { rows, bytes: consumed + filled, quotedNewlines };
  }

  private growFields(): void {
    const size = this.starts.length * 2;
    const s = new Int32Array(size);
    s.set(this.starts);
    const e = new Int32Array(size);
    e.set(this.ends);
    const x = new Uint8Array(size);
    x.set(this.escaped);
    this.starts = s;
    this.ends = e;
    this.escaped = x;
  }

  private linesBefore(buf: Uint8Array, from: number, to: number): number {
    let lines = 0;
    for (let i = from; i < to; i++) if (buf[i] === 10) lines++;
    return lines;
  }

  private lineStartOf(buf: Uint8Array, from: number, at: number): number {
    let s = from;
    for (let i = from; i < at; i++) if (buf[i] === 10) s = i + 1;
    return s;
  }

  private raggedError(buf: Uint8Array, rowStart: number, line: number, n: number, expected: number, delim: number) {
    const o = this.options;
    const lineNo = line + this.linesBefore(buf, rowStart, this.starts[Math.min(n, expected) - 1]!);
    if (n > expected) {
      const at = this.starts[expected]! - 1; // the delimiter that opens the first extra field
      const column = charColumn(buf, this.lineStartOf(buf, rowStart, at), at);
      return parseError(o.file, `found ${n} fields but the header has ${expected}; expected ${expected} fields separated by ${delimiterName(delim)} (is there an unquoted ${delimiterName(delim)} inside a value?).`, lineNo, column);
    }
    const at = this.ends[n - 1]!;
    const column = charColumn(buf, this.lineStartOf(buf, rowStart, at), at);
    return parseError(o.file, `found ${n} field${n === 1 ? '' : 's'} but the header has ${expected}; expected ${expected} fields separated by ${delimiterName(delim)}.`, lineNo, column);
  }

  private encodingError(buf: Uint8Array, rowStart: number, line: number, bad: number) {
    const lineNo = line + this.linesBefore(buf, rowStart, bad);
    const column = charColumn(buf, this.lineStartOf(buf, rowStart, bad), bad);
    const byte = buf[bad]!.toString(16).padStart(2, '0').toUpperCase();
    return parseError(this.options.file, `invalid byte 0x${byte} for UTF-8; expected UTF-8 text (if the file comes from Excel on Windows, choose the Windows-1252 encoding).`, lineNo, column);
  }
}

/**
 * End of the rows from `pos` that hold no quote byte: `end` when there is none before it, else the
 * start of the line holding the first one (which may be `pos` itself: then there are none).
 */
function plainLimit(buf: Buffer, pos: number, end: number, quote: number): number {
  const q = buf.indexOf(quote, pos);
  if (q < 0 || q >= end) return end;
  return Math.max(pos, buf.lastIndexOf(10, q) + 1);
}

/** Collapse doubled quotes in buf[start, end); returns the new end. */
function unescapeInPlace(buf: Uint8Array, start: number, end: number, quote: number): number {
  let w = start;
  for (let r = start; r < end; r++) {
    const c = buf[r]!;
    buf[w++] = c;
    if (c === quote && buf[r + 1] === quote) r++;
  }
  return w;
}
