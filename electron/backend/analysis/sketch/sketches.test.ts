import { describe, expect, it } from 'vitest';
import { DistinctCounter, MAX_EXACT_DISTINCT } from './distinct-counter';
import { hashBytes, hashNumber, hashString, hashTextBytes } from './hash64';
import { HashList, mergeSorted } from './hash-list';
import { countRepeats, intersectSorted } from './testing/merged-arrays';
import { HyperLogLog } from './hyperloglog';
import { addMoment, centralMoments, emptyMoments, mergeMoments, sampleStd } from './moments';
import { ReservoirSlots } from './reservoir';
import { SeededRandom } from './seeded-random';

const h = new Uint32Array(2);

describe('HyperLogLog', () => {
  it('estimates 1k, 100k and 1M distinct values within 3%', () => {
    for (const n of [1000, 100_000, 1_000_000]) {
      const hll = new HyperLogLog();
      for (let i = 0; i < n; i++) {
        hashNumber(i, h);
        hll.add(h[0]!, h[1]!);
        hll.add(h[0]!, h[1]!); // repeats change nothing
      }
      expect(Math.abs(hll.estimate() - n) / n).toBeLessThan(0.03);
    }
  });
});

describe('DistinctCounter', () => {
  it('feeds its sketch exactly as HyperLogLog.add does (the update is written out in add)', () => {
    const c = new DistinctCounter();
    const reference = new HyperLogLog();
    for (let i = 0; i < MAX_EXACT_DISTINCT * 4; i++) {
      hashNumber(i * 0.37, h);
      c.add(h[0]!, h[1]!);
      reference.add(h[0]!, h[1]!);
    }
    // Hashes whose rank bits are all zero take the w === 0 branch.
    for (const [hi, lo] of [[0x12340000 >>> 0, 0], [0xfffc0000 >>> 0, 1], [0, 0]]) {
      c.add(hi!, lo!);
      reference.add(hi!, lo!);
    }
    expect(c.estimated).toBe(true);
    expect(Array.from(c.hll!.registers)).toEqual(Array.from(reference.registers));
  });

  it('counts numbers through addNumber (batched in estimate mode) exactly as add and setValue do, whenever it is read', () => {
    // Every other cell a new key, the rest heavy-tailed: many repeat (values kept, purges by the
    // median), many do not.
    const key = (i: number): number => (i % 2 === 1 ? 1e6 + i : Math.floor(1 / (((i * 0.6180339887) % 1) + 1e-6)) % 50_000);
    const one = new Float64Array(1);
    const feed = (c: DistinctCounter, from: number, to: number, batched: boolean): void => {
      for (let i = from; i < to; i++) {
        one[0] = key(i);
        hashNumber(one[0], h);
        if (batched) c.addNumber(h[0]!, h[1]!, one);
        else {
          const slot = c.add(h[0]!, h[1]!);
          if (slot >= 0) c.setValue(slot, one[0]);
        }
      }
    };
    const seen = (c: DistinctCounter) => ({ distinct: c.distinct(), maxError: c.maxError(), top: c.topEntries().sort((a, b) => b.count - a.count || Number(a.value) - Number(b.value)), entries: c.entries().length });
    const byCell = new DistinctCounter();
    const batched = new DistinctCounter();
    // Read part-way through a batch, after a text cell (add) in between, and at the end.
    for (const [from, to] of [[0, 40_000], [40_000, 40_777], [40_777, 200_000]] as const) {
      feed(byCell, from, to, false);
      feed(batched, from, to, true);
      expect(batched.estimated).toBe(true);
      expect(seen(batched)).toEqual(seen(byCell));
      hashString('text', h);
      byCell.add(h[0]!, h[1]!);
      batched.add(h[0]!, h[1]!);
    }
    expect(Array.from(batched.hll!.registers)).toEqual(Array.from(byCell.hll!.registers));
    // A part with cells still waiting, cloned as a range thread sends it, then merged.
    const later = new DistinctCounter();
    feed(later, 200_000, 200_300 + MAX_EXACT_DISTINCT * 2, true);
    const reference = new DistinctCounter();
    feed(reference, 200_000, 200_300 + MAX_EXACT_DISTINCT * 2, false);
    expect(later.batched).toBeGreaterThan(0);
    batched.merge(DistinctCounter.revive(structuredClone(later)));
    byCell.merge(reference);
    expect(seen(batched)).toEqual(seen(byCell));
  });

  it('counts exactly below the bound and switches to a labelled estimate above it', () => {
    const c = new DistinctCounter();
    for (let i = 0; i < 1000; i++) {
      hashString(`v${i % 100}`, h);
      const slot = c.add(h[0]!, h[1]!);
      if (slot >= 0) c.setValue(slot, `v${i % 100}`);
    }
    expect(c.distinct()).toBe(100);
    expect(c.estimated).toBe(false);
    expect(c.entries().every((e) => e.count === 10)).toBe(true);
    const big = new DistinctCounter();
    const n = MAX_EXACT_DISTINCT * 3;
    for (let i = 0; i < n; i++) {
      hashNumber(i, h);
      const slot = big.add(h[0]!, h[1]!);
      if (slot >= 0) big.setValue(slot, i);
    }
    expect(big.estimated).toBe(true);
    expect(Math.abs(big.distinct() - n) / n).toBeLessThan(0.03);
  });

  it('merges two exact halves into the exact union', () => {
    const a = new DistinctCounter();
    const b = new DistinctCounter();
    for (let i = 0; i < 500; i++) {
      hashNumber(i, h);
      a.setValue(Math.max(0, a.add(h[0]!, h[1]!)), i);
      hashNumber(i + 250, h);
      b.add(h[0]!, h[1]!);
    }
    a.merge(b);
    expect(a.distinct()).toBe(750);
  });

  it('past the exact bound, top values keep counting every cell: each count at most maxError below the truth, whole or in merged parts', () => {
    // City-like text: a few heavy values whose cells keep coming after the switch (the file
    // sorted so that the heaviest value first appears late), over 40k rare ones.
    const r = new SeededRandom(3);
    const cells: string[] = [];
    for (let i = 0; i < 120_000; i++) {
      const u = r.next();
      const late = i > 90_000 && u < 0.05;
      cells.push(late ? 'El Paso' : u < 0.3 ? `city${Math.floor(r.next() * 20)}` : `town${Math.floor(r.next() * 40_000)}`);
    }
    const truth = new Map<string, number>();
    for (const c of cells) truth.set(c, (truth.get(c) ?? 0) + 1);
    const feed = (counter: DistinctCounter, part: string[]): DistinctCounter => {
      for (const c of part) {
        hashString(c, h);
        const slot = counter.add(h[0]!, h[1]!);
        if (slot >= 0) counter.setValue(slot, c);
      }
      return counter;
    };
    const whole = feed(new DistinctCounter(), cells);
    const merged = feed(new DistinctCounter(), cells.slice(0, 60_000));
    merged.merge(feed(new DistinctCounter(), cells.slice(60_000)));
    for (const counter of [whole, merged]) {
      expect(counter.estimated).toBe(true);
      const bound = counter.maxError();
      expect(bound).toBeGreaterThan(0);
      const top = counter.topEntries().sort((a, b) => b.count - a.count).slice(0, 21);
      const expected = [...truth].sort((a, b) => b[1] - a[1]).slice(0, 21);
      expect(top.map((e) => e.value).sort()).toEqual(expected.map(([v]) => v).sort());
      for (const e of top) {
        const t = truth.get(e.value as string)!;
        expect(e.count).toBeLessThanOrEqual(t);
        expect(t - e.count).toBeLessThanOrEqual(bound);
      }
      expect(truth.get('El Paso')! - top.find((e) => e.value === 'El Paso')!.count).toBeLessThanOrEqual(bound);
    }
  });
});

