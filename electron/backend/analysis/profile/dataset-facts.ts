/**
 * Finish (and consume) a DatasetAccumulator (and the parts merged into it): column summaries, duplicate rows
 * from sorted 64-bit row hashes, the typed row sample, conflicting-label groups, and the sorted
 * hash sets a comparison with a reference file needs.
 */
import type { ColumnType, RowSample, TargetFacts } from '../../../../shared/quality/check-input';
import { parseDateTimeBytes } from '../parse/datetime-bytes';
import { type HashList } from '../sketch/hash-list';
import { countRepeatsIn, forEachRepeat, type SortedParts } from '../sketch/sorted-parts';
import { type ColumnResult, summariseColumn } from './column-summary';
import { type DatasetAccumulator, unpackRow } from './dataset-accumulator';

export interface DatasetFacts {
  rows: number;
  columns: ColumnResult[];
  duplicateRows: number;
  rowSample: RowSample;
  target?: TargetFacts;
  /** 64-bit row hashes (with repeats) as sorted parts, one per byte range (see sorted-parts.ts). */
  rowHashes: SortedParts;
  /** Id-cell hashes (with repeats) as sorted parts, when an id column was named. */
  idHashes?: SortedParts;
  timeNotAfterCount: number;
  /** Estimated in-memory size as typed columns: 8 bytes a cell plus the text bytes. */
  memoryBytes: number;
  /** What reading the file decided that the report should say (e.g. the --time column's date order). */
  notes?: Array<{ check: string; message: string }>;
}

const encoder = new TextEncoder();

function typedCell(raw: string | null | undefined, type: ColumnType, numericId: boolean): string | number | null {
  // undefined: a JSON key that first appeared after this row was sampled.
  if (raw === null || raw === undefined) return null;
  if (type === 'integer' || type === 'float' || (type === 'identifier' && numericId)) {
    const x = Number(raw.trim());
    return Number.isFinite(x) ? x : null;
  }
  if (type === 'datetime') {
    const b = encoder.encode(raw);
    const t = parseDateTimeBytes(b, 0, b.length);
    return t === t ? t : null;
  }
  return raw;
}

function parts(acc: DatasetAccumulator): DatasetAccumulator[] {
  return [acc, ...acc.mergedParts];
}

/** The parts' hashes, each sorted (in place, on the thread that built it where possible). */
function sortedParts(lists: HashList[]): SortedParts {
  return lists.map((l) => l.sorted());
}

/**
 * Conflicting-label groups: feature hashes seen with two or more different label hashes.
 * Memory: sorted copies of the feature hashes per part (8 bytes a row), walked without building
 * their union; the per-row lists are released once read (finishDataset consumes the parts).
 */
function conflictingLabels(all: DatasetAccumulator[], column: string): TargetFacts {
  const features = all.map((p) => p.featureHashes!);
  const labels = all.map((p) => p.labelHashes!);
  const repeated = new Set<string>();
  {
    // Sorted copies (the per-row order is needed to pair features with labels); threads made theirs.
    const sortedCopies = all.map((p) => {
      if (p.featureHashesSorted === null) p.sortFeatureCopy();
      return p.featureHashesSorted!;
    });
    forEachRepeat(sortedCopies, (hi, lo) => repeated.add(`${hi}:${lo}`));
  }
  const groups = new Map<string, { label: number; conflict: boolean; rows: number }>();
  if (repeated.size > 0) {
    features.forEach((f, p) => {
      const lw = labels[p]!.words;
      for (let i = 0; i < f.length; i++) {
        const key = `${f.words[2 * i + 1]}:${f.words[2 * i]}`;
        if (!repeated.has(key)) continue;
        const label = lw[i]!;
        const g = groups.get(key);
        if (g === undefined) groups.set(key, { label, conflict: false, rows: 1 });
        else {
          g.rows++;
          if (g.label !== label) g.conflict = true;
        }
      }
    });
  }
  for (const p of all) {
    p.featureHashes = null;
    p.featureHashesSorted = null;
    p.labelHashes = null;
  }
  let conflictingGroups = 0;
  let conflictingRows = 0;
  for (const g of groups.values()) {
    if (g.conflict) {
      conflictingGroups++;
      conflictingRows += g.rows;
    }
  }
  return { column, conflictingGroups, conflictingRows };
}

export function finishDataset(acc: DatasetAccumulator, roles: { target?: string }): DatasetFacts {
  const all = parts(acc);
  const columns = acc.columns.map(summariseColumn);
  const types = columns.map((c) => c.summary.type);
  // Integer identifiers (1, 2, 3 ...) stay numbers in the row sample, as the contract's integers do.
  const numericIds = columns.map((c) => c.summary.typeVotes.integer + c.summary.typeVotes.float > c.summary.count / 2);
  const rowSample: RowSample = { columns: acc.names.slice(), rows: acc.rowSample.map((sampled) => {
    const raw = unpackRow(sampled);
    return types.map((t, c) => typedCell(raw[c], t, numericIds[c]!));
  }) };
  const target = roles.target && acc.featureHashes ? conflictingLabels(all, roles.target) : undefined;
  const rowHashes = sortedParts(all.map((p) => p.rowHashes));
  const idHashes = acc.idHashes ? sortedParts(all.map((p) => p.idHashes!)) : undefined;
  const memoryBytes = acc.columns.reduce((s, c) => s + 8 * acc.rows + c.textBytes, 0);
  // The --time column counted its rows not after the reference's last time (time-role.ts).
  const timeNotAfterCount = acc.columns.find((c) => c.timeRole !== null)?.timeRole?.notAfterCount ?? 0;
  const facts: DatasetFacts = { rows: acc.rows, columns, duplicateRows: countRepeatsIn(rowHashes), rowSample, rowHashes, timeNotAfterCount, memoryBytes };
  if (target) facts.target = target;
  if (idHashes) facts.idHashes = idHashes;
  return facts;
}
