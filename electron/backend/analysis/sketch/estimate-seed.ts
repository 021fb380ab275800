/**
 * The estimates a distinct counter switches to once a column has too many distinct values to keep
 * exactly: every key into a HyperLogLog, the heaviest keys with their exact counts and values into
 * the heavy-hitter counters, and the first-seen keys kept as the distinct-value sample.
 */
import { type CellValue, FrequentItems, MAX_ITEMS } from './frequent-items';
import { HyperLogLog } from './hyperloglog';

/** First-seen keys kept as the distinct-value sample once a counter estimates. */
export const KEEP_FIRST = 1000;

export type SeenKey = { hi: number; lo: number; count: number; value: CellValue | undefined };

/** The exact table's keys, read by slot; `order` lists the slots in the order their key was first seen. */
export interface ExactKeys {
  order: readonly number[];
  hi: Uint32Array;
  lo: Uint32Array;
  counts: Uint32Array;
  valueAt(slot: number): CellValue | undefined;
}

// Each loop is its own small function. seedEstimates runs once per column that switches (a few
// times per thread), but its loops over 16,384 keys get it optimized mid-call; as one function,
// each optimization compiled all of it, before the later parts had run, and dropped it when they
// did: about 20 ms of compiler time a switch, several per thread, for a few ms of work.
function hllOf(order: readonly number[], hi: Uint32Array, lo: Uint32Array): HyperLogLog {
  const hll = new HyperLogLog();
  for (const s of order) hll.add(hi[s]!, lo[s]!);
  return hll;
}

function repeatedByCount(order: readonly number[], counts: Uint32Array): number[] {
  return order.filter((s) => counts[s]! > 1).sort((a, b) => counts[b]! - counts[a]!);
}

/** `out` then the keys seen once, in the order they came, while `out` has at most MAX_ITEMS. */
function appendSeenOnce(out: SeenKey[], order: readonly number[], counts: Uint32Array, entry: (s: number) => SeenKey): void {
  for (let i = 0; i < order.length && out.length <= MAX_ITEMS; i++) if (counts[order[i]!] === 1) out.push(entry(order[i]!));
}

export function seedEstimates(keys: ExactKeys): { hll: HyperLogLog; frequent: FrequentItems; firstSeen: SeenKey[] } {
  const { order, counts } = keys;
  const hll = hllOf(order, keys.hi, keys.lo);
  const entry = (s: number): SeenKey => ({ hi: keys.hi[s]!, lo: keys.lo[s]!, count: counts[s]!, value: keys.valueAt(s) });
  const firstSeen = order.slice(0, KEEP_FIRST).map(entry);
  // The keys by count, most first, ties in first-seen order (a stable sort of every key), as far
  // as the seeded counters read it (at most MAX_ITEMS + 1): the keys seen more than once sorted,
  // then those seen once as they came. Sorting and copying all 16,384 keys cost more.
  const byCount = repeatedByCount(order, counts).map(entry);
  appendSeenOnce(byCount, order, counts, entry);
  return { hll, frequent: FrequentItems.seeded(byCount), firstSeen };
}
