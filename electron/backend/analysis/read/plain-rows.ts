/**
 * The scanner's fast lane (RowSink.plainRows) for a sink that only has row(): lines with no quote
 * byte are split here, in one loop that knows the delimiter and the field count, and each is handed
 * to the sink's row() exactly as the scanner's general path would hand it. Anything the general
 * path treats specially (a blank line, a wrong field count, a lone CR) stops the lane before that
 * line, so the scanner reads it, skips it or reports it as it always did.
 */
import type { RowSink } from './csv-scanner';

export class PlainRowSplitter implements RowSink {
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);

  constructor(
    private readonly sink: RowSink,
    private readonly delimiter: number,
  ) {}

  row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number, line: number): void {
    this.sink.row(buf, starts, ends, n, line);
  }

  plainRows(buf: Uint8Array, from: number, to: number, line: number, fields: number, done: Int32Array): void {
    if (this.starts.length < fields) {
      this.starts = new Int32Array(fields);
      this.ends = new Int32Array(fields);
    }
    const s = this.starts;
    const e = this.ends;
    const delimiter = this.delimiter;
    // Every byte above both line-end bytes and the delimiter ends no field: one comparison for most
    // bytes (digits and letters, with a comma or a tab as the delimiter) instead of three.
    const top = Math.max(delimiter, 13);
    const sink = this.sink;
    let p = from;
    let taken = 0;
    while (p < to) {
      // The region ends with a newline, so the byte loop needs no bounds check.
      let at = p;
      let f = 0;
      let ok = false;
      for (;;) {
        s[f] = at;
        let c = buf[at]!;
        while (c > top || (c !== delimiter && c !== 10 && c !== 13)) c = buf[++at]!;
        e[f] = at;
        f++;
        if (c === delimiter) {
          if (f === fields) break; // too many fields
          at++;
          continue;
        }
        if (c === 13) {
          if (buf[at + 1] !== 10) break; // a lone CR
          at++;
        }
        at++;
        ok = f === fields && !(f === 1 && e[0] === s[0]); // a blank line is skipped by the scanner
        break;
      }
      if (!ok) break;
      sink.row(buf, s, e, fields, line + taken);
      taken++;
      p = at;
    }
    done[0] = p;
    done[1] = taken;
  }
}
