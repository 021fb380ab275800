/**
 * Values the profile keeps as text (top values, the distinct sample, sampled rows) are cut to
 * KEPT_TEXT_BYTES: a 50 MB cell is hashed, counted and measured whole, but only its first kilobyte
 * is kept and shown. Without the cut one such cell was held several times over (the decoded
 * string, the row sample, the result sent from the worker, the report) and a 50 MB cell took
 * 740 MB.
 */
export const KEPT_TEXT_BYTES = 1024;
export const CUT_MARK = '…';

const utf8 = new TextDecoder('utf-8');

/** The text of bytes [start, end), cut at a character boundary after KEPT_TEXT_BYTES. */
export function keptText(buf: Uint8Array, start: number, end: number): string {
  if (end - start <= KEPT_TEXT_BYTES) return utf8.decode(buf.subarray(start, end));
  let cut = start + KEPT_TEXT_BYTES;
  // Step back over continuation bytes (10xxxxxx) so a multi-byte character is not split.
  while (cut > start && (buf[cut]! & 0xc0) === 0x80) cut--;
  return utf8.decode(buf.subarray(start, cut)) + CUT_MARK;
}

/** The same cut for a value that arrived as a JS string (JSON, Parquet). */
export function keptString(s: string): string {
  // A UTF-16 code unit is at most 3 UTF-8 bytes, so short strings need no look.
  if (s.length <= KEPT_TEXT_BYTES / 3) return s;
  const bytes = new TextEncoder().encode(s.length > KEPT_TEXT_BYTES ? s.slice(0, KEPT_TEXT_BYTES + 1) : s);
  if (bytes.length <= KEPT_TEXT_BYTES && s.length <= KEPT_TEXT_BYTES) return s;
  return keptText(bytes, 0, bytes.length);
}
