/**
 * An uncertain input, given by the three numbers people can actually reason about: a low case
 * (P10), a best guess (P50) and a high case (P90). A plain number is a certain value.
 *
 * Sampling uses a two-piece log-normal for positive values: below the median the log-spread is
 * chosen so that exactly 10% of draws fall under P10, above it so that 10% exceed P90. Costs,
 * efficiencies and prices are positive and right-skewed, which a log scale respects; the two
 * pieces let the low and high sides differ (e.g. MFU rarely beats its best case by much). When
 * P10 is zero or negative a two-piece normal on the linear scale is used instead.
 */
export interface Uncertain {
  p10: number;
  p50: number;
  p90: number;
}

export type MaybeUncertain = number | Uncertain;

/** z-score of the 90th percentile of a standard normal. */
export const Z90 = 1.2815515655446004;

export function certain(x: number): Uncertain {
  return { p10: x, p50: x, p90: x };
}

export function toUncertain(x: MaybeUncertain): Uncertain {
  return typeof x === 'number' ? certain(x) : x;
}

/** A best guess with multiplicative low/high factors, e.g. around(1.1, 0.99, 1.27). */
export function around(p50: number, lowFactor: number, highFactor: number): Uncertain {
  return { p10: p50 * lowFactor, p50, p90: p50 * highFactor };
}

export function isCertain(u: Uncertain): boolean {
  return u.p10 === u.p50 && u.p50 === u.p90;
}

export function assertOrderedUncertain(name: string, u: Uncertain): void {
  if (![u.p10, u.p50, u.p90].every(Number.isFinite)) throw new RangeError(`${name}: P10, P50 and P90 must be finite numbers`);
  if (!(u.p10 <= u.p50 && u.p50 <= u.p90)) throw new RangeError(`${name}: expected P10 <= P50 <= P90, got ${u.p10}, ${u.p50}, ${u.p90}`);
}

/** A precomputed sampler: maps a standard normal draw to a value with the given quantiles. */
export type UncertainSampler = (z: number) => number;

export function samplerFor(u: Uncertain): UncertainSampler {
  const { p10, p50, p90 } = u;
  if (p10 === p50 && p50 === p90) return () => p50;
  if (p10 > 0) {
    const sLow = Math.log(p50 / p10) / Z90;
    const sHigh = Math.log(p90 / p50) / Z90;
    return (z) => p50 * Math.exp(z * (z < 0 ? sLow : sHigh));
  }
  const sLow = (p50 - p10) / Z90;
  const sHigh = (p90 - p50) / Z90;
  return (z) => p50 + z * (z < 0 ? sLow : sHigh);
}
