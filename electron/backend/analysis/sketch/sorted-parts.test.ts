import { describe, expect, it } from 'vitest';
import { mergeSorted } from './hash-list';
import { countDistinct, countRepeats, intersectSorted } from './testing/merged-arrays';
import { compareParts, countRepeatsIn, forEachRepeat } from './sorted-parts';

/** Sorted parts of random u64 values drawn from a small pool, so repeats fall within and across parts. */
function randomParts(seed: number, sizes: number[], pool: number): BigUint64Array[] {
  let x = seed;
  const next = (): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x;
  };
  return sizes.map((n) => BigUint64Array.from({ length: n }, () => (BigInt(next() % pool) << 32n) | BigInt(next() % 3)).sort());
}

describe('sorted parts (never merged)', () => {
  it('give the same repeats, distinct counts and intersections as the merged arrays, in one walk', () => {
    for (const [seed, sizes] of [[1, [500, 700]], [2, [0, 300]], [3, [1000]], [4, [200, 0, 900]], [5, []]] as const) {
      const a = randomParts(seed, [...sizes], 400);
      const b = randomParts(seed + 100, [350, 250], 400);
      const ma = mergeSorted(a.length ? a : [new BigUint64Array(0)]);
      const mb = mergeSorted(b);
      expect(countRepeatsIn(a)).toBe(countRepeats(ma));
      expect(compareParts(a, b)).toEqual({ aDistinct: countDistinct(ma), bDistinct: countDistinct(mb), ...intersectSorted(ma, mb) });
      expect(compareParts(b, a)).toEqual({ aDistinct: countDistinct(mb), bDistinct: countDistinct(ma), ...intersectSorted(mb, ma) });
    }
  });

  it('reports each repeat with its value', () => {
    const parts = [BigUint64Array.from([1n, (5n << 32n) | 2n]), BigUint64Array.from([1n, 1n, (5n << 32n) | 2n])];
    const seen: string[] = [];
    expect(forEachRepeat(parts, (hi, lo) => seen.push(`${hi}:${lo}`))).toBe(3);
    expect(seen).toEqual(['0:1', '0:1', '5:2']);
  });
});
