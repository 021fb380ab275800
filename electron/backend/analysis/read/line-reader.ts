/**
 * Whole lines (without the line end) from a ByteSource, one chunk buffer at a time; a line longer
 * than the buffer grows it. Used by the JSON Lines reader.
 */
import { type ByteSource } from './byte-source';

export function forEachLine(source: ByteSource, onLine: (buf: Uint8Array, start: number, end: number, line: number) => void, onProgress?: (bytes: number) => void): void {
  let buf = new Uint8Array(1 << 20);
  let filled = 0;
  let consumed = 0;
  let line = 1;
  for (;;) {
    if (filled === buf.length) {
      const bigger = new Uint8Array(buf.length * 2);
      bigger.set(buf);
      buf = bigger;
    }
    const n = source.read(buf, filled, buf.length - filled);
    filled += n;
    let pos = 0;
    for (;;) {
      const nl = buf.subarray(0, filled).indexOf(10, pos);
      if (nl < 0) break;
      const end = nl > pos && buf[nl - 1] === 13 ? nl - 1 : nl;
      onLine(buf, pos, end, line++);
      pos = nl + 1;
    }
    if (n === 0) {
      if (pos < filled) onLine(buf, pos, buf[filled - 1] === 13 ? filled - 1 : filled, line);
      onProgress?.(consumed + filled);
      return;
    }
    buf.copyWithin(0, pos, filled);
    filled -= pos;
    consumed += pos;
    onProgress?.(consumed);
  }
}
