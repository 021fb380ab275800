/**
 * Assemble the CheckInput contract (shared/quality/check-input.ts) from one analysed file and,
 * optionally, the reference it is compared with: row overlap from sorted row hashes, shared ids
 * from sorted id hashes, time ranges, and categories unseen in the reference from the exact
 * distinct tables.
 */
import { basename } from 'node:path';
import type { CategoryCounts, CategoryDifference, CheckInput, EngineNote, ReferenceFacts } from '../../../shared/quality/check-input';
import { isCategoryColumn, sharedKind } from '../../../shared/quality/drift/column-kind';
import { DEFAULT_THRESHOLDS } from '../../../shared/quality/thresholds';
import { compareParts } from './sketch/sorted-parts';
import { type ColumnResult, valueText } from './profile/column-summary';
import type { DatasetFacts } from './profile/dataset-facts';

const MAX_LISTED = 20;

export interface CheckRoles {
  target?: string;
  id?: string;
  time?: string;
}

function categoryDifference(cur: ColumnResult, ref: ColumnResult): CategoryDifference | null {
  // Only a complete reference table can say a value never occurs there.
  if (ref.counter.estimated) return null;
  const unseen: Array<{ value: string; count: number }> = [];
  for (const e of cur.counter.entries()) {
    if (ref.counter.find(e.hi, e.lo) < 0) unseen.push({ value: valueText(e.value), count: e.count });
  }
  unseen.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  const vanished: string[] = [];
  if (!cur.counter.estimated) {
    const refEntries = ref.counter.entries().sort((a, b) => b.count - a.count);
    for (const e of refEntries) {
      if (vanished.length >= MAX_LISTED) break;
      if (cur.counter.find(e.hi, e.lo) < 0) vanished.push(valueText(e.value));
    }
  }
  return {
    column: cur.summary.name,
    unseenValues: unseen.slice(0, MAX_LISTED),
    unseenDistinct: unseen.length,
    unseenRows: unseen.reduce((s, u) => s + u.count, 0),
    vanishedValues: vanished,
  };
}

/** Every category of a column in both files, aligned, from the exact distinct tables. */
function categoryCounts(cur: ColumnResult, ref: ColumnResult): CategoryCounts {
  const reference: number[] = [];
  const current: number[] = [];
  for (const e of cur.counter.entries()) {
    const slot = ref.counter.find(e.hi, e.lo);
    reference.push(slot < 0 ? 0 : ref.counter.counts[slot]!);
    current.push(e.count);
  }
  for (const e of ref.counter.entries()) {
    if (cur.counter.find(e.hi, e.lo) >= 0) continue;
    reference.push(e.count);
    current.push(0);
  }
  return { column: cur.summary.name, reference, current };
}

function referenceFacts(cur: DatasetFacts, ref: DatasetFacts, refFile: string, roles: CheckRoles, notes: EngineNote[]): ReferenceFacts {
  const out: ReferenceFacts = {
    file: basename(refFile),
    rows: ref.rows,
    columns: ref.columns.map((c) => c.summary),
    overlapRows: compareParts(cur.rowHashes, ref.rowHashes).inBoth,
    categoryDifferences: [],
  };
  if (roles.id && cur.idHashes && ref.idHashes) {
    const ids = compareParts(cur.idHashes, ref.idHashes);
    out.idOverlap = {
      column: roles.id,
      currentDistinct: ids.aDistinct,
      referenceDistinct: ids.bDistinct,
      sharedIds: ids.distinctShared,
      currentRowsWithSharedId: ids.inBoth,
    };
  }
  if (roles.time) {
    const c = cur.columns.find((x) => x.summary.name === roles.time)?.summary.timeRange;
    const r = ref.columns.find((x) => x.summary.name === roles.time)?.summary.timeRange;
    if (c && r) {
      out.time = { column: roles.time, referenceMin: r.min, referenceMax: r.max, currentMin: c.min, currentMax: c.max, currentRowsNotAfterReference: cur.timeNotAfterCount };
    }
  }
  const refByName = new Map(ref.columns.map((c) => [c.summary.name, c]));
  const t = DEFAULT_THRESHOLDS;
  const tooMany: string[] = [];
  for (const c of cur.columns) {
    const r = refByName.get(c.summary.name);
    if (!r) continue;
    // One kind for both files (shared/quality/drift/column-kind.ts), as the checks judge it.
    if (isCategoryColumn(r.summary, c.summary, t) || c.summary.name === roles.target) {
      const diff = categoryDifference(c, r);
      if (diff) out.categoryDifferences.push(diff);
      else if (c.summary.name !== roles.id) tooMany.push(c.summary.name);
    }
    const listsAll = r.summary.otherCount === 0 && c.summary.otherCount === 0;
    if (sharedKind(r.summary, c.summary, t).kind === 'categorical' && !listsAll && !r.counter.estimated && !c.counter.estimated) {
      (out.categoryCounts ??= []).push(categoryCounts(c, r));
    }
  }
  if (tooMany.length > 0) {
    notes.push({
      check: 'new_categories',
      message: `Not checked for ${tooMany.map((n) => `"${n}"`).join(', ')}: the reference has too many different values there to list every one, so a value cannot be called new.`,
    });
  }
  return out;
}

export function buildCheckInput(file: string, cur: DatasetFacts, roles: CheckRoles, reference?: { file: string; facts: DatasetFacts }): CheckInput {
  const input: CheckInput = {
    file: basename(file),
    rows: cur.rows,
    columns: cur.columns.map((c) => c.summary),
    duplicateRows: cur.duplicateRows,
    rowSample: cur.rowSample,
  };
  if (cur.target) input.target = cur.target;
  const notes: EngineNote[] = [...(cur.notes ?? []), ...(reference?.facts.notes ?? [])];
  if (reference) input.reference = referenceFacts(cur, reference.facts, reference.file, roles, notes);
  if (notes.length > 0) input.notes = notes;
  return input;
}
