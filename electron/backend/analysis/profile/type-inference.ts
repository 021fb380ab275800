/**
 * Decide a column's type from its cell votes and distinct count. Rules (first that applies):
 * - no values at all -> text;
 * - the majority kind among numeric / date-time / boolean / text wins (a "price" column with 2%
 *   stray words is still a number column; the mixed_types check reports the stray cells);
 * - integers that are unique per row in a column whose name says id/key -> identifier;
 * - text unique per row, short and without spaces (uuids, hashes, emails) -> identifier;
 * - text with at most half as many distinct values as cells and short values -> categorical;
 * - otherwise text.
 */
import type { ColumnType, TypeVotes } from '../../../../shared/quality/check-input';

const ID_NAME = /(^|[_\s.-])(id|uuid|guid|key)$|^(id|uuid|guid)([_\s.-]|$)|[a-z](Id|ID|Key|Uuid)$/i;

export interface TypeEvidence {
  name: string;
  votes: TypeVotes;
  distinct: number;
  /** The distinct count is a HyperLogLog estimate (about 1% error), so "unique" is judged looser. */
  distinctIsEstimate: boolean;
  /** Non-missing text cells containing a space. */
  textWithSpace: number;
  meanLength: number;
}

/** Share of a column's values written as codes ("00501") from which its integers are codes too. */
export const CODE_COLUMN_SHARE = 0.01;

/**
 * Votes as the column should be judged: in a column of codes (zip codes with leading zeros, where
 * "12345" and "00501" are the same kind of value) the integer cells are codes too, so they count
 * as text and mixed_types does not call the column mixed.
 */
export function codeColumnVotes(votes: TypeVotes, codes: number): TypeVotes {
  const count = votes.integer + votes.float + votes.boolean + votes.datetime + votes.text;
  if (codes === 0 || votes.float > 0 || codes < count * CODE_COLUMN_SHARE) return votes;
  return { ...votes, integer: 0, text: votes.text + votes.integer };
}

export function inferColumnType(e: TypeEvidence): ColumnType {
  const v = e.votes;
  const count = v.integer + v.float + v.boolean + v.datetime + v.text;
  if (count === 0) return 'text';
  const numeric = v.integer + v.float;
  const best = Math.max(numeric, v.datetime, v.boolean, v.text);
  const unique = count >= 10 && e.distinct >= count * (e.distinctIsEstimate ? 0.97 : 0.99);
  if (numeric === best) {
    if (v.float > 0) return 'float';
    if (unique && ID_NAME.test(e.name)) return 'identifier';
    return 'integer';
  }
  if (v.datetime === best) return 'datetime';
  if (v.boolean === best) return 'boolean';
  const spacey = e.textWithSpace > count * 0.1;
  if (unique && !spacey && e.meanLength <= 64) return 'identifier';
  if (e.distinct <= Math.max(2, count * 0.5) && e.meanLength <= 50 && !spacey) return 'categorical';
  if (e.distinct <= Math.max(2, count * 0.05)) return 'categorical';
  return 'text';
}
