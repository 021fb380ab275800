import type { RunRow } from '../../../../../shared/contract/runs';
import type { RunOrder } from '../../../../../shared/contract/runs-filter';
import type { ChosenKeys } from '../../../stores/runs/runs-ui';
import { formatCost, formatDuration, formatKwh, formatMetric, formatTime } from '../run-format';

/**
 * The runs table's columns: fixed run attributes first, then the params, metrics and tags the
 * column chooser picked. Every column sorts on the backend (runs.list orderBy), so 10,000 runs
 * never sort in the page.
 */
export type ColumnKind = 'attribute' | 'param' | 'metric' | 'tag';

export interface RunColumn {
  /** Stable id: "attr:status", "metric:loss", "param:lr", "tag:team". */
  id: string;
  kind: ColumnKind;
  key: string;
  label: string;
  /** One line for the header's title: what the column means. */
  meaning: string;
  width: number;
  numeric: boolean;
  order: RunOrder;
}

interface AttributeColumn {
  key: string;
  label: string;
  meaning: string;
  width: number;
  numeric: boolean;
  sortKey: string;
}

const ATTRIBUTES: AttributeColumn[] = [
  { key: 'name', label: 'Run', meaning: 'The run name its client gave', width: 200, numeric: false, sortKey: 'run_name' },
  { key: 'status', label: 'Status', meaning: 'Running, finished, failed or killed', width: 110, numeric: false, sortKey: 'status' },
  { key: 'start', label: 'Started', meaning: 'When the run started (UTC)', width: 145, numeric: false, sortKey: 'start_time' },
  { key: 'duration', label: 'Duration', meaning: 'How long it ran (or has run so far)', width: 110, numeric: true, sortKey: 'hours' },
  { key: 'cost', label: 'Cost', meaning: 'What the compute cost, in the project currency; "unknown" until the hardware is known', width: 110, numeric: true, sortKey: 'cost' },
  { key: 'energy', label: 'Energy', meaning: 'Electricity the hardware used, data-centre overhead included', width: 110, numeric: true, sortKey: 'energy_kwh' },
  { key: 'hardware', label: 'Hardware', meaning: 'What it ran on, and on how many devices', width: 190, numeric: false, sortKey: 'hardware' },
];

export const ATTRIBUTE_COLUMNS: readonly RunColumn[] = ATTRIBUTES.map((a) => ({
  id: `attr:${a.key}`,
  kind: 'attribute',
  key: a.key,
  label: a.label,
  meaning: a.meaning,
  width: a.width,
  numeric: a.numeric,
  order: { kind: 'attribute', key: a.sortKey, ascending: true },
}));

const PREFIX: Record<Exclude<ColumnKind, 'attribute'>, string> = { param: 'param', metric: 'metric', tag: 'tag' };

function keyColumn(kind: Exclude<ColumnKind, 'attribute'>, key: string): RunColumn {
  const meaning = kind === 'metric' ? `Latest value of the metric "${key}"` : kind === 'param' ? `The parameter "${key}" the run was given` : `The tag "${key}"`;
  // Wide enough for the kind badge, the key and the sort arrow, within bounds (longer keys are cut with an ellipsis; the title has them whole).
  const width = Math.round(Math.min(260, Math.max(110, 96 + 7.5 * key.length)));
  return { id: `${PREFIX[kind]}:${key}`, kind, key, label: key, meaning, width, numeric: kind === 'metric', order: { kind, key, ascending: true } };
}

/** The columns to draw: attributes, then chosen params, metrics and tags in the chooser's order. */
export function tableColumns(chosen: ChosenKeys): RunColumn[] {
  return [
    ...ATTRIBUTE_COLUMNS,
    ...chosen.params.map((k) => keyColumn('param', k)),
    ...chosen.metrics.map((k) => keyColumn('metric', k)),
    ...chosen.tags.map((k) => keyColumn('tag', k)),
  ];
}

/**
 * The backend order for a sorted column id ("metric:loss", "attr:cost"), whether or not the column
 * is drawn; no sort (or an unknown id) is start time, newest first.
 */
export function orderFor(sort: { columnId: string; ascending: boolean } | null): RunOrder[] {
  const byStart: RunOrder[] = [{ kind: 'attribute', key: 'start_time', ascending: false }];
  if (!sort) return byStart;
  const attribute = ATTRIBUTE_COLUMNS.find((c) => c.id === sort.columnId);
  if (attribute) return [{ ...attribute.order, ascending: sort.ascending }];
  const m = /^(param|metric|tag):(.+)$/s.exec(sort.columnId);
  if (!m) return byStart;
  return [{ kind: m[1] as 'param' | 'metric' | 'tag', key: m[2]!, ascending: sort.ascending }];
}

/** The text of one cell. */
export function cellText(row: RunRow, col: RunColumn): string {
  switch (col.kind) {
    case 'param':
      return row.params[col.key] ?? '';
    case 'tag':
      return row.tags[col.key] ?? '';
    case 'metric':
      return formatMetric(row.metrics[col.key]);
    default:
      return attributeText(row, col.key);
  }
}

function attributeText(row: RunRow, key: string): string {
  switch (key) {
    case 'name':
      return row.name || row.id.slice(0, 8);
    case 'status':
      return row.status;
    case 'start':
      return formatTime(row.startTime).replace(' UTC', '');
    case 'duration':
      return row.hours == null ? '' : formatDuration(row.hours);
    case 'cost':
      return formatCost(row.costCents, row.currency);
    case 'energy':
      return formatKwh(row.energyKwh);
    case 'hardware':
      if (!row.hardwareId) return 'unknown';
      return `${row.devices ?? 1} x ${row.hardwareName ?? row.hardwareId}`;
    default:
      return '';
  }
}

/** The checkbox column; the sticky name column starts right after it (runs.css uses the same 40px). */
export const CHECK_WIDTH = 40;

/** CSS grid columns for the header and every row: a checkbox column, then each column's width. */
export function gridTemplate(columns: readonly RunColumn[]): string {
  return [`${CHECK_WIDTH}px`, ...columns.map((c) => `${c.width}px`)].join(' ');
}

export function tableWidth(columns: readonly RunColumn[]): number {
  return CHECK_WIDTH + columns.reduce((s, c) => s + c.width, 0);
}
