/**
 * The two-file views of a comparison run, shaped for charts: what the files share (rows and, with
 * an id column, ids) and one column's distribution in both files on the same bins. Pure and tested.
 */
import type { CheckRun, DistributionPair, FileOverlap } from '../../../../shared/contract/checks';
import { formatCount, formatShare, plural } from '../../../../shared/quality/format';
import { formatEdge } from './quality-series';

export interface OverlapFigure {
  [key: string]: string | number;
  label: string;
  count: number;
  share: number;
}

export interface OverlapView {
  bars: OverlapFigure[];
  /** The sentence under the chart: every figure it draws, in words. */
  sentence: string;
  /** True when anything is shared, by rows or by ids. */
  leaks: boolean;
}

/** The run's overlap figures; runs stored before they were kept get them back from the findings. */
export function overlapOfRun(run: Pick<CheckRun, 'overlap' | 'findings' | 'rows' | 'options' | 'referenceProfile'>): FileOverlap {
  if (run.overlap) return run.overlap;
  const rowsFinding = run.findings.find((f) => f.id === 'train_test_overlap');
  const ids = run.findings.find((f) => f.id === 'group_leakage');
  const d = ids?.details as Record<string, number> | undefined;
  return {
    checkedRows: run.rows,
    referenceRows: run.referenceProfile?.rows ?? 0,
    sharedRows: rowsFinding?.count ?? 0,
    ids:
      ids && d && run.options.id
        ? { column: run.options.id, sharedIds: d.sharedIds ?? 0, checkedDistinct: d.currentDistinct ?? 0, referenceDistinct: d.referenceDistinct ?? 0, checkedRowsWithSharedId: ids.count ?? 0 }
        : null,
  };
}

export function overlapView(o: FileOverlap, names: { checked: string; reference: string }): OverlapView {
  const n = o.checkedRows;
  const share = (c: number) => (n > 0 ? Math.min(c, n) / n : 0);
  const bars: OverlapFigure[] = [{ label: 'Identical rows', count: o.sharedRows, share: share(o.sharedRows) }];
  const rowsText = `${formatCount(o.sharedRows)} of ${plural(n, 'row')} of ${names.checked} (${formatShare(share(o.sharedRows))}) also ${o.sharedRows === 1 ? 'appears' : 'appear'} whole in ${names.reference}`;
  if (!o.ids) {
    return { bars, sentence: `${rowsText}. Name an id column in the check to also compare who or what the rows are about.`, leaks: o.sharedRows > 0 };
  }
  const i = o.ids;
  bars.push({ label: `Same ${i.column}`, count: i.checkedRowsWithSharedId, share: share(i.checkedRowsWithSharedId) });
  const idsText = `${formatCount(i.checkedRowsWithSharedId)} (${formatShare(share(i.checkedRowsWithSharedId))}) ${i.checkedRowsWithSharedId === 1 ? 'has' : 'have'} a ${i.column} that ${names.reference} also has (${plural(i.sharedIds, 'value')} in both files)`;
  return { bars, sentence: `${rowsText}; ${idsText}.`, leaks: o.sharedRows > 0 || i.sharedIds > 0 };
}

export interface PairDatum {
  [key: string]: string | number;
  bin: string;
}

/** Names for the two series, different even when both files have the same name. */
export function seriesNames(names: { checked: string; reference: string }): { reference: string; checked: string } {
  if (names.checked !== names.reference) return names;
  return { reference: `${names.reference} (compared with)`, checked: `${names.checked} (checked)` };
}

/** One row per bin or value, with each file's share under its own name. */
export function pairSeries(pair: DistributionPair, names: { reference: string; checked: string }): PairDatum[] {
  const labels =
    pair.kind === 'numeric'
      ? pair.reference.map((_, i) => `${formatEdge(pair.edges[i]!, 'number')} – ${formatEdge(pair.edges[i + 1]!, 'number')}`)
      : pair.values.map((v) => (v === '(other)' ? 'all other values' : v === '' ? '(empty text)' : v));
  return labels.map((bin, i) => ({ bin, [names.reference]: pair.reference[i] ?? 0, [names.checked]: pair.checked[i] ?? 0 }));
}
