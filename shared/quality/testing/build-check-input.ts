/**
 * Builds a complete CheckInput from rows held in memory: the reference implementation of what the
 * streaming engine must produce, and the generator behind every check test. Exact everywhere
 * (hash sets become real sets, sketches become exact counts) so planted defects are counted exactly.
 */
import type { CategoryCounts, CategoryDifference, CheckInput, ColumnSummary, ColumnType, ReferenceFacts, RowSample } from '../check-input';
import { sharedKind } from '../drift/column-kind';
import { DEFAULT_THRESHOLDS } from '../thresholds';
import { type Cell, buildColumnSummary, classifyCell, numericValue, reservoir, valueKey } from './column-profile';

export type Row = Record<string, Cell>;

export const ROW_SAMPLE_CAP = 10_000;

export interface BuildOptions {
  file?: string;
  target?: string;
  id?: string;
  time?: string;
  /** Rows of the reference file (training data, last month ...). */
  reference?: readonly Row[];
  referenceFile?: string;
  /** Force column types instead of inferring them. */
  types?: Record<string, ColumnType>;
}

/** Column names in order of first appearance across the rows. */
export function columnNames(rows: readonly Row[]): string[] {
  const names = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) names.add(k);
  return [...names];
}

/** The key two cells share when they hold the same value (missing and placeholders are one). */
function cellKey(cell: Cell, type: ColumnType): string {
  const c = classifyCell(cell);
  return c.kind === 'value' ? valueKey(c.value, type) : '\u0000';
}

/** Stand-in for the engine's 64-bit row hash: the exact key of the row's cells. */
function rowKey(row: Row, columns: readonly ColumnSummary[], skip: ReadonlyArray<string | undefined> = []): string {
  return JSON.stringify(columns.filter((c) => !skip.includes(c.name)).map((c) => cellKey(row[c.name], c.type)));
}

function sampleCell(cell: Cell, type: ColumnType): string | number | null {
  const c = classifyCell(cell);
  if (c.kind !== 'value') return null;
  if (type === 'integer' || type === 'float' || type === 'datetime') return numericValue(c.value, type) ?? null;
  return String(c.value);
}

function summarise(rows: readonly Row[], names: readonly string[], types: Record<string, ColumnType> = {}): ColumnSummary[] {
  return names.map((name) => buildColumnSummary(name, rows.map((r) => r[name]), types[name]));
}

function duplicateCount(rows: readonly Row[], columns: readonly ColumnSummary[]): number {
  const seen = new Set<string>();
  let duplicates = 0;
  for (const row of rows) {
    const k = rowKey(row, columns);
    if (seen.has(k)) duplicates++;
    else seen.add(k);
  }
  return duplicates;
}

function rowSample(rows: readonly Row[], columns: readonly ColumnSummary[]): RowSample {
  return {
    columns: columns.map((c) => c.name),
    rows: reservoir(rows, ROW_SAMPLE_CAP).map((row) => columns.map((c) => sampleCell(row[c.name], c.type))),
  };
}

/** Inputs = every column but the role columns (target, id, time), as the engine compares them. */
function conflicts(rows: readonly Row[], columns: readonly ColumnSummary[], target: string, roles: ReadonlyArray<string | undefined>): { groups: number; rows: number } {
  const labelsByFeatures = new Map<string, { labels: Set<string>; rows: number }>();
  const targetType = columns.find((c) => c.name === target)?.type ?? 'categorical';
  for (const row of rows) {
    const k = rowKey(row, columns, [target, ...roles]);
    const entry = labelsByFeatures.get(k) ?? { labels: new Set<string>(), rows: 0 };
    entry.labels.add(cellKey(row[target], targetType));
    entry.rows++;
    labelsByFeatures.set(k, entry);
  }
  const conflicting = [...labelsByFeatures.values()].filter((e) => e.labels.size > 1);
  return { groups: conflicting.length, rows: conflicting.reduce((s, e) => s + e.rows, 0) };
}

