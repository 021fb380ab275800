/**
 * Aligned category counts of one column in two files, built from the bounded top-value lists.
 * A category is kept only where both files' counts are known: listed in a file's top values, or
 * absent from a COMPLETE list (otherCount 0, so its count there is truly 0). Everything else is
 * pooled into one "(other)" bucket in both files, so no count is ever guessed.
 */
import type { ColumnSummary } from '../check-input';

export interface AlignedFrequencies {
  categories: string[];
  reference: number[];
  current: number[];
  /** Shares of each file's rows pooled into "(other)"; undefined when nothing was pooled. */
  pooled: { reference: number; current: number } | undefined;
}

export const OTHER_BUCKET = '(other)';

export function alignFrequencies(reference: ColumnSummary, current: ColumnSummary): AlignedFrequencies {
  const ref = new Map(reference.topValues.map((v) => [v.value, v.count]));
  const cur = new Map(current.topValues.map((v) => [v.value, v.count]));
  const keys = [...new Set([...ref.keys(), ...cur.keys()])].sort();
  const categories: string[] = [];
  const refCounts: number[] = [];
  const curCounts: number[] = [];
  for (const k of keys) {
    const r = ref.get(k) ?? (reference.otherCount === 0 ? 0 : undefined);
    const c = cur.get(k) ?? (current.otherCount === 0 ? 0 : undefined);
    if (r === undefined || c === undefined) continue;
    categories.push(k);
    refCounts.push(r);
    curCounts.push(c);
  }
  const refOther = reference.count - refCounts.reduce((s, v) => s + v, 0);
  const curOther = current.count - curCounts.reduce((s, v) => s + v, 0);
  let pooled: AlignedFrequencies['pooled'];
  if (refOther > 0 || curOther > 0) {
    categories.push(OTHER_BUCKET);
    refCounts.push(Math.max(0, refOther));
    curCounts.push(Math.max(0, curOther));
    pooled = { reference: Math.max(0, refOther) / Math.max(1, reference.count), current: Math.max(0, curOther) / Math.max(1, current.count) };
  }
  return { categories, reference: refCounts, current: curCounts, pooled };
}
