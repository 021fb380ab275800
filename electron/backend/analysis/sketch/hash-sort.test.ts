import { describe, expect, it } from 'vitest';
import { sortHashWords } from './hash-sort';
import { HashList } from './hash-list';
import { SeededRandom } from './seeded-random';

/** The reference: the native sort of a u64 view, as HashList sorted before the radix pass. */
function nativeSorted(words: Uint32Array, n: number): BigUint64Array {
  return new BigUint64Array(words.slice(0, 2 * n).buffer).sort();
}

const CAPACITY_MARK = 0xabcdef01;

/** n hashes, then `spare` words of capacity (marked, so a write past the hashes shows). */
function words(n: number, word: (i: number, half: 0 | 1) => number, spare = 0): Uint32Array {
  const w = new Uint32Array(2 * n + spare).fill(CAPACITY_MARK);
  for (let i = 0; i < n; i++) {
    w[2 * i] = word(i, 0);
    w[2 * i + 1] = word(i, 1);
  }
  return w;
}

describe('sortHashWords', () => {
  const random = new SeededRandom(20261205);
  const u32 = (): number => Math.floor(random.next() * 2 ** 32) >>> 0;
  const band = (width: number) => (): number => (0x80000000 + Math.floor(random.next() * width)) >>> 0;
  const cases: Array<[string, number, (i: number, half: 0 | 1) => number]> = [
    ['uniform, large', 100_000, () => u32()],
    ['uniform, at the radix threshold', 2048, () => u32()],
    ['uniform, small (native path)', 1000, () => u32()],
    ['one item', 1, () => u32()],
    ['no items', 0, () => u32()],
    ['every hash equal (a file of duplicate rows)', 50_000, (_, half) => (half ? 0xdeadbeef : 0x12345678)],
    ['ten distinct hashes, many repeats', 100_000, (i, half) => (half ? (0x9e3779b1 * (i % 10)) >>> 0 : i % 10)],
    ['high word zero (one bucket, natively sorted)', 40_000, (_, half) => (half ? 0 : u32())],
    ['one top bucket, high words in a narrow band (runs sorted natively)', 60_000, (_, half) => (half ? band(5000)() : u32())],
    ['one top bucket, high words spread below it (scattered runs)', 60_000, (_, half) => (half ? band(1 << 24)() : u32())],
    ['a top bucket past the scatter limit', 300_000, (_, half) => (half ? band(1 << 24)() : u32())],
    ['already sorted', 20_000, (i, half) => (half ? i * 1000 : 0)],
    ['descending', 20_000, (i, half) => (half ? (0xffffffff - i * 1000) >>> 0 : 0xffffffff - i)],
    ['uniform with some exact duplicates', 100_000, (i, half) => (i % 3 === 0 ? (half ? 7 : 9) : u32())],
  ];
  for (const [name, n, word] of cases) {
    it(`equals the native u64 sort: ${name}`, () => {
      const w = words(n, word, 6);
      const expected = nativeSorted(w, n);
      sortHashWords(w, n);
      expect(new BigUint64Array(w.buffer, 0, n)).toEqual(expected);
      expect(Array.from(w.subarray(2 * n))).toEqual(new Array(6).fill(CAPACITY_MARK)); // capacity untouched
    });
  }
});

describe('HashList sorts', () => {
  const random = new SeededRandom(7);
  const u32 = (): number => Math.floor(random.next() * 2 ** 32) >>> 0;

  it('sorted() and sortedCopy() equal the native sort of what was pushed; the copy leaves row order', () => {
    const list = new HashList(4);
    const ref: bigint[] = [];
    for (let i = 0; i < 10_000; i++) {
      const hi = u32();
      const lo = i % 7 === 0 ? 0 : u32();
      list.push(hi, lo);
      ref.push((BigInt(hi) << 32n) | BigInt(lo));
    }
    const expected = BigUint64Array.from(ref).sort();
    expect(list.sortedCopy()).toEqual(expected);
    expect(new BigUint64Array(list.words.buffer, 0, ref.length)).toEqual(BigUint64Array.from(ref));
    expect(list.sorted()).toEqual(expected);
    expect(list.sorted()).toEqual(expected); // sorted once, read-only afterwards
  });
});
