/**
 * One kind per column for both files. The engine infers a type per file, so the same column can
 * come out "categorical" in one file and "text" in the other (a county column whose values repeat
 * less in a small file); judging each file by its own type made drift and new_categories skip it.
 * Here both files' types decide together what the column is compared as, or why it is not.
 */
import type { ColumnSummary, ColumnType } from '../check-input';
import type { QualityThresholds } from '../thresholds';

export type SharedKind = { kind: 'numeric' | 'categorical' } | { kind: 'skip'; reason: string };

const NUMERIC: ReadonlySet<ColumnType> = new Set(['integer', 'float']);
const CATEGORY: ReadonlySet<ColumnType> = new Set(['categorical', 'boolean']);
const WORDS: Record<ColumnType, string> = {
  integer: 'whole numbers',
  float: 'numbers',
  boolean: 'yes/no values',
  datetime: 'dates',
  categorical: 'categories',
  text: 'free text',
  identifier: 'identifiers',
};

/** How a column is compared between the reference and the checked file. */
export function sharedKind(ref: ColumnSummary, cur: ColumnSummary, t: QualityThresholds): SharedKind {
  const types = new Set([ref.type, cur.type]);
  const both = (set: ReadonlySet<ColumnType>) => set.has(ref.type) && set.has(cur.type);
  if (both(NUMERIC) && ref.numeric && cur.numeric) return { kind: ref.distinct <= t.driftCategoricalMaxDistinct ? 'categorical' : 'numeric' };
  // A category in either file, and categories, free text or ids in the other: its values repeat,
  // so it is a category column that one file holds too few rows of to show it.
  if ((CATEGORY.has(ref.type) || CATEGORY.has(cur.type)) && [...types].every((x) => CATEGORY.has(x) || x === 'text' || x === 'identifier')) return { kind: 'categorical' };
  // An id in either file (zip codes with leading zeros in one file, none in the other) is an id.
  if (types.has('identifier')) return { kind: 'skip', reason: 'identifiers, new in every file by nature' };
  if (types.size === 1) {
    if (ref.type === 'datetime') return { kind: 'skip', reason: 'dates, which move on by design' };
    return { kind: 'skip', reason: 'free text, where almost every value is new' };
  }
  return { kind: 'skip', reason: `${WORDS[ref.type]} in the reference but ${WORDS[cur.type]} in the checked file, so there is no one way to compare them` };
}

/**
 * Whether a column's values are categories to look for new ones in (new_categories): compared as
 * categories, and not numbers in both files (a 1-5 rating is compared as categories for drift,
 * but a new number is not a new category).
 */
export function isCategoryColumn(ref: ColumnSummary, cur: ColumnSummary, t: QualityThresholds): boolean {
  return sharedKind(ref, cur, t).kind === 'categorical' && !(NUMERIC.has(ref.type) && NUMERIC.has(cur.type));
}
