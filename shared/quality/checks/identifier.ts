/**
 * unique_identifier (a column with a different value in (almost) every row: a model can memorise
 * it instead of learning) and high_cardinality (a categorical column with very many categories).
 */
import type { ColumnSummary } from '../check-input';
import type { CheckDefinition } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatShare } from '../format';

/** Float and time columns are naturally all-distinct; booleans never are. */
const ID_CAPABLE_TYPES = new Set(['identifier', 'integer', 'categorical', 'text']);

/** Mean length above which a text column reads as prose rather than codes. */
export const FREE_TEXT_MEAN_LENGTH = 40;

/** Long on average, or mostly several words: identifiers are short and have no spaces. */
export function looksLikeProse(c: ColumnSummary): boolean {
  if ((c.textLength?.mean ?? 0) > FREE_TEXT_MEAN_LENGTH) return true;
  const sample = c.distinctSample.length > 0 ? c.distinctSample : c.topValues;
  const withSpace = sample.filter((v) => /\S\s+\S/.test(v.value)).length;
  return sample.length > 0 && withSpace / sample.length >= 0.5;
}

/** Names people give key columns: customer_id, order_no, uuid, account_number, sku ... */
const ID_NAME = /(^|[_\s-])(id|ids|uuid|guid|key|no|nr|num|number|code|sku|ref)$|^id[_\s-]/i;
/** camelCase keys (customerId, orderNo); case-sensitive so "paid" or "valid" do not match. */
const CAMEL_ID_NAME = /[a-z](Id|ID|No|Key|Uuid)$/;

export function hasIdName(name: string): boolean {
  const n = name.trim();
  return ID_NAME.test(n) || CAMEL_ID_NAME.test(n);
}

/**
 * An all-distinct integer column is an id when it is named like one or its values fill their range
 * densely (1, 2, 3 ... a row number). A measurement such as income in cents is all-distinct too,
 * but spread thinly over a wide range, and is not an identifier.
 */
export function integerLooksLikeId(c: ColumnSummary): boolean {
  if (hasIdName(c.name)) return true;
  const n = c.numeric;
  if (!n) return false;
  const span = n.max - n.min + 1;
  return span > 0 && c.distinct / span >= 0.5;
}

export function uniqueRatio(c: ColumnSummary): number {
  return c.count > 0 ? c.distinct / c.count : 0;
}

export const uniqueIdentifierCheck: CheckDefinition = {
  id: 'unique_identifier',
  title: 'Identifier-like column',
  about: 'A column with a different value in every row lets a model memorise rows instead of learning.',
  needs: 'dataset',
  run({ input, thresholds: t, options }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      // The declared --id column is an id by the user's own statement; nothing to tell them.
      if (c.name === options.id || !ID_CAPABLE_TYPES.has(c.type)) continue;
      if (c.count < t.minValuesForColumnJudgement) continue;
      // Free text (comments, descriptions) is all-distinct without being an identifier.
      if (c.type === 'text' && looksLikeProse(c)) continue;
      const ratio = uniqueRatio(c);
      if (c.type !== 'identifier' && ratio < t.uniqueIdentifierRatio) continue;
      if (c.type === 'integer' && !integerLooksLikeId(c)) continue;
      findings.push({
        id: 'unique_identifier',
        severity: 'warning',
        column: c.name,
        count: c.distinct,
        share: Math.min(1, ratio),
        details: { distinct: c.distinct, distinctIsEstimate: c.distinctIsEstimate, nonMissing: c.count, inferredType: c.type },
        message: `Column ${col(c.name)} looks like an identifier: ${formatShare(Math.min(1, ratio))} of its ${formatCount(c.count)} values are different. A model can memorise it instead of learning something that carries over to new data.`,
        advice: `Leave ${col(c.name)} out of the features; if it identifies a person or entity, pass it as --id so Tally can check that the same entity is not in both training and test.`,
      });
    }
    return findings;
  },
};

export const highCardinalityCheck: CheckDefinition = {
  id: 'high_cardinality',
  title: 'High cardinality',
  about: 'A category column with very many values leaves most of them too rare to learn.',
  needs: 'dataset',
  run({ input, thresholds: t, options }) {
    const findings: Finding[] = [];
    for (const c of input.columns) {
      if (c.type !== 'categorical' || c.name === options.target) continue;
      if (c.distinct <= t.highCardinalityDistinct) continue;
      // All-distinct columns are reported by unique_identifier instead.
      if (c.count >= t.minValuesForColumnJudgement && uniqueRatio(c) >= t.uniqueIdentifierRatio) continue;
      findings.push({
        id: 'high_cardinality',
        severity: 'info',
        column: c.name,
        count: c.distinct,
        details: { distinct: c.distinct, distinctIsEstimate: c.distinctIsEstimate, threshold: t.highCardinalityDistinct },
        message: `Column ${col(c.name)} has ${c.distinctIsEstimate ? 'about ' : ''}${formatCount(c.distinct)} different categories; many of them will be too rare for a model to learn from.`,
        advice: `Group rare categories into "other", or use an encoding made for many categories (target or hash encoding) instead of one-hot.`,
      });
    }
    return findings;
  },
};
