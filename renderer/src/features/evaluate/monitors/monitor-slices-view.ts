/**
 * A monitor's groups (slices) in words and lines: the latest batch's groups against the same
 * groups of the reference (rows, share of rows, the headline result), and per slice column one
 * line per group over the batches, starting from the reference at x = 0. Pure.
 */
import type { MonitorBatch, MonitorDetail, MonitorSlice } from '../../../../../shared/contract/monitors';
import type { ChartLineData, XY } from '../../../charts/evaluate/eval-series';
import { formatMetric } from '../metric-words';

export interface GroupRow {
  key: string;
  column: string;
  label: string;
  rows: string;
  /** "12% → 31%": the group's share of the rows in the reference and now. */
  share: string;
  /** "0.81 → 0.64", or "— → 0.64" for a group the reference does not have. */
  result: string;
  status: 'fell-behind' | 'gone' | 'too-small' | 'new' | 'steady';
}

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** The newest batch that has groups, or null. */
export function latestWithGroups(batches: readonly MonitorBatch[]): MonitorBatch | null {
  for (let i = batches.length - 1; i >= 0; i--) if (batches[i]!.slices.length > 0) return batches[i]!;
  return null;
}

function status(s: MonitorSlice): GroupRow['status'] {
  if (s.fellBehind) return 'fell-behind';
  if (s.n === 0) return 'gone';
  if (s.tooSmall) return 'too-small';
  if (s.reference === null) return 'new';
  return 'steady';
}

export function groupRows(b: MonitorBatch, headline: string | null): GroupRow[] {
  return b.slices.map((s) => {
    const r = s.reference;
    const now = headline && s.n > 0 ? formatMetric(headline, s.metrics[headline] ?? null) : '—';
    const before = headline && r ? formatMetric(headline, r.metrics[headline] ?? null) : '—';
    return {
      key: `${s.column}\u0000${s.value}`,
      column: s.column,
      label: s.label,
      rows: s.n.toLocaleString('en-US'),
      share: `${r ? percent(r.share) : '—'} → ${percent(s.share)}`,
      result: headline ? `${before} → ${now}` : '',
      status: status(s),
    };
  });
}

export interface GroupTimeline {
  column: string;
  /** One line per group: x = 0 the reference, then the batch number. */
  lines: ChartLineData[];
  /** Groups left out of the chart (the table lists them all). */
  hidden: number;
}

/** Lines per chart: the groups that fell behind first, then the largest. */
export const GROUP_LINES = 6;

export function groupTimelines(batches: readonly MonitorBatch[], headline: string | null): GroupTimeline[] {
  if (headline === null) return [];
  const latest = latestWithGroups(batches);
  if (latest === null) return [];
  const columns = [...new Set(latest.slices.map((s) => s.column))];
  return columns.map((column) => {
    const groups = latest.slices.filter((s) => s.column === column);
    const chosen = [...groups].sort((a, b) => Number(b.fellBehind) - Number(a.fellBehind) || b.n - a.n).slice(0, GROUP_LINES);
    const keep = new Set(chosen.map((s) => s.value));
    const lines = groups
      .filter((s) => keep.has(s.value))
      .map((s) => {
        const data: XY[] = [];
        const ref = s.reference?.metrics[headline];
        if (ref != null && Number.isFinite(ref)) data.push({ x: 0, y: ref });
        batches.forEach((b, i) => {
          const v = b.slices.find((x) => x.column === column && x.value === s.value)?.metrics[headline];
          if (v != null && Number.isFinite(v)) data.push({ x: i + 1, y: v });
        });
        return { id: s.label, data };
      })
      .filter((l) => l.data.length > 0);
    return { column, lines, hidden: groups.length - lines.length };
  });
}

/** The ticks of a group chart: the reference, then the batches (as batchTicks would label them). */
export function groupTicks(batchTicks: ReadonlyArray<{ value: number; label: string }>): Array<{ value: number; label: string }> {
  return [{ value: 0, label: 'ref' }, ...batchTicks];
}

/** What the monitor says about groups when it has none to show (no slice columns, or no labels). */
export function groupsNote(d: Pick<MonitorDetail, 'roles' | 'batches'>): string | null {
  if (!d.roles?.slices?.length) return null;
  const latest = d.batches[d.batches.length - 1];
  if (!latest) return null;
  if (latest.slices.length === 0) return latest.slicesReason ?? latest.metricsReason ?? null;
  return latest.slicesReason;
}

/**
 * Which columns' groups the monitor follows, in one sentence for its page; null for a monitor
 * without the label and output columns (it measures drift only, and its summary says so).
 */
export function followedGroups(d: Pick<MonitorDetail, 'roles'>): string | null {
  if (d.roles === null) return null;
  const columns = d.roles.slices ?? [];
  if (columns.length === 0) return 'Follows no groups: each batch is judged as a whole.';
  const named = columns.length === 1 ? columns[0]! : `${columns.slice(0, -1).join(', ')} and ${columns[columns.length - 1]!}`;
  return `Follows the groups of ${named}.`;
}
