/**
 * Both files' distributions of a compared column on the same bins, so one chart can overlay them.
 * Numeric columns: equal-width bins over the range both samples cover, each file's share of its
 * sampled values per bin. Categorical columns: the aligned counts drift is measured on (no count
 * guessed), the most common values kept and the rest pooled, as shares of each file's values.
 */
import type { ColumnSummary } from '../check-input';
import type { ColumnDrift } from './column-drift';
import { alignFrequencies, OTHER_BUCKET } from './category-frequencies';

export interface DistributionPair {
  column: string;
  kind: 'numeric' | 'categorical';
  /** Numeric: ascending bin edges, one more than the shares. Categorical: empty. */
  edges: number[];
  /** Categorical: the values, the last possibly "(other)". Numeric: empty. */
  values: string[];
  reference: number[];
  checked: number[];
  drifted: boolean;
  /** True when numeric shares come from uniform samples of each file's values. */
  fromSample: boolean;
}

export const PAIR_BINS = 20;
export const PAIR_VALUES = 12;
/** Most columns kept per run: the stored result stays small whatever the file. */
export const PAIRS_KEPT = 50;

function shares(counts: readonly number[]): number[] {
  const total = counts.reduce((s, v) => s + v, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

export function numericPair(ref: ColumnSummary, cur: ColumnSummary, bins = PAIR_BINS): Omit<DistributionPair, 'drifted'> | undefined {
  const a = ref.numeric?.sample ?? [];
  const b = cur.numeric?.sample ?? [];
  if (a.length === 0 || b.length === 0) return undefined;
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of [a, b].flat()) {
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  const n = hi > lo ? bins : 1;
  const width = hi > lo ? (hi - lo) / n : 1;
  const edges = Array.from({ length: n + 1 }, (_, i) => (i === n ? (hi > lo ? hi : lo + 1) : lo + i * width));
  const count = (xs: readonly number[]) => {
    const out = new Array<number>(n).fill(0);
    // The last bin is closed so the maximum lands in it.
    for (const x of xs) out[Math.min(n - 1, Math.floor((x - lo) / width))]!++;
    return out;
  };
  const fromSample = a.length < ref.count || b.length < cur.count;
  return { column: cur.name, kind: 'numeric', edges, values: [], reference: shares(count(a)), checked: shares(count(b)), fromSample };
}

export function categoricalPair(ref: ColumnSummary, cur: ColumnSummary, kept = PAIR_VALUES): Omit<DistributionPair, 'drifted'> | undefined {
  const f = alignFrequencies(ref, cur);
  if (f.categories.length === 0) return undefined;
  const rows = f.categories.map((value, i) => ({ value, reference: f.reference[i]!, checked: f.current[i]! }));
  const other = rows.find((r) => r.value === OTHER_BUCKET);
  const named = rows.filter((r) => r.value !== OTHER_BUCKET).sort((x, y) => y.reference + y.checked - (x.reference + x.checked) || x.value.localeCompare(y.value));
  const shown = named.slice(0, kept);
  const pooled = [...named.slice(kept), ...(other ? [other] : [])];
  if (pooled.length > 0) shown.push({ value: OTHER_BUCKET, reference: pooled.reduce((s, r) => s + r.reference, 0), checked: pooled.reduce((s, r) => s + r.checked, 0) });
  return {
    column: cur.name,
    kind: 'categorical',
    edges: [],
    values: shown.map((r) => r.value),
    reference: shares(shown.map((r) => r.reference)),
    checked: shares(shown.map((r) => r.checked)),
    fromSample: false,
  };
}

/**
 * Pairs for the columns drift was measured on: drifted ones first, then by PSI, at most `limit`.
 * `hidden` columns (personal data) get no pair: their values are never shown.
 */
export function distributionPairs(
  referenceColumns: readonly ColumnSummary[],
  checkedColumns: readonly ColumnSummary[],
  drift: readonly Pick<ColumnDrift, 'column' | 'kind' | 'drifted' | 'negligible' | 'psi'>[],
  hidden: ReadonlySet<string> = new Set(),
  limit = PAIRS_KEPT,
): DistributionPair[] {
  const refBy = new Map(referenceColumns.map((c) => [c.name, c]));
  const curBy = new Map(checkedColumns.map((c) => [c.name, c]));
  const ordered = drift
    .filter((d) => !hidden.has(d.column))
    .map((d) => ({ ...d, matters: d.drifted && !d.negligible }))
    .sort((x, y) => Number(y.matters) - Number(x.matters) || y.psi - x.psi || x.column.localeCompare(y.column));
  const out: DistributionPair[] = [];
  for (const d of ordered) {
    if (out.length >= limit) break;
    const ref = refBy.get(d.column);
    const cur = curBy.get(d.column);
    if (!ref || !cur) continue;
    const pair = d.kind === 'numeric' ? numericPair(ref, cur) : categoricalPair(ref, cur);
    if (pair) out.push({ ...pair, drifted: d.matters });
  }
  return out;
}
