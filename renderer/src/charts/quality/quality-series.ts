/**
 * Shaping profile and check results into the small series the quality charts draw. Pure and
 * tested; charts never see raw profiles, and no series grows with the number of rows.
 */
import type { ColumnSummary, Histogram, ValueCount } from '../../../../shared/quality/check-input';
import type { ColumnDrift } from '../../../../shared/quality/drift/column-drift';

/** Only the fields each series reads, so stored profiles (contract ColumnProfile) fit as well. */
export type GapCounts = Pick<ColumnSummary, 'name' | 'missing' | 'disguisedMissing'>;
export type ValueCounts = Pick<ColumnSummary, 'name' | 'count' | 'topValues' | 'otherCount'>;
export type PsiOfColumn = Pick<ColumnDrift, 'column' | 'psi' | 'psiBand'>;

export interface BinDatum {
  [key: string]: string | number;
  bin: string;
  count: number;
}

/** Most bars a histogram shows; adjacent bins are merged beyond that. */
export const MAX_BINS = 24;

// Three significant digits: bin edges such as 999.98 and 1,999.96 (min + i x width) read 1K and 2K, not a mix.
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

export function formatEdge(x: number, kind: 'number' | 'datetime'): string {
  if (kind === 'datetime') return new Date(x).toISOString().slice(0, 10);
  if (Number.isInteger(x) && Math.abs(x) < 10_000) return String(x);
  return compact.format(x);
}

/** Merge adjacent bins so at most `max` remain, keeping the outer edges and the total count. */
export function mergeBins(h: Histogram, max = MAX_BINS): Histogram {
  const n = h.counts.length;
  if (n <= max) return h;
  const per = Math.ceil(n / max);
  const edges: number[] = [h.edges[0]!];
  const counts: number[] = [];
  for (let i = 0; i < n; i += per) {
    const end = Math.min(i + per, n);
    counts.push(h.counts.slice(i, end).reduce((a, b) => a + b, 0));
    edges.push(h.edges[end]!);
  }
  return { edges, counts };
}

export function histogramSeries(h: Histogram, kind: 'number' | 'datetime' = 'number'): BinDatum[] {
  const m = mergeBins(h);
  return m.counts.map((count, i) => ({ bin: `${formatEdge(m.edges[i]!, kind)} – ${formatEdge(m.edges[i + 1]!, kind)}`, count }));
}

/** The most frequent values with the rest folded into one "all other values" bar. */
export function topValuesSeries(top: readonly ValueCount[], otherCount: number, limit = 8): BinDatum[] {
  const shown = top.slice(0, limit);
  const folded = top.slice(limit).reduce((s, v) => s + v.count, 0) + otherCount;
  const out: BinDatum[] = shown.map((v) => ({ bin: v.value === '' ? '(empty text)' : v.value, count: v.count }));
  if (folded > 0) out.push({ bin: 'all other values', count: folded });
  return out;
}

export interface MissingDatum {
  [key: string]: string | number;
  column: string;
  /** Share of rows with a real gap. */
  missing: number;
  /** Share of rows holding a placeholder such as "NA" or "?". */
  placeholder: number;
}

/** Columns with any gap, largest first (at most `limit`), as shares of all rows. */
export function missingSeries(columns: readonly GapCounts[], rows: number, limit = 20): MissingDatum[] {
  if (rows <= 0) return [];
  return columns
    .filter((c) => c.missing + c.disguisedMissing > 0)
    .map((c) => ({ column: c.name, missing: c.missing / rows, placeholder: c.disguisedMissing / rows }))
    .sort((a, b) => b.missing + b.placeholder - (a.missing + a.placeholder) || a.column.localeCompare(b.column))
    .slice(0, limit);
}

export interface DriftDatum {
  [key: string]: string | number;
  column: string;
  psi: number;
  band: 'stable' | 'moderate' | 'major';
}

/** PSI per column, largest first; the chart draws the 0.1 and 0.25 band lines. */
export function driftSeries(columns: readonly PsiOfColumn[], limit = 20): DriftDatum[] {
  return columns
    .map((c) => ({ column: c.column, psi: c.psi, band: c.psiBand }))
    .sort((a, b) => b.psi - a.psi || a.column.localeCompare(b.column))
    .slice(0, limit);
}

export interface ShareDatum {
  [key: string]: string | number;
  label: string;
  count: number;
  share: number;
}

/** Rows per class of the target, with each class's share. */
export function classBalanceSeries(target: ValueCounts, limit = 12): ShareDatum[] {
  const total = target.count;
  return topValuesSeries(target.topValues, target.otherCount, limit).map((d) => ({
    label: d.bin,
    count: d.count,
    share: total > 0 ? d.count / total : 0,
  }));
}
