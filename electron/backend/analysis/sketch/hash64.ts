/**
 * 64-bit hashing without BigInt: two 32-bit lanes mixed with Math.imul. A hash is returned
 * through the caller-owned `out` pair (out[0] = high, out[1] = low) so the hot path allocates
 * nothing. Strings are always hashed over their UTF-8 bytes, so a value hashes the same whether
 * it came from CSV bytes, JSON or Parquet (train.csv vs test.jsonl overlap still works).
 */

const textEncoder = new TextEncoder();

/** Final avalanche of one lane (murmur3 fmix32). */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Hash bytes [start, end) of `buf` into out[0..1]. */
export function hashBytes(buf: Uint8Array, start: number, end: number, out: Uint32Array): void {
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x5bd1e995 ^ (end - start);
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 + b, 0x5bd1e995) ^ (h2 >>> 15);
  }
  out[0] = fmix32(h1 ^ (h2 >>> 7));
  out[1] = fmix32(h2 + Math.imul(h1, 0x27d4eb2d));
}

/**
 * hashBytes (the same hash, bit for bit) that also measures the text on the same walk over its
 * bytes: returns characters * 2 + (1 if a space occurs), characters counted as UTF-8 sequence
 * starts. A text cell needed both, and two walks over its bytes cost more than one.
 */
export function hashTextBytes(buf: Uint8Array, start: number, end: number, out: Uint32Array): number {
  let h1 = 0x9747b28c ^ (end - start);
  let h2 = 0x5bd1e995 ^ (end - start);
  let continuation = 0;
  let space = 0;
  for (let i = start; i < end; i++) {
    const b = buf[i]!;
    h1 = Math.imul(h1 ^ b, 0x01000193);
    h2 = Math.imul(h2 + b, 0x5bd1e995) ^ (h2 >>> 15);
    if ((b & 0xc0) === 0x80) continuation++;
    else if (b === 32) space = 1;
  }
  out[0] = fmix32(h1 ^ (h2 >>> 7));
  out[1] = fmix32(h2 + Math.imul(h1, 0x27d4eb2d));
  return (end - start - continuation) * 2 + space;
}

const f64 = new Float64Array(1);
const f64Words = new Uint32Array(f64.buffer);

/** Hash a finite number by value (so "1", "1.0" and 1 are the same cell value). */
export function hashNumber(x: number, out: Uint32Array): void {
  f64[0] = x;
  hashNumberIn(f64, out);
}

/**
 * Hash the number held in src[0] (hot path: no double crosses a call). -0 and 0 hash alike.
 */
export function hashNumberIn(src: Float64Array, out: Uint32Array): void {
  f64[0] = src[0]! === 0 ? 0 : src[0]!;
  const lo = f64Words[0]!;
  const hi = f64Words[1]!;
  out[0] = fmix32(Math.imul(hi ^ 0x3c6ef372, 0x85ebca6b) ^ lo);
  out[1] = fmix32(Math.imul(lo ^ 0xa54ff53a, 0xc2b2ae35) + hi);
}

const scratch = { buf: new Uint8Array(256) };

/** Hash a JS string over its UTF-8 bytes. */
export function hashString(s: string, out: Uint32Array): void {
  let ascii = s.length <= scratch.buf.length;
  if (ascii) {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c > 127) {
        ascii = false;
        break;
      }
      scratch.buf[i] = c;
    }
  }
  if (ascii) {
    hashBytes(scratch.buf, 0, s.length, out);
    return;
  }
  const bytes = textEncoder.encode(s);
  hashBytes(bytes, 0, bytes.length, out);
}

/**
 * Adds a cell's hash, keyed by its column's name hash, into a row's running 64-bit sum. The sum
 * does not depend on column order and missing cells are simply not added, so a row hashes the
 * same whatever order its columns come in and whether an absent JSON key was written as null or
 * left out: train.csv and test.jsonl with columns in another order still find their shared rows.
 */
export function keyedTerm(cell: Uint32Array, key: Uint32Array, term: Uint32Array): void {
  // Cell and key hashes are already avalanched; one multiply-xorshift per lane makes the term a
  // non-linear function of both, so sums of terms from different rows do not cancel by structure.
  let hi = Math.imul(cell[0]! ^ key[0]!, 0x85ebca6b);
  hi ^= hi >>> 15;
  let lo = Math.imul(cell[1]! ^ key[1]! ^ hi, 0xc2b2ae35);
  lo ^= lo >>> 13;
  term[0] = hi;
  term[1] = lo;
}

/** 64-bit addition in two 32-bit lanes (the low lane wrapped when its result is below the addend). */
export function add64Into(sum: Uint32Array, term: Uint32Array): void {
  const low = (sum[1]! + term[1]!) >>> 0;
  sum[0] = sum[0]! + term[0]! + (low < term[1]! ? 1 : 0);
  sum[1] = low;
}

export function addKeyedInto(sum: Uint32Array, cell: Uint32Array, key: Uint32Array, term: Uint32Array): void {
  keyedTerm(cell, key, term);
  add64Into(sum, term);
}

/** Finish a running row hash (full avalanche on both lanes). */
export function finishRowHash(row: Uint32Array): void {
  const a = fmix32(row[0]! ^ (row[1]! >>> 3));
  const b = fmix32(row[1]! + Math.imul(row[0]!, 0x27d4eb2d));
  row[0] = a;
  row[1] = b;
}
