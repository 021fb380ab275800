/**
 * Correctly rounded parse of decimals with 16 to 19 significant digits and a power of ten from
 * 1e-22 to 1: what pandas' to_csv, Python's repr and JavaScript's String() print for a double
 * (shortest round trip, usually 16 or 17 digits), which Clinger's fast path cannot take (the
 * mantissa no longer fits in 2^53). Without it every such cell became a string for Number().
 *
 * The digits w (< 10^19 < 2^64) are held exactly as a sum of two doubles, divided by D = 10^f
 * (exact for f <= 22) in double-double arithmetic with an exact remainder (Dekker's product), then
 * rounded once: x' = q1 + q2 is within 2^-48 ulp of the exact quotient (bound in divide()), so
 * RN(x') is RN(w / D) unless x' lies within that distance of a point halfway between two doubles.
 * Those cases (a margin of 2^-30 ulp is kept, about one value in 2^29) and everything else this
 * does not cover (more digits, other exponents, a power of two as result) answer false, and the
 * caller uses Number(). Tested bit for bit against Number() on millions of printed doubles.
 */

/** Exact powers of ten up to 1e22, and each split in two 26-bit halves for Dekker's product. */
const POW10: number[] = [];
const POW10_HI: number[] = [];
const POW10_LO: number[] = [];
/** RN(1 / 10^f): divide() multiplies by it (a division costs several multiplications' time). */
const INV_POW10: number[] = [];
const SPLITTER = 134217729; // 2^27 + 1
for (let f = 0; f <= 22; f++) {
  const d = Number(`1e${f}`);
  const c = SPLITTER * d;
  const hi = c - (c - d);
  POW10.push(d);
  POW10_HI.push(hi);
  POW10_LO.push(d - hi);
  INV_POW10.push(1 / d);
}
const TWO_26 = 67108864;
const INV_TWO_26 = 1 / TWO_26;

/** Where the value goes (a double returned from a call V8 does not inline is boxed). */
export const longDecimalValue = new Float64Array(1);

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
/** ULP[e]: the spacing of doubles whose biased exponent is e. */
const ULP = Float64Array.from({ length: 2048 }, (_, e) => 2 ** (e - 1075));
/** |e| at or above (1 - MARGIN) half an ulp is too close to a halfway point to decide here. */
const NEAR_HALF = 0.5 * (1 - 2 ** -29);

/**
 * The value of the digits in buf[start, end) (digits and at most one '.', nothing else: the
 * caller has checked the syntax and taken off sign and exponent) times 10^scale, where scale is
 * the exponent minus the digits after the point. Positive; the caller applies the sign. Writes it
 * to longDecimalValue[0] and returns true, or returns false when the caller must use Number().
 */
export function longDecimal(buf: Uint8Array, start: number, end: number, scale: number): boolean {
  // The first 15 significant digits into a, the rest into b: w = a * 10^rest + b.
  let a = 0;
  let b = 0;
  let rest = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 48;
    if (d >>> 0 > 9) continue; // the point
    if (a < 1e14) a = a * 10 + d;
    else {
      b = b * 10 + d;
      rest++;
    }
  }
  return decimalParts(a, b, rest, scale);
}

/**
 * (a * 10^rest + b) * 10^scale, for a < 10^15 (the first 15 significant digits: a digit goes to
 * `a` while a < 10^14, so leading zeros never count) and b < 10^rest (the `rest` digits after
 * them). Same contract as longDecimal.
 */
export function decimalParts(a: number, b: number, rest: number, scale: number): boolean {
  if (scale < -22 || scale > 22) return false;
  if (rest === 0) {
    // Clinger: an exact mantissa and an exact power of ten, one correctly rounded operation.
    longDecimalValue[0] = scale >= 0 ? a * POW10[scale]! : a / POW10[-scale]!;
    return true;
  }
  if (rest > 4 || scale > 0) return false;
  // w = H + L exactly (a = a1 * 2^26 + a0; each product below has at most 40 bits), then
  // s + t = w exactly with s = RN(w) (Knuth's two-sum).
  const p10 = POW10[rest]!;
  const a1 = Math.floor(a * INV_TWO_26);
  const a0 = a - a1 * TWO_26;
  const H = a1 * p10 * TWO_26;
  const L = a0 * p10 + b;
  const s = H + L;
  const bv = s - H;
  const t = H - (s - bv) + (L - bv);
  if (scale === 0) {
    longDecimalValue[0] = s;
    return true;
  }
  return divide(s, t, -scale);
}

/**
 * RN((s + t) / 10^f) for s = RN(s + t), s >= 10^15, 1 <= f <= 22, with no division (a division
 * takes several multiplications' time on the hot path): I = RN(1 / D) and q1 = RN(s * I), within
 * 2^-52 of s / D relatively, so q1 * D = ph + pl exactly (Dekker) and s - ph is exact (Sterbenz:
 * ph is within a factor 2 of s), of at most 4.5 ulp(s). The remainder rho = (s - ph) - pl + t takes
 * two roundings of sums under 6 ulp(s) (error <= 12 * 2^-53 ulp(s)); q2 = RN(rho * I) adds 2^-52 of
 * at most 5 ulp(s) / D; and ulp(s) / D <= 2 ulp(x): |q1 + q2 - x| < 44 * 2^-53 < 2^-47 ulp(x), far
 * inside the 2^-30 ulp margin checked below, so r = RN(q1 + q2) is RN(x) whenever it passes.
 */
function divide(s: number, t: number, f: number): boolean {
  const D = POW10[f]!;
  const I = INV_POW10[f]!;
  const q1 = s * I;
  const c = SPLITTER * q1;
  const qh = c - (c - q1);
  const ql = q1 - qh;
  const dh = POW10_HI[f]!;
  const dl = POW10_LO[f]!;
  const ph = q1 * D;
  const pl = qh * dh - ph + qh * dl + ql * dh + ql * dl;
  const rho = s - ph - pl + t;
  const q2 = rho * I;
  const r = q1 + q2;
  const e = q2 - (r - q1); // exact: |q2| <= |q1| (Fast2Sum), so q1 + q2 = r + e
  bits[0] = r;
  const hi = words[1]!;
  // A power of two has a closer halfway point below it (half the spacing): leave it to Number().
  if ((hi & 0xfffff) === 0 && words[0] === 0) return false;
  if (Math.abs(e) >= NEAR_HALF * ULP[(hi >>> 20) & 0x7ff]!) return false;
  longDecimalValue[0] = r;
  return true;
}
