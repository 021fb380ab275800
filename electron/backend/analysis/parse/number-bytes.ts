/**
 * Parse a decimal number straight from UTF-8 bytes, so numeric CSV cells never become strings.
 * Fast path (Clinger): at most 15 significant digits and a power of ten within 1e22 are both
 * exact doubles, so one multiplication or division is correctly rounded: the result equals
 * Number(text). Up to 19 significant digits (every digit of a double) take long-decimal.ts, also
 * correctly rounded; anything else (longer mantissas, huge exponents) falls back to Number().
 * Accepted grammar: [+-]? digits [. digits]? ([eE] [+-]? digits)?, or [+-]? . digits ..., with no
 * surrounding spaces (callers trim). Returns NaN when the bytes are not a number.
 */

import { longDecimal, longDecimalValue } from './long-decimal';

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Set by parseNumberBytes: true when the last successfully parsed number had integer syntax. */
export const lastNumber = { isInteger: false };

/**
 * Where scanNumberBytes leaves its value. The hot path passes doubles through typed arrays, not
 * return values or arguments: V8 boxes a double that crosses a call it did not inline, and one
 * heap allocation per cell made garbage collection a large share of the profile.
 */
export const parsedValue = new Float64Array(1);

/**
 * Set by scanNumberBytes: 1 when the number is written the way codes are and numbers never are: a
 * leading zero before another digit ("00501", "007") or an exponent with neither a decimal point
 * nor a sign ("0E8", "3E7": airport and product codes; number writers print "1e+08" or "1.0E8").
 * Such cells are kept as the text they are: "0E0" and "0E8" both read as 0 otherwise.
 */
export const codeSyntax = new Uint8Array(1);

export const NOT_A_NUMBER = 0;
export const INTEGER_SYNTAX = 1;
export const FLOAT_SYNTAX = 2;
/**
 * Not returned by scanNumberBytes: the CSV lane's kernel (wasm/csv-lane.ts) marks cells this way
 * when scanNumberBytes would answer NOT_A_NUMBER for them, so the row loop need not ask it.
 */
export const TEXT_SYNTAX = 3;

const latin1 = new TextDecoder('latin1');

/** Parse without boxing: returns NOT_A_NUMBER, INTEGER_SYNTAX or FLOAT_SYNTAX; value in parsedValue[0]. */
export function scanNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  codeSyntax[0] = 0;
  if (i >= end) return NOT_A_NUMBER;
  let negative = false;
  const c = buf[i]!;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
  }
  // Digits accumulate into `mantissa` unconditionally; it is exact while `digits` <= 15, and the
  // slow path takes over otherwise, so the loop needs no per-digit bookkeeping.
  let mantissa = 0;
  const intStart = i;
  let d: number;
  while (i < end && (d = buf[i]! - 48) >>> 0 < 10) {
    mantissa = mantissa * 10 + d;
    i++;
  }
  let digits = i - intStart;
  if (digits > 1 && buf[intStart] === 48) codeSyntax[0] = 1;
  let fracDigits = 0;
  let isInteger = true;
  if (i < end && buf[i] === 46 /* . */) {
    isInteger = false;
    i++;
    const fracStart = i;
    while (i < end && (d = buf[i]! - 48) >>> 0 < 10) {
      mantissa = mantissa * 10 + d;
      i++;
    }
    fracDigits = i - fracStart;
    digits += fracDigits;
  }
  if (digits === 0) return NOT_A_NUMBER;
  const mantissaEnd = i;
  let exp = 0;
  if (i < end && (buf[i] === 101 || buf[i] === 69) /* e E */) {
    const bare = isInteger;
    isInteger = false;
    i++;
    let expNeg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      expNeg = buf[i] === 45;
      i++;
    } else if (bare) codeSyntax[0] = 1;
    const expStart = i;
    while (i < end && (d = buf[i]! - 48) >>> 0 < 10) {
      if (exp < 100000) exp = exp * 10 + d;
      i++;
    }
    if (i === expStart) return NOT_A_NUMBER;
    if (expNeg) exp = -exp;
  }
  if (i !== end) return NOT_A_NUMBER;
  const scale = exp - fracDigits;
  if (digits <= 15 && scale >= -22 && scale <= 22) {
    const v = scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
    parsedValue[0] = negative ? -v : v;
  } else if (longDecimal(buf, intStart, mantissaEnd, scale)) {
    parsedValue[0] = negative ? -longDecimalValue[0]! : longDecimalValue[0]!;
  } else {
    // Slow path (more than 19 significant digits, exponents beyond 22): exact rounding.
    parsedValue[0] = Number(latin1.decode(buf.subarray(start, end)));
  }
  return isInteger ? INTEGER_SYNTAX : FLOAT_SYNTAX;
}

/** Convenience form for cold paths: the number, or NaN; sets lastNumber.isInteger. */
export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  const kind = scanNumberBytes(buf, start, end);
  if (kind === NOT_A_NUMBER) return NaN;
  lastNumber.isInteger = kind === INTEGER_SYNTAX;
  return parsedValue[0]!;
}
