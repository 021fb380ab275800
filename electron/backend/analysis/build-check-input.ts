/**
 * Assemble the CheckInput contract (shared/quality/check-input.ts) from one analysed file and,
 * optionally, the reference it is compared with: row overlap from sorted row hashes, shared ids
 * from sorted id hashes, time ranges, and categories unseen in the reference from the exact
 * distinct tables.
 */
import { basename } from 'node:path';
import type { CategoryDifference, CheckInput, EngineNote, ReferenceFacts } from '../../../shared/quality/check-input';
import { compareParts } from './sketch/sorted-parts';
import { type ColumnResult, valueText } from './profile/column-summary';
import type { DatasetFacts } from './profile/dataset-facts';

const MAX_LISTED = 20;
const CATEGORY_TYPES = new Set(['categorical', 'boolean', 'text']);

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

function referenceFacts(cur: DatasetFacts, ref: DatasetFacts, refFile: string, roles: CheckRoles): ReferenceFacts {
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
  for (const c of cur.columns) {
    const r = refByName.get(c.summary.name);
    if (!r) continue;
    if (!CATEGORY_TYPES.has(c.summary.type) && c.summary.name !== roles.target) continue;
    const diff = categoryDifference(c, r);
    if (diff) out.categoryDifferences.push(diff);
  }
  return out;
}

/** One note per column the reader left out of a file. */
function unreadableNotes(file: string, facts: DatasetFacts): EngineNote[] {
  return (facts.unreadable ?? []).map((u) => ({
    check: 'read',
    message: `Column "${u.column}" of ${basename(file)} was left out of every check: its values cannot be decoded (${u.reason}).`,
  }));
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
  if (reference) input.reference = referenceFacts(cur, reference.facts, reference.file, roles);
  const notes = [...unreadableNotes(file, cur), ...(reference ? unreadableNotes(reference.file, reference.facts) : [])];
  if (notes.length > 0) input.notes = notes;
  return input;
}
