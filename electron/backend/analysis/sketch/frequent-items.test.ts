import { describe, expect, it } from 'vitest';
import { FrequentItems, MAX_ITEMS, MIN_ITEMS } from './frequent-items';
import { hashNumber } from './hash64';
import { SeededRandom } from './seeded-random';

const h = new Uint32Array(2);

/** Streams of integer keys shaped like real columns. */
function streams(): Record<string, number[]> {
  const r = new SeededRandom(7);
  const n = 200_000;
  // Zipf(1.1) over 50k keys, by inverse CDF on precomputed weights.
  const weights = Array.from({ length: 50_000 }, (_, i) => 1 / (i + 1) ** 1.1);
  const cdf: number[] = [];
  weights.reduce((s, w) => (cdf.push(s + w), s + w), 0);
  const total = cdf[cdf.length - 1]!;
  const zipf = Array.from({ length: n }, () => {
    const u = r.next() * total;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  });
  return {
    zipf,
    uniform20k: Array.from({ length: n }, () => Math.floor(r.next() * 20_000)),
    allDistinct: Array.from({ length: n }, (_, i) => i),
    // 95% one value, the rest distinct (zero-inflated amounts).
    dominant: Array.from({ length: n }, (_, i) => (r.next() < 0.95 ? -1 : i)),
    // Sorted: runs of equal keys, short ones first, then one long run at the very end.
    sortedRuns: [...Array.from({ length: n - 5000 }, (_, i) => Math.floor(i / (1 + (i % 3)))), ...Array.from({ length: 5000 }, () => -2)],
  };
}

function exactCounts(keys: number[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
}

/** Feeds keys as the column accumulator does: a value is stored when add asks for it. */
function feed(f: FrequentItems, keys: number[]): void {
  for (const k of keys) {
    hashNumber(k, h);
    const slot = f.add(h[0]!, h[1]!);
    if (slot >= 0) f.setValue(slot, k);
  }
}

/**
 * The guarantee, key by key: stored <= true <= stored + offset, and absent keys occurred at most
 * offset times. A key stored with more than `valueAbove` cells carries its own value (a key counted
 * once in each of several merged parts may not).
 */
function expectBounds(f: FrequentItems, truth: Map<number, number>, valueAbove = 1): void {
  const stored = new Map(f.entries().map((e) => [`${e.hi}:${e.lo}`, e]));
  const wrong: string[] = [];
  let found = 0;
  for (const [key, count] of truth) {
    hashNumber(key, h);
    const e = stored.get(`${h[0]}:${h[1]}`);
    if (!e) {
      if (count > f.offset) wrong.push(`${key}: ${count} cells, not stored, offset ${f.offset}`);
      continue;
    }
    found++;
    if (e.count > count || count > e.count + f.offset) wrong.push(`${key}: ${count} cells, stored ${e.count}, offset ${f.offset}`);
    if ((e.count > valueAbove || e.value !== undefined) && e.value !== key) wrong.push(`${key}: value ${String(e.value)}`);
  }
  expect(wrong).toEqual([]);
  expect(found).toBe(f.size);
}

describe('FrequentItems (Misra-Gries with median purges)', () => {
  const data = streams();

  it('keeps every count within its bound, and the bound within 2N / k, on five stream shapes', () => {
    for (const [name, keys] of Object.entries(data)) {
      const f = new FrequentItems();
      feed(f, keys);
      expectBounds(f, exactCounts(keys));
      expect(f.offset, name).toBeLessThanOrEqual((2 * keys.length) / MIN_ITEMS);
    }
  });

  it('lists the heavy keys with tight counts: the top 10 of a Zipf stream, the dominant value, a run at the very end', () => {
    const top = (keys: number[]): number[] => [...exactCounts(keys)].sort((a, b) => b[1] - a[1]).slice(0, 10).map(([k]) => k);
    const zipf = new FrequentItems();
    feed(zipf, data.zipf!);
    // Many keys repeat: the table grows to its largest size, and the bound stays small.
    expect(zipf.capacity).toBe(MAX_ITEMS);
    expect(zipf.offset).toBeLessThan(data.zipf!.length / 1000);
    const listed = zipf.entries().sort((a, b) => b.count - a.count).slice(0, 10).map((e) => e.value);
    expect(listed).toEqual(top(data.zipf!));

    const dominant = new FrequentItems();
    feed(dominant, data.dominant!);
    const heaviest = dominant.entries().sort((a, b) => b.count - a.count)[0]!;
    expect(heaviest.value).toBe(-1);
    expect(exactCounts(data.dominant!).get(-1)! - heaviest.count).toBeLessThanOrEqual(dominant.offset);

    const sorted = new FrequentItems();
    feed(sorted, data.sortedRuns!);
    expect(sorted.entries().find((e) => e.value === -2)!.count).toBeGreaterThanOrEqual(5000 - sorted.offset);
  });

  it('stays at its smallest table while keys do not repeat', () => {
    const f = new FrequentItems();
    feed(f, data.allDistinct!);
    expect(f.capacity).toBe(MIN_ITEMS);
    expect(f.entries().every((e) => e.count === 1)).toBe(true);
  });

  it('merges parts of a stream into a summary with the same guarantee', () => {
    for (const keys of [data.zipf!, data.uniform20k!, data.sortedRuns!]) {
      const parts = [keys.slice(0, 70_000), keys.slice(70_000, 120_000), keys.slice(120_000)];
      const merged = new FrequentItems();
      feed(merged, parts[0]!);
      for (const part of parts.slice(1)) {
        const f = new FrequentItems();
        feed(f, part);
        merged.merge(f);
      }
      expectBounds(merged, exactCounts(keys), parts.length);
    }
  });

  it('starts from exact counts with the heaviest left-out count as its bound', () => {
    const truth = exactCounts(data.zipf!.slice(0, 50_000));
    const keys = [...truth].sort((a, b) => b[1] - a[1]).map(([k, count]) => {
      hashNumber(k, h);
      return { hi: h[0]!, lo: h[1]!, count, value: k };
    });
    const f = FrequentItems.seeded(keys);
    expect(f.capacity).toBe(MAX_ITEMS);
    expect(f.offset).toBe(keys[MAX_ITEMS]!.count);
    expectBounds(f, truth);
    // Keys seen once each start at the small table, with a bound of 1.
    const once = FrequentItems.seeded(keys.filter((k) => k.count === 1));
    expect(once.capacity).toBe(MIN_ITEMS);
    expect(once.offset).toBe(1);
  });
});
