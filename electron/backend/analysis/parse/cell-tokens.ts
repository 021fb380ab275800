/**
 * Byte-level recognisers for the non-numeric kinds of cell: disguised missing placeholders and
 * booleans. They compare bytes case-insensitively against short token lists, so the common case
 * (an ordinary category such as "paris") costs a first-byte table lookup and no allocation.
 */

import { DISGUISED_MISSING_TOKENS } from '../../../../shared/quality/missing-tokens';

/** Placeholders that mean "no value" (trimmed, case-insensitive), shared with the checks. */
export const DISGUISED_TOKENS: readonly string[] = DISGUISED_MISSING_TOKENS;
export const BOOLEAN_TRUE = ['true', 'yes'];
export const BOOLEAN_FALSE = ['false', 'no'];

const encode = (list: readonly string[]) => list.map((t) => Uint8Array.from(t, (ch) => ch.charCodeAt(0)));
const DISGUISED_BYTES = encode(DISGUISED_TOKENS);
const BOOLEAN_BYTES = encode([...BOOLEAN_TRUE, ...BOOLEAN_FALSE]);

function firstByteTable(tokens: Uint8Array[]): Uint8Array {
  const t = new Uint8Array(256);
  for (const tok of tokens) {
    const c = tok[0]!;
    t[c] = 1;
    if (c >= 97 && c <= 122) t[c - 32] = 1;
  }
  return t;
}
const DISGUISED_FIRST = firstByteTable(DISGUISED_BYTES);
const MAX_TOKEN_LENGTH = Math.max(...DISGUISED_TOKENS.map((t) => t.length));
const BOOLEAN_FIRST = firstByteTable(BOOLEAN_BYTES);

function isSpace(c: number): boolean {
  return c === 32 || c === 9;
}

function matchesToken(buf: Uint8Array, start: number, end: number, tok: Uint8Array): boolean {
  if (end - start !== tok.length) return false;
  for (let k = 0; k < tok.length; k++) {
    let c = buf[start + k]!;
    if (c >= 65 && c <= 90) c += 32;
    if (c !== tok[k]) return false;
  }
  return true;
}

/** True when the cell (bytes [start, end), non-empty) is a disguised missing value. */
export function isDisguisedMissing(buf: Uint8Array, start: number, end: number): boolean {
  let s = start;
  let e = end;
  while (s < e && isSpace(buf[s]!)) s++;
  while (e > s && isSpace(buf[e - 1]!)) e--;
  if (s === e) return true; // whitespace only
  if (e - s > MAX_TOKEN_LENGTH || DISGUISED_FIRST[buf[s]!] === 0) return false;
  for (const tok of DISGUISED_BYTES) if (matchesToken(buf, s, e, tok)) return true;
  return false;
}

/** True when the cell is a boolean word (true/false/yes/no, any case). */
export function isBooleanWord(buf: Uint8Array, start: number, end: number): boolean {
  if (end - start > 5 || BOOLEAN_FIRST[buf[start]!] === 0) return false;
  for (const tok of BOOLEAN_BYTES) if (matchesToken(buf, start, end, tok)) return true;
  return false;
}

