/**
 * Text encodings Tally reads, their detection from the first bytes, and refusal of binary files.
 * Detection order: UTF-32 (refused: no decoder for it here); byte-order mark; known binary
 * signatures; UTF-16 without BOM (every other byte zero in ASCII text); NUL or control bytes ->
 * binary; valid UTF-8 -> UTF-8; Japanese text in Shift_JIS (see looksLikeShiftJis); else
 * Windows-1252 (the encoding Excel on Windows saves "CSV" in, and a decoder that accepts every byte).
 */
import { isUtf8 } from 'node:buffer';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252' | 'shift_jis';

export interface DetectedEncoding {
  encoding: TextEncodingName;
  /** Bytes of byte-order mark to skip. */
  bomLength: number;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['a ZIP archive (or an Excel .xlsx workbook)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['an executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['a SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
  ['an old Excel .xls workbook', [0xd0, 0xcf, 0x11, 0xe0]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf]],
];

/** Name of a known binary format the head starts with, or null. */
export function binarySignature(head: Uint8Array): string | null {
  for (const [name, sig] of SIGNATURES) {
    if (head.length >= sig.length && sig.every((b, i) => head[i] === b)) return name;
  }
  return null;
}

export function bomOf(head: Uint8Array): DetectedEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return null;
}

/** UTF-16 without BOM: in mostly-ASCII text one byte of each pair is zero. */
function utf16WithoutBom(head: Uint8Array): TextEncodingName | null {
  const pairs = Math.floor(Math.min(head.length, 4096) / 2);
  if (pairs < 2) return null;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < pairs; i++) {
    if (head[2 * i] === 0) evenZero++;
    if (head[2 * i + 1] === 0) oddZero++;
  }
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Share of bytes that are control characters no text file holds (NUL, 0x01-0x08, 0x0E-0x1F). */
export function controlByteShare(head: Uint8Array): number {
  let bad = 0;
  const n = Math.min(head.length, 65536);
  for (let i = 0; i < n; i++) {
    const b = head[i]!;
    if (b === 0 || (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12 && b !== 27)) bad++;
  }
  return n > 0 ? bad / n : 0;
}

/** Result of looking at the head: a text encoding, or why the file is binary. */
export type HeadVerdict = { kind: 'text'; detected: DetectedEncoding } | { kind: 'binary'; what: string };

export const UTF32 = 'UTF-32 text';

/** UTF-32 by its byte-order mark, or by three zero bytes in every four of ASCII text. */
function isUtf32(head: Uint8Array): boolean {
  if ((head[0] === 0xff && head[1] === 0xfe && head[2] === 0 && head[3] === 0) || (head[0] === 0 && head[1] === 0 && head[2] === 0xfe && head[3] === 0xff)) return true;
  const quads = Math.floor(Math.min(head.length, 4096) / 4);
  if (quads < 2) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i < quads; i++) {
    const [a, b, c, d] = [head[4 * i], head[4 * i + 1], head[4 * i + 2], head[4 * i + 3]];
    if (a !== 0 && b === 0 && c === 0 && d === 0) le++;
    if (a === 0 && b === 0 && c === 0 && d !== 0) be++;
  }
  return le > quads * 0.8 || be > quads * 0.8;
}

/**
 * Japanese text saved in Shift_JIS (Excel's default in Japan): the head decodes as Shift_JIS
 * without a single invalid sequence, and nearly every non-ASCII character it gives is kana or a
 * CJK ideograph. Western Windows-1252 text rarely passes both: an accented letter before a space,
 * comma or line end is not a valid Shift_JIS pair.
 */
export function looksLikeShiftJis(head: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder('shift_jis', { fatal: true }).decode(head);
  } catch {
    return false;
  }
  let japanese = 0;
  let other = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0xff66 && c <= 0xff9f) || c === 0x3000 || c === 0x3001 || c === 0x3002) japanese++;
    else other++;
  }
  return japanese >= 2 && japanese >= 9 * other;
}

export function detectEncoding(head: Uint8Array, isComplete: boolean): HeadVerdict {
  if (isUtf32(head)) return { kind: 'binary', what: UTF32 };
  const bom = bomOf(head);
  if (bom) return { kind: 'text', detected: bom };
  const sig = binarySignature(head);
  if (sig) return { kind: 'binary', what: sig };
  const u16 = utf16WithoutBom(head);
  if (u16) return { kind: 'text', detected: { encoding: u16, bomLength: 0 } };
  if (controlByteShare(head) > 0) return { kind: 'binary', what: 'binary data (it contains NUL or control bytes)' };
  // A sample cut mid-character is still UTF-8: drop up to 3 trailing bytes before judging.
  let end = head.length;
  if (!isComplete) {
    const nl = head.lastIndexOf(10);
    if (nl > 0) end = nl + 1;
  }
  if (isUtf8(head.subarray(0, end))) return { kind: 'text', detected: { encoding: 'utf-8', bomLength: 0 } };
  if (looksLikeShiftJis(head.subarray(0, end))) return { kind: 'text', detected: { encoding: 'shift_jis', bomLength: 0 } };
  return { kind: 'text', detected: { encoding: 'windows-1252', bomLength: 0 } };
}
