/**
 * Poisson(lambda) draws by inversion of a tabulated distribution function: built once per lambda,
 * then each draw is one uniform, one guide-table read and a step or two of search, where an
 * acceptance-rejection sampler spends a square root, a few divisions and now and then four
 * logarithms on every draw. The bootstrap draws a thousand values from each table.
 *
 * The table covers lambda +- (12 sd + 10), where the mass outside is far below the 2^-32 steps a
 * uniform from the seeded generator can take, so the draws are as exact as that uniform allows
 * (the probabilities come from one exp at the mode and exact ratios, then are normalised).
 */
import { logFactorial } from './binomial';

export class PoissonTable {
  /** The smallest value the table holds. */
  private readonly base: number;
  /** cdf[i] = P(X <= base + i); the last entry is above every uniform. */
  private readonly cdf: Float64Array;
  /** guide[j] = the first i with cdf[i] > j / length: where the search for a uniform in [j / length, (j + 1) / length) starts. */
  private readonly guide: Int32Array;

  constructor(lambda: number) {
    if (!(lambda >= 0) || !Number.isFinite(lambda)) throw new RangeError(`Poisson mean ${lambda} is not a finite number of 0 or more`);
    const spread = 12 * Math.sqrt(lambda) + 10;
    const base = Math.max(0, Math.floor(lambda - spread));
    const top = Math.ceil(lambda + spread);
    const size = top - base + 1;
    const pmf = new Float64Array(size);
    const mode = Math.floor(lambda);
    pmf[mode - base] = lambda === 0 ? 1 : Math.exp(mode * Math.log(lambda) - lambda - logFactorial(mode));
    for (let k = mode + 1; k <= top; k++) pmf[k - base] = ((pmf[k - 1 - base] as number) * lambda) / k;
    for (let k = mode - 1; k >= base; k--) pmf[k - base] = ((pmf[k + 1 - base] as number) * (k + 1)) / lambda;
    let sum = 0;
    for (let i = 0; i < size; i++) sum += pmf[i] as number;
    const cdf = new Float64Array(size);
    let acc = 0;
    for (let i = 0; i < size; i++) {
      acc += (pmf[i] as number) / sum;
      cdf[i] = acc;
    }
    cdf[size - 1] = 2;
    const guide = new Int32Array(size);
    let i = 0;
    for (let j = 0; j < size; j++) {
      while ((cdf[i] as number) <= j / size) i++;
      guide[j] = i;
    }
    this.base = base;
    this.cdf = cdf;
    this.guide = guide;
  }

  /** The draw for the uniform u (inversion: the smallest value whose cdf exceeds u). */
  at(u: number): number {
    const cdf = this.cdf;
    let i = this.guide[Math.floor(u * cdf.length)] as number;
    while ((cdf[i] as number) <= u) i++;
    return this.base + i;
  }

  /** Draws for uniforms[0..count) into out[offset..offset + count); returns nothing, adds each to sums[k]. */
  fillAt(uniforms: Float64Array, count: number, out: Int32Array, offset: number, sums: Float64Array): void {
    const cdf = this.cdf;
    const guide = this.guide;
    const size = cdf.length;
    const base = this.base;
    for (let k = 0; k < count; k++) {
      const u = uniforms[k] as number;
      let i = guide[Math.floor(u * size)] as number;
      while ((cdf[i] as number) <= u) i++;
      out[offset + k] = base + i;
      sums[k] = (sums[k] as number) + base + i;
    }
  }
}
