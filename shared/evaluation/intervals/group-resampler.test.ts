/**
 * The batch resampler draws exact multinomials: every outcome of a small case as often as the
 * multinomial probability says (chi-square over all outcomes), the moments of a large case
 * (mean, variance and covariance of group counts), totals always n; the Poisson tables it draws
 * from fit the Poisson distribution.
 */
import { describe, expect, it } from 'vitest';
import { createSeededRng } from '../../budget/seeded-rng';
import { chiSquareSurvival, logGamma } from '../stats';
import { GroupResampler } from './group-resampler';
import { PoissonTable } from './poisson-table';

/** Chi-square p-value of observed against expected counts, neighbouring cells pooled until each expects >= 5. */
function pValue(observed: number[], expected: number[]): number {
  const cells: Array<[number, number]> = [];
  let o = 0, e = 0;
  for (let k = 0; k < observed.length; k++) {
    o += observed[k] as number;
    e += expected[k] as number;
    if (e >= 5) {
      cells.push([o, e]);
      o = 0;
      e = 0;
    }
  }
  const last = cells[cells.length - 1] as [number, number];
  last[0] += o;
  last[1] += e;
  const chi = cells.reduce((sum, [oc, ec]) => sum + ((oc - ec) * (oc - ec)) / ec, 0);
  return chiSquareSurvival(chi, cells.length - 1);
}

describe('PoissonTable', () => {
  it.each([0.7, 12.5, 400, 30_000])('Poisson(%f) draws fit the distribution', (lambda) => {
    const rng = createSeededRng(7);
    const t = new PoissonTable(lambda);
    const draws = 60_000;
    const lo = Math.max(0, Math.floor(lambda - 5 * Math.sqrt(lambda)));
    const hi = Math.ceil(lambda + 5 * Math.sqrt(lambda) + 5);
    const observed = new Array<number>(hi - lo + 1).fill(0);
    for (let i = 0; i < draws; i++) observed[Math.min(hi, Math.max(lo, t.at(rng.next()))) - lo]++;
    const pmf = (k: number) => Math.exp(k * Math.log(lambda) - lambda - logGamma(k + 1));
    const expected = observed.map((_, i) => pmf(lo + i) * draws);
    for (let k = 0; k < lo; k++) expected[0] = (expected[0] as number) + pmf(k) * draws;
    expected[expected.length - 1] = draws - expected.slice(0, -1).reduce((a, b) => a + b, 0);
    expect(pValue(observed, expected)).toBeGreaterThan(0.001);
  });

  it('draws 0 for a mean of 0 and refuses a negative one', () => {
    expect(new PoissonTable(0).at(0.999)).toBe(0);
    expect(() => new PoissonTable(-1)).toThrow(RangeError);
  });
});

describe('GroupResampler', () => {
  it('gives every outcome of Multinomial(6; 2/6, 0, 1/6, 3/6) its exact probability', () => {
    const rows = Float64Array.from([2, 0, 1, 3]);
    const n = 6;
    const batch = 250;
    const rounds = 240; // 60,000 resamples
    const r = new GroupResampler(rows, n);
    const counts = new Int32Array(rows.length * batch);
    const drawn = new Float64Array(batch);
    const rng = createSeededRng(11);
    const seen = new Map<string, number>();
    for (let round = 0; round < rounds; round++) {
      r.draw(counts, batch, batch, rng, drawn);
      for (let b = 0; b < batch; b++) {
        const c = [0, 1, 2, 3].map((g) => counts[g * batch + b] as number);
        expect(c[0]! + c[1]! + c[2]! + c[3]!).toBe(n);
        expect(c[1]).toBe(0);
        const key = c.join(',');
        seen.set(key, (seen.get(key) ?? 0) + 1);
      }
    }
    const observed: number[] = [];
    const expected: number[] = [];
    for (let a = 0; a <= n; a++) {
      for (let c = 0; a + c <= n; c++) {
        const d = n - a - c;
        const p = Math.exp(logGamma(n + 1) - logGamma(a + 1) - logGamma(c + 1) - logGamma(d + 1) + a * Math.log(2 / 6) + c * Math.log(1 / 6) + d * Math.log(3 / 6));
        expected.push(p * batch * rounds);
        observed.push(seen.get(`${a},0,${c},${d}`) ?? 0);
      }
    }
    expect(observed.reduce((x, y) => x + y, 0)).toBe(batch * rounds);
    expect(pValue(observed, expected)).toBeGreaterThan(0.001);
  });

  it('matches the multinomial moments on 300,000 rows in 2,000 groups', () => {
    const rng = createSeededRng(12);
    const G = 2000;
    const rows = Float64Array.from({ length: G }, () => 1 + Math.floor(rng.next() * 299));
    const n = rows.reduce((a, b) => a + b, 0);
    const r = new GroupResampler(rows, n);
    const batch = 250;
    const rounds = 8;
    const counts = new Int32Array(G * batch);
    const drawn = new Float64Array(batch);
    const sum = new Float64Array(G);
    const squares = new Float64Array(G);
    let cross = 0; // sum of c_0 * c_1, for their covariance -n p0 p1
    for (let round = 0; round < rounds; round++) {
      r.draw(counts, batch, batch, rng, drawn);
      for (let b = 0; b < batch; b++) {
        let total = 0;
        for (let g = 0; g < G; g++) {
          const c = counts[g * batch + b] as number;
          total += c;
          sum[g] = (sum[g] as number) + c;
          squares[g] = (squares[g] as number) + c * c;
        }
        expect(total).toBe(n);
        cross += (counts[b] as number) * (counts[batch + b] as number);
      }
    }
    const m = batch * rounds;
    let meanZ = 0;
    let varianceRatio = 0;
    for (let g = 0; g < G; g++) {
      const p = (rows[g] as number) / n;
      const mean = (sum[g] as number) / m;
      const variance = (squares[g] as number) / m - mean * mean;
      meanZ += (mean - n * p) / Math.sqrt((n * p * (1 - p)) / m);
      varianceRatio += variance / (n * p * (1 - p));
    }
    // Averages over 2,000 groups: the mean z is about N(0, 1 / 2000), the variance ratio 1 +- ~0.03 / sqrt(2000 / 4).
    expect(Math.abs(meanZ / G)).toBeLessThan(0.1);
    expect(varianceRatio / G).toBeGreaterThan(0.98);
    expect(varianceRatio / G).toBeLessThan(1.02);
    const p0 = (rows[0] as number) / n;
    const p1 = (rows[1] as number) / n;
    const covariance = cross / m - ((sum[0] as number) / m) * ((sum[1] as number) / m);
    expect(Math.abs(covariance + n * p0 * p1)).toBeLessThan(4 * Math.sqrt(n * p0 * n * p1) / Math.sqrt(m) + 1e-9);
  });
});
