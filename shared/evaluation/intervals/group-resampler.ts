/**
 * Exact multinomial resamples of one class's score groups, a batch of resamples at a time: each
 * resample draws the class's n rows with replacement, so group g is drawn Multinomial(n; rows_g /
 * n) times. Drawn here as independent Poisson counts, then topped up to n (Poisson splitting):
 *
 *  1. X_g ~ Poisson(lambda * rows_g / n) for every group, lambda = n - sqrt(n). Given their sum m,
 *     independent Poisson counts ARE Multinomial(m; rows_g / n) (the classical Poisson-multinomial
 *     identity), whatever lambda is.
 *  2. m > n (one resample in six): that resample's counts are drawn again.
 *  3. m <= n: n - m more rows are drawn one by one (Walker's alias table over the groups);
 *     Multinomial(m) plus an independent Multinomial(n - m) over the same groups is Multinomial(n).
 *
 * So each resample is exactly the stratified row bootstrap the conditional-binomial draw gave
 * (binomial.ts), from other random numbers. What it buys: the Poisson means do not depend on the
 * resample, so each group's thousand counts come from one table (poisson-table.ts) that stays in
 * cache, at a few nanoseconds a draw, instead of one binomial draw with its own set-up per group
 * and resample; the top-up is about sqrt(n) cheap draws per resample.
 */
import type { SeededRng } from '../../budget/seeded-rng';
import { PoissonTable } from './poisson-table';

export class GroupResampler {
  /** The table each group draws from (null: the group has no row of this class). */
  private readonly tables: (PoissonTable | null)[];
  private readonly aliasProb: Float64Array;
  private readonly alias: Int32Array;
  private readonly groups: number;

  /** `rows[g]`: the class's rows in group g (whole numbers); `total`: their sum. */
  constructor(
    rows: Float64Array,
    private readonly total: number,
  ) {
    const G = (this.groups = rows.length);
    const lambda = Math.max(0, total - Math.sqrt(total));
    const byRows = new Map<number, PoissonTable>();
    this.tables = Array.from(rows, (r) => {
      if (r === 0) return null;
      let t = byRows.get(r);
      if (t === undefined) byRows.set(r, (t = new PoissonTable((lambda * r) / total)));
      return t;
    });
    // Vose's alias method: column j keeps its own group with probability aliasProb[j], else alias[j].
    this.aliasProb = new Float64Array(G);
    this.alias = new Int32Array(G);
    const scaled = Float64Array.from(rows, (r) => (total === 0 ? 0 : (r * G) / total));
    const small: number[] = [];
    const large: number[] = [];
    scaled.forEach((p, j) => (p < 1 ? small : large).push(j));
    while (small.length > 0 && large.length > 0) {
      const s = small.pop() as number;
      const l = large[large.length - 1] as number;
      this.aliasProb[s] = scaled[s] as number;
      this.alias[s] = l;
      scaled[l] = (scaled[l] as number) + (scaled[s] as number) - 1;
      if ((scaled[l] as number) < 1) small.push(large.pop() as number);
    }
    for (const j of [...small, ...large]) {
      this.aliasProb[j] = 1;
      this.alias[j] = j;
    }
  }

  /**
   * Fills counts[g * stride + b] for b < count with `count` independent resamples: for each b,
   * the counts over the groups are Multinomial(total; rows / total). `drawn` is scratch of >= count.
   */
  draw(counts: Int32Array, stride: number, count: number, rng: SeededRng, drawn: Float64Array): void {
    const G = this.groups;
    const n = this.total;
    const u = this.uniforms(2 * Math.max(count, G));
    drawn.fill(0, 0, count);
    for (let g = 0; g < G; g++) {
      const t = this.tables[g] as PoissonTable | null;
      const o = g * stride;
      if (t === null) counts.fill(0, o, o + count);
      else {
        rng.fill(u, count);
        t.fillAt(u, count, counts, o, drawn);
      }
    }
    for (let b = 0; b < count; b++) {
      while ((drawn[b] as number) > n) drawn[b] = this.redraw(counts, stride, b, rng);
      // The top-up: one uniform picks the alias column, the next decides between its two groups.
      for (let left = n - (drawn[b] as number); left > 0; ) {
        const take = Math.min(left, G);
        rng.fill(u, 2 * take);
        for (let k = 0; k < take; k++) {
          const j = Math.floor((u[2 * k] as number) * G);
          const g = (u[2 * k + 1] as number) < (this.aliasProb[j] as number) ? j : (this.alias[j] as number);
          counts[g * stride + b]++;
        }
        left -= take;
      }
    }
  }

  private scratch = new Float64Array(0);

  private uniforms(size: number): Float64Array {
    if (this.scratch.length < size) this.scratch = new Float64Array(size);
    return this.scratch;
  }

  private redraw(counts: Int32Array, stride: number, b: number, rng: SeededRng): number {
    let sum = 0;
    for (let g = 0; g < this.groups; g++) {
      const t = this.tables[g] as PoissonTable | null;
      const k = t === null ? 0 : t.at(rng.next());
      counts[g * stride + b] = k;
      sum += k;
    }
    return sum;
  }
}