function valueSet(rows: readonly Row[], name: string, type: ColumnType): Map<string, number> {
  const m = new Map<string, number>();
  for (const row of rows) {
    const c = classifyCell(row[name]);
    if (c.kind === 'value') {
      const k = valueKey(c.value, type);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  return m;
}

function categoryDifferences(current: readonly Row[], reference: readonly Row[], columns: readonly ColumnSummary[], target?: string): CategoryDifference[] {
  const out: CategoryDifference[] = [];
  for (const c of columns) {
    if (!['categorical', 'boolean', 'text'].includes(c.type) && c.name !== target) continue;
    const cur = valueSet(current, c.name, c.type);
    const ref = valueSet(reference, c.name, c.type);
    const unseen = [...cur].filter(([v]) => !ref.has(v)).sort((a, b) => b[1] - a[1]);
    out.push({
      column: c.name,
      unseenValues: unseen.slice(0, 20).map(([value, count]) => ({ value, count })),
      unseenDistinct: unseen.length,
      unseenRows: unseen.reduce((s, [, n]) => s + n, 0),
      vanishedValues: [...ref.keys()].filter((v) => !cur.has(v)).slice(0, 20),
    });
  }
  return out;
}

/** Every category of the columns compared as categories whose top values do not list them all. */
function categoryCounts(current: readonly Row[], reference: readonly Row[], columns: readonly ColumnSummary[], refColumns: readonly ColumnSummary[]): CategoryCounts[] {
  const out: CategoryCounts[] = [];
  for (const c of columns) {
    const r = refColumns.find((x) => x.name === c.name);
    if (!r || sharedKind(r, c, DEFAULT_THRESHOLDS).kind !== 'categorical' || (r.otherCount === 0 && c.otherCount === 0)) continue;
    const cur = valueSet(current, c.name, c.type);
    const ref = valueSet(reference, c.name, c.type);
    const keys = [...new Set([...cur.keys(), ...ref.keys()])];
    out.push({ column: c.name, reference: keys.map((k) => ref.get(k) ?? 0), current: keys.map((k) => cur.get(k) ?? 0) });
  }
  return out;
}

function timesOf(rows: readonly Row[], name: string): number[] {
  return rows.map((r) => classifyCell(r[name])).flatMap((c) => (c.kind === 'value' ? [numericValue(c.value, 'datetime')] : [])).filter((v): v is number => v !== undefined);
}

function referenceFacts(current: readonly Row[], reference: readonly Row[], columns: readonly ColumnSummary[], options: BuildOptions): ReferenceFacts {
  // The reference is profiled with the current file's types so both sides count values alike.
  const types = Object.fromEntries(columns.map((c) => [c.name, c.type]));
  const refColumns = summarise(reference, columnNames(reference), { ...types, ...options.types });
  const refKeys = new Set(reference.map((r) => rowKey(r, columns)));
  const facts: ReferenceFacts = {
    ...(options.referenceFile ? { file: options.referenceFile } : {}),
    rows: reference.length,
    columns: refColumns,
    overlapRows: current.filter((r) => refKeys.has(rowKey(r, columns))).length,
    categoryDifferences: categoryDifferences(current, reference, columns, options.target),
  };
  const counts = categoryCounts(current, reference, columns, refColumns);
  if (counts.length > 0) facts.categoryCounts = counts;
  if (options.id) {
    const idType = types[options.id] ?? 'identifier';
    const cur = valueSet(current, options.id, idType);
    const ref = valueSet(reference, options.id, idType);
    const shared = [...cur.keys()].filter((v) => ref.has(v));
    facts.idOverlap = {
      column: options.id,
      currentDistinct: cur.size,
      referenceDistinct: ref.size,
      sharedIds: shared.length,
      currentRowsWithSharedId: shared.reduce((s, v) => s + (cur.get(v) ?? 0), 0),
    };
  }
  if (options.time) {
    const cur = timesOf(current, options.time);
    const ref = timesOf(reference, options.time);
    if (cur.length > 0 && ref.length > 0) {
      const refMax = ref.reduce((a, b) => Math.max(a, b));
      const iso = (ms: number) => new Date(ms).toISOString();
      facts.time = {
        column: options.time,
        referenceMin: iso(ref.reduce((a, b) => Math.min(a, b))),
        referenceMax: iso(refMax),
        currentMin: iso(cur.reduce((a, b) => Math.min(a, b))),
        currentMax: iso(cur.reduce((a, b) => Math.max(a, b))),
        currentRowsNotAfterReference: cur.filter((v) => v <= refMax).length,
      };
    }
  }
  return facts;
}

export function buildCheckInput(rows: readonly Row[], options: BuildOptions = {}): CheckInput {
  const columns = summarise(rows, columnNames(rows), options.types);
  const input: CheckInput = {
    ...(options.file ? { file: options.file } : {}),
    rows: rows.length,
    columns,
    duplicateRows: duplicateCount(rows, columns),
    rowSample: rowSample(rows, columns),
  };
  if (options.target) {
    const c = conflicts(rows, columns, options.target, [options.id, options.time]);
    input.target = { column: options.target, conflictingGroups: c.groups, conflictingRows: c.rows };
  }
  if (options.reference) input.reference = referenceFacts(rows, options.reference, columns, options);
  return input;
}