describe('moments', () => {
  it('give the mean, sample std and third moment of the data, merged or not', () => {
    const xs = Array.from({ length: 1001 }, (_, i) => 1e6 + Math.sin(i) * 10 + (i % 7));
    const all = emptyMoments();
    const left = emptyMoments();
    const right = emptyMoments();
    xs.forEach((x, i) => {
      addMoment(all, x);
      addMoment(i < 400 ? left : right, x);
    });
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const m2 = xs.reduce((s, x) => s + (x - mean) ** 2, 0);
    const m3 = xs.reduce((s, x) => s + (x - mean) ** 3, 0);
    for (const m of [centralMoments(all), centralMoments(mergeMoments(left, right))]) {
      expect(m.mean).toBeCloseTo(mean, 8);
      expect(m.m2 / m2).toBeCloseTo(1, 8);
      expect(m.m3 / m3).toBeCloseTo(1, 4);
      expect(sampleStd(m)).toBeCloseTo(Math.sqrt(m2 / 1000), 8);
    }
  });
});

describe('ReservoirSlots', () => {
  it('keeps every item while under capacity, then a uniform sample', () => {
    const r = new ReservoirSlots(100, 1);
    const sample: number[] = [];
    for (let i = 0; i < 100; i++) sample[r.offer()] = i;
    expect(sample).toEqual(Array.from({ length: 100 }, (_, i) => i));
    for (let i = 100; i < 100_000; i++) {
      const s = r.offer();
      if (s >= 0) sample[s] = i;
    }
    const mean = sample.reduce((a, b) => a + b, 0) / sample.length;
    expect(Math.abs(mean - 50_000)).toBeLessThan(10_000); // ~3.5 standard errors
  });
});

describe('HashList', () => {
  it('sorts, merges, counts repeats and intersects 64-bit hashes', () => {
    const a = new HashList(2);
    const b = new HashList(2);
    for (const [hi, lo] of [[5, 1], [1, 9], [5, 1], [0xffffffff, 0]]) a.push(hi!, lo!);
    for (const [hi, lo] of [[5, 1], [2, 2]]) b.push(hi!, lo!);
    const merged = mergeSorted([a.sorted(), b.sorted()]);
    expect(Array.from(merged)).toEqual([(1n << 32n) | 9n, (2n << 32n) | 2n, (5n << 32n) | 1n, (5n << 32n) | 1n, (5n << 32n) | 1n, 0xffffffffn << 32n]);
    expect(countRepeats(merged)).toBe(2);
    expect(intersectSorted(a.sorted(), b.sorted())).toEqual({ inBoth: 2, distinctShared: 1 });
  });
});

describe('hashTextBytes', () => {
  it('is hashBytes bit for bit, and counts characters and spaces on the same walk', () => {
    const enc = new TextEncoder();
    const a = new Uint32Array(2);
    const b = new Uint32Array(2);
    for (const s of ['', 'a', 'north', 'customer_00042', 'São Paulo', 'two words', ' ', '日本語 テキスト', '🙂🙂', 'x'.repeat(300)]) {
      const bytes = enc.encode(`,${s},`);
      hashBytes(bytes, 1, bytes.length - 1, a);
      const measured = hashTextBytes(bytes, 1, bytes.length - 1, b);
      expect(Array.from(b)).toEqual(Array.from(a));
      expect(measured).toBe([...s].length * 2 + (s.includes(' ') ? 1 : 0));
    }
  });
});
