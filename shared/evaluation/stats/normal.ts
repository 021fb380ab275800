/**
 * Standard normal tail probability, from the regularized incomplete gamma function
 * (erfc(x) = Q(1/2, x^2)), accurate to about 1e-14 like the rest of special-functions.ts.
 */
import { regularizedGammaQ } from './special-functions';

/** P(Z >= z) for a standard normal Z (scipy.stats.norm.sf). */
export function normalSurvival(z: number): number {
  if (Number.isNaN(z)) return NaN;
  const tail = 0.5 * regularizedGammaQ(0.5, (z * z) / 2);
  return z >= 0 ? tail : 1 - tail;
}
