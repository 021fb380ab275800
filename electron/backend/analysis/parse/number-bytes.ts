/**
 * Parse a decimal number straight from UTF-8 bytes, so numeric CSV cells never become strings.
 * Fast path (Clinger): at most 15 significant digits and a power of ten within 1e22 are both
 * exact doubles, so one multiplication or division is correctly rounded: the result equals
 * Number(text). Anything else (long mantissas, huge exponents) falls back to Number() on the text.
 * Accepted grammar: [+-]? digits [. digits]? ([eE] [+-]? digits)?, or [+-]? . digits ..., with no
 * surrounding spaces (callers trim). Returns NaN when the bytes are not a number.
 */

const POW10 = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

/** Set by parseNumberBytes: true when the last successfully parsed number had integer syntax. */
export const lastNumber = { isInteger: false };

const latin1 = new TextDecoder('latin1');

export function parseNumberBytes(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  if (i >= end) return NaN;
  let negative = false;
  let c = buf[i]!;
  if (c === 45 /* - */ || c === 43 /* + */) {
    negative = c === 45;
    i++;
    if (i >= end) return NaN;
  }
  let mantissa = 0;
  let digits = 0; // significant digits accumulated into mantissa
  let anyDigit = false;
  let fracDigits = 0;
  let isInteger = true;
  let tooLong = false;
  // Integer part.
  while (i < end) {
    c = buf[i]!;
    const d = c - 48;
    if (d < 0 || d > 9) break;
    anyDigit = true;
    if (digits < 15) {
      mantissa = mantissa * 10 + d;
      if (mantissa !== 0) digits++;
    } else tooLong = true;
    i++;
  }
  if (i < end && buf[i] === 46 /* . */) {
    isInteger = false;
    i++;
    while (i < end) {
      c = buf[i]!;
      const d = c - 48;
      if (d < 0 || d > 9) break;
      anyDigit = true;
      if (digits < 15) {
        mantissa = mantissa * 10 + d;
        if (mantissa !== 0) digits++;
        fracDigits++;
      } else if (d !== 0) tooLong = true;
      i++;
    }
  }
  if (!anyDigit) return NaN;
  let exp = 0;
  if (i < end && (buf[i] === 101 || buf[i] === 69) /* e E */) {
    isInteger = false;
    i++;
    let expNeg = false;
    if (i < end && (buf[i] === 45 || buf[i] === 43)) {
      expNeg = buf[i] === 45;
      i++;
    }
    let expDigits = 0;
    while (i < end) {
      const d = buf[i]! - 48;
      if (d < 0 || d > 9) break;
      if (exp < 100000) exp = exp * 10 + d;
      expDigits++;
      i++;
    }
    if (expDigits === 0) return NaN;
    if (expNeg) exp = -exp;
  }
  if (i !== end) return NaN;
  lastNumber.isInteger = isInteger;
  const scale = exp - fracDigits;
  if (!tooLong && scale >= -22 && scale <= 22) {
    const v = scale >= 0 ? mantissa * POW10[scale]! : mantissa / POW10[-scale]!;
    return negative ? -v : v;
  }
  // Slow path: let the runtime round correctly.
  return Number(latin1.decode(buf.subarray(start, end)));
}
