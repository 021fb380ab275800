/**
 * AssemblyScript source of the CSV fast lane's WebAssembly kernel (built by
 * scripts/build-csv-lane.mjs into electron/backend/analysis/read/csv-lane-bytes.ts).
 *
 * splitRows splits quote-free rows, finding the delimiter and line-end bytes 16 at a time (SIMD),
 * and parses each cell that is a plain decimal number into a double. It stops before any row the
 * JavaScript lane (read/plain-rows.ts) would stop before: a wrong field count, a blank line, a lone
 * CR. The caller owns all memory above heapBase(): it places the input bytes (followed by 16 bytes
 * of padding, read but never used) and the output arrays there.
 */

/** Exact powers of ten up to 1e15: a mantissa of at most 15 digits divided by one is Number()'s answer. */
const POW10 = memory.data<f64>([1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]);

/** Cell kinds written to the kinds array (number-bytes.ts' INTEGER_SYNTAX, FLOAT_SYNTAX and TEXT_SYNTAX). */
const NOT_PLAIN: u8 = 0;
const INTEGER: u8 = 1;
const FLOAT: u8 = 2;
const TEXT: u8 = 3;

export function heapBase(): usize {
  return __heap_base;
}

/**
 * The plain-number test and parse of bytes [s, e): [-]digits[.digits] or [-].digits, 1 to 15
 * digits, no leading zero before another integer digit (a code such as "007", which the caller
 * keeps as text). Clinger's fast path: the mantissa and 10^k are exact doubles, so one correctly
 * rounded division gives the same bits as Number(). Bytes that number-bytes.ts' grammar
 * ([+-]digits[.digits][(e|E)[+-]digits]) rejects are TEXT, so the caller skips its own number
 * parse; anything else (a '+', an exponent, more digits, an empty cell) is NOT_PLAIN and the
 * caller parses it the long way.
 */
@inline function parseCell(s: usize, e: usize, out: usize): u8 {
  let i = s;
  if (i >= e) return NOT_PLAIN;
  const first = load<u8>(i);
  const negative = first == 45;
  if (negative || first == 43) i++;
  const intStart = i;
  let m: u64 = 0;
  while (i < e) {
    const d = <u32>load<u8>(i) - 48;
    if (d >= 10) break;
    m = m * 10 + d;
    i++;
  }
  const intDigits = i - intStart;
  let kind = INTEGER;
  let fracDigits: usize = 0;
  if (i < e && load<u8>(i) == 46) {
    kind = FLOAT;
    i++;
    const fracStart = i;
    while (i < e) {
      const d = <u32>load<u8>(i) - 48;
      if (d >= 10) break;
      m = m * 10 + d;
      i++;
    }
    fracDigits = i - fracStart;
  }
  if (i != e) {
    // Only an exponent may follow the mantissa.
    const c = load<u8>(i);
    return c == 101 || c == 69 ? NOT_PLAIN : TEXT;
  }
  const digits = intDigits + fracDigits;
  if (digits == 0) return TEXT;
  if (first == 43 || digits > 15 || (intDigits > 1 && load<u8>(intStart) == 48)) return NOT_PLAIN;
  let v = <f64>m;
  if (fracDigits > 0) v = v / load<f64>(POW10 + (fracDigits << 3));
  store<f64>(out, negative ? -v : v);
  return kind;
}

/**
 * Split rows from input[0, length) (whole lines, the last ending with '\n') into at most maxRows
 * rows of exactly `fields` fields. Cell k of row r is index r * fields + k in starts and ends
 * (i32 byte offsets into input plus `origin`: offsets into the caller's own buffer), values (f64)
 * and kinds (u8: NOT_PLAIN, INTEGER, FLOAT or TEXT; values is written only for a number). Returns the
 * rows taken; stores the offset just past them (from input, without origin) at `endOut` (i32).
 */
export function splitRows(input: usize, length: i32, origin: i32, delimiter: i32, fields: i32, maxRows: i32, starts: usize, ends: usize, values: usize, kinds: usize, endOut: usize): i32 {
  const dl = i8x16.splat(<i8>delimiter);
  const lf = i8x16.splat(10);
  const cr = i8x16.splat(13);
  let rows = 0;
  let rowStart = 0;
  let fieldStart = 0;
  let f = 0;
  let cell = 0;
  let base = 0;
  let v = v128.load(input);
  let mask = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, dl), i8x16.eq(v, lf)), i8x16.eq(v, cr)));
  while (rowStart < length && rows < maxRows) {
    while (mask == 0) {
      base += 16;
      v = v128.load(input + base);
      mask = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, dl), i8x16.eq(v, lf)), i8x16.eq(v, cr)));
    }
    const at = base + ctz(mask);
    mask &= mask - 1;
    const c = <i32>load<u8>(input + at);
    store<i32>(starts + (cell << 2), fieldStart + origin);
    store<i32>(ends + (cell << 2), at + origin);
    store<u8>(kinds + cell, parseCell(input + fieldStart, input + at, values + (cell << 3)));
    f++;
    cell++;
    if (c == delimiter) {
      if (f == fields) break; // too many fields
      fieldStart = at + 1;
      continue;
    }
    let next = at + 1;
    if (c == 13) {
      if (load<u8>(input + next) != 10) break; // a lone CR
      next++;
    }
    if (f != fields || (f == 1 && at == rowStart)) break; // too few fields, or a blank line
    rows++;
    f = 0;
    rowStart = next;
    fieldStart = next;
    // Skip to `next`: past a CRLF's LF, which may lie in this block or the next one.
    if (next >= base + 16) {
      base = next;
      v = v128.load(input + base);
      mask = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, dl), i8x16.eq(v, lf)), i8x16.eq(v, cr)));
    } else mask &= <i32>(-1 << (next - base));
  }
  store<i32>(endOut, rowStart);
  return rows;
}
