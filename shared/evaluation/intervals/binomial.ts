/**
 * Exact binomial and multinomial draws, one resample at a time (membership inference's bootstrap;
 * the binary report's intervals draw many resamples at once, group-resampler.ts): a multinomial
 * resample of a million rows in a few thousand groups costs a few thousand binomial draws instead
 * of a million uniform ones. Binomial draws use inversion when the mean is below 10
 * (Kachitvichyanukul and Schmeiser's BINV) and Hörmann's BTRS transformed rejection otherwise
 * ("The generation of binomial random variates", 1993), both exact.
 */
import type { SeededRng } from '../../budget/seeded-rng';
import { logGamma } from '../stats/special-functions';

const TABLE_SIZE = 256;
const LOG_FACTORIALS = Float64Array.from({ length: TABLE_SIZE }, (_, k) => logGamma(k + 1));

/**
 * ln(k!) for a non-negative integer: a table below 256, Stirling's series above (its first
 * omitted term is below 1e-17 there). BTRS needs four of these per draw, so they must be cheap.
 */
export function logFactorial(k: number): number {
  if (k < TABLE_SIZE) return LOG_FACTORIALS[k] as number;
  const x = k + 1;
  const inv = 1 / x;
  const inv2 = inv * inv;
  return (x - 0.5) * Math.log(x) - x + 0.9189385332046728 + inv * (1 / 12 - inv2 * (1 / 360 - inv2 * (1 / 1260 - inv2 / 1680)));
}

function inversion(n: number, p: number, rng: SeededRng): number {
  const q = 1 - p;
  const s = p / q;
  const a = (n + 1) * s;
  let r = q ** n;
  let u = rng.next();
  let x = 0;
  while (u > r) {
    u -= r;
    x++;
    if (x > n) return n; // rounding left a sliver of mass past n
    r *= a / x - s;
  }
  return x;
}

function btrs(n: number, p: number, rng: SeededRng): number {
  const spq = Math.sqrt(n * p * (1 - p));
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  // The squeeze accepts most draws before the logarithms below are needed: they are worked out
  // on the first draw that gets past it (same values, so the same draws).
  let alpha = NaN;
  let lpq = NaN;
  let m = NaN;
  let h = NaN;
  for (;;) {
    const u = rng.next() - 0.5;
    let v = rng.next();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    if (Number.isNaN(h)) {
      alpha = (2.83 + 5.1 / b) * spq;
      lpq = Math.log(p / (1 - p));
      m = Math.floor((n + 1) * p);
      h = logFactorial(m) + logFactorial(n - m);
    }
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/** One draw from Binomial(n, p); n a non-negative integer. */
export function sampleBinomial(n: number, p: number, rng: SeededRng): number {
  if (n === 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(n, 1 - p, rng);
  return n * p < 10 ? inversion(n, p, rng) : btrs(n, p, rng);
}

/**
 * Multinomial(total; sizes / sum(sizes)) into `out`, by conditional binomials: the count of group
 * g is Binomial(draws left, size_g / size left).
 */
export function sampleMultinomial(total: number, sizes: Float64Array, out: Float64Array, rng: SeededRng): void {
  let left = total;
  let sizeLeft = 0;
  for (let g = 0; g < sizes.length; g++) sizeLeft += sizes[g] as number;
  for (let g = 0; g < sizes.length; g++) {
    const size = sizes[g] as number;
    if (left === 0 || size === 0) {
      out[g] = 0;
    } else if (size >= sizeLeft) {
      out[g] = left;
      left = 0;
    } else {
      const c = sampleBinomial(left, size / sizeLeft, rng);
      out[g] = c;
      left -= c;
    }
    sizeLeft -= size;
  }
}
