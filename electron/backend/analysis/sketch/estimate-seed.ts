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

export function seedEstimates(keys: ExactKeys): { hll: HyperLogLog; frequent: FrequentItems; firstSeen: SeenKey[] } {
  const { order, counts } = keys;
  const hll = new HyperLogLog();
  for (const s of order) hll.add(keys.hi[s]!, keys.lo[s]!);
  const entry = (s: number): SeenKey => ({ hi: keys.hi[s]!, lo: keys.lo[s]!, count: counts[s]!, value: keys.valueAt(s) });
  const firstSeen = order.slice(0, KEEP_FIRST).map(entry);
  // The keys by count, most first, ties in first-seen order (a stable sort of every key), as far
  // as the seeded counters read it (at most MAX_ITEMS + 1): the keys seen more than once sorted,
  // then those seen once as they came. Sorting and copying all 16,384 keys cost more.
  const repeated = order.filter((s) => counts[s]! > 1).sort((a, b) => counts[b]! - counts[a]!);
  const byCount = repeated.map(entry);
  for (let i = 0; i < order.length && byCount.length <= MAX_ITEMS; i++) if (counts[order[i]!] === 1) byCount.push(entry(order[i]!));
  return { hll, frequent: FrequentItems.seeded(byCount), firstSeen };
}
