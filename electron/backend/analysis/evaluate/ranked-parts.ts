/**
 * Each byte range of a large binary predictions file sorts its own scores by label, on the thread
 * that read it, so the one sort a binary report needs (its ROC / PR walk) runs on both cores while
 * the last range is still being read: the report then only merges the sorted parts
 * (rankingFromSortedParts). Unweighted scores only: with weights the totals would be summed in a
 * different order than a one-thread read sums them, so weighted files sort on the main thread.
 */
import { radixSortFloat64 } from '../../../../shared/evaluation/stats/radix-sort';
import type { PredictionColumns } from './prediction-readers';

/** The scores of one range's rows with label `code` (codes into the range's class list), ascending. */
export interface RankedPart {
  code: number;
  scores: Float64Array;
}

/** Null when this range cannot be ranked here (not binary scores, weights, more than two labels). */
export function rankByLabel(c: PredictionColumns): RankedPart[] | null {
  if (c.roles.task !== 'binary' || c.score === null || c.weights !== null || c.labelCodes === null || c.classes === null) return null;
  const k = c.classes.values.length;
  if (k > 2) return null;
  const counts = new Int32Array(k);
  const codes = c.labelCodes;
  for (let i = 0; i < c.n; i++) counts[codes[i]!]++;
  const parts = Array.from(counts, (size, code) => ({ code, scores: new Float64Array(size) }));
  const fill = new Int32Array(k);
  const scores = c.score;
  for (let i = 0; i < c.n; i++) {
    const code = codes[i]!;
    parts[code]!.scores[fill[code]!++] = scores[i]!;
  }
  for (const p of parts) radixSortFloat64(p.scores);
  return parts;
}
