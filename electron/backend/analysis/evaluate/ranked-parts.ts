/**
 * Each byte range of a large binary predictions file sorts its own scores by label, on the thread
 * that read it, so the one sort a binary report needs (its ROC / PR walk) runs on both cores while
 * the last range is still being read: the report then only joins the sorted parts
 * (rankingFromSortedParts). Scores with at most six decimals are only counted per label (one read,
 * decimal-counts.ts); others are split by label and radix-sorted. Unweighted scores only: with
 * weights the totals would be summed in a different order than a one-thread read sums them, so
 * weighted files sort on the main thread.
 */
import { COUNTING_MIN, DECIMAL_BUCKETS, decimalCountsByClass } from '../../../../shared/evaluation/stats/decimal-counts';
import { radixSortFloat64 } from '../../../../shared/evaluation/stats/radix-sort';
import type { PredictionColumns } from './prediction-readers';

/** The scores of one range's rows with label `code` (codes into the range's class list), sorted or counted. */
export type RankedPart = NonNullable<PredictionColumns['ranked']>[number];

/** Null when this range cannot be ranked here (not binary scores, weights, more than two labels). */
export function rankByLabel(c: PredictionColumns): RankedPart[] | null {
  if (c.roles.task !== 'binary' || c.score === null || c.weights !== null || c.labelCodes === null || c.classes === null) return null;
  const k = c.classes.values.length;
  if (k > 2) return null;
  const codes = c.labelCodes;
  const scores = c.score;
  const counts = new Int32Array(k);
  for (let i = 0; i < c.n; i++) counts[codes[i]!]++;
  if (c.n >= COUNTING_MIN) {
    const counted = decimalCountsByClass(scores, codes, k);
    if (counted !== null) return Array.from(counts, (rows, code) => ({ code, counts: counted.subarray(code * DECIMAL_BUCKETS, (code + 1) * DECIMAL_BUCKETS), rows }));
  }
  const parts = Array.from(counts, (size, code) => ({ code, sorted: new Float64Array(size) }));
  const fill = new Int32Array(k);
  for (let i = 0; i < c.n; i++) {
    const code = codes[i]!;
    parts[code]!.sorted[fill[code]!++] = scores[i]!;
  }
  for (const p of parts) radixSortFloat64(p.sorted);
  return parts;
}
