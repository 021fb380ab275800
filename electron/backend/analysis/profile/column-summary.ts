/**
 * Turn a finished ColumnAccumulator into the contract's ColumnSummary, plus the engine's own
 * labels saying which figures are estimates.
 */
import type { ColumnSummary, ValueCount } from '../../../../shared/quality/check-input';
import type { ColumnAccumulator } from './column-accumulator';
import type { DistinctCounter } from '../sketch/distinct-counter';
import { summariseNumeric } from './numeric-summary';
import { codeColumnVotes, inferColumnType } from './type-inference';
import { disguisedMissingToken, placeholderIsCategory } from '../../../../shared/quality/missing-tokens';
import { hashString } from '../sketch/hash64';

export const TOP_VALUES = 50;
export const DISTINCT_SAMPLE_CAP = 1000;

/** Which figures of a column are estimates rather than exact. */
export interface ColumnEstimates {
  distinct: boolean;
  quantiles: boolean;
  topValues: boolean;
}

export interface ColumnResult {
  summary: ColumnSummary;
  estimates: ColumnEstimates;
  /** The column's distinct-value table, for comparisons with a reference file (not serialised). */
  counter: DistinctCounter;
}

export function valueText(v: string | number | undefined): string {
  return typeof v === 'number' ? String(v) : (v ?? '');
}

/**
 * Placeholder words that this column uses as a category ("None" as the commonest damage level)
 * become values: their cells move from disguised to counted text, into the distinct table.
 */
function placeholderValues(acc: ColumnAccumulator): ValueCount[] {
  if (acc.wordSpellings.size === 0) return [];
  const count = acc.count;
  const distinct = Math.min(acc.distinct.distinct(), count);
  const type = inferColumnType({ name: acc.name, votes: codeColumnVotes(acc.votes, acc.codes), distinct, distinctIsEstimate: acc.distinct.estimated, textWithSpace: acc.textWithSpace, meanLength: count > 0 ? acc.lenSum / count : 0 });
  const moved: ValueCount[] = [];
  const hash = new Uint32Array(2);
  for (const [raw, n] of acc.wordSpellings) {
    const token = disguisedMissingToken(raw)!;
    if (!placeholderIsCategory(token, acc.disguisedTokens.get(token) ?? n, count, distinct, type)) continue;
    hashString(raw, hash);
    acc.distinct.addCounted(hash[0]!, hash[1]!, n, raw);
    acc.disguised -= n;
    const left = (acc.disguisedTokens.get(token) ?? n) - n;
    if (left > 0) acc.disguisedTokens.set(token, left);
    else acc.disguisedTokens.delete(token);
    acc.votes.text += n;
    acc.lenSum += raw.length * n;
    acc.lenMin = Math.min(acc.lenMin, raw.length);
    acc.lenMax = Math.max(acc.lenMax, raw.length);
    moved.push({ value: raw, count: n });
  }
  return moved;
}

export function summariseColumn(acc: ColumnAccumulator): ColumnResult {
  const asValues = placeholderValues(acc);
  const count = acc.count;
  // A HyperLogLog estimate can overshoot the number of values it saw (41,197 distinct in 40,000
  // cells); no column has more distinct values than non-missing cells.
  const distinct = Math.min(acc.distinct.distinct(), count);
  const meanLength = count > 0 ? acc.lenSum / count : 0;
  const votes = codeColumnVotes(acc.votes, acc.codes);
  const type = inferColumnType({ name: acc.name, votes, distinct, distinctIsEstimate: acc.distinct.estimated, textWithSpace: acc.textWithSpace, meanLength });
  const entries = acc.distinct.topEntries();
  entries.sort((a, b) => b.count - a.count || a.rank - b.rank || (valueText(a.value) < valueText(b.value) ? -1 : 1));
  const topValues: ValueCount[] = entries.slice(0, TOP_VALUES).map((e) => ({ value: valueText(e.value), count: e.count }));
  const topSum = topValues.reduce((s, t) => s + t.count, 0);
  // Whole numbers keep a sample too: card numbers stored as numbers are personal data (pii).
  const isNumericType = type === 'float' || type === 'datetime';
  const distinctSample: ValueCount[] = isNumericType
    ? []
    : acc.distinct
        .sampleEntries()
        .slice(0, DISTINCT_SAMPLE_CAP)
        .map((e) => ({ value: valueText(e.value), count: e.count }));
  const summary: ColumnSummary = {
    name: acc.name,
    type,
    count,
    missing: acc.missing,
    disguisedMissing: acc.disguised,
    disguisedTokens: [...acc.disguisedTokens].map(([value, n]) => ({ value, count: n })).sort((a, b) => b.count - a.count),
    distinct,
    distinctIsEstimate: acc.distinct.estimated,
    typeVotes: { ...votes },
    topValues,
    otherCount: Math.max(0, count - topSum),
    topValuesAreEstimates: acc.distinct.estimated,
    topValuesMaxError: acc.distinct.maxError(),
    distinctSample,
  };
  if (asValues.length > 0) summary.placeholderValues = asValues;
  let quantilesEstimated = false;
  if (type === 'integer' || type === 'float') {
    const r = summariseNumeric(acc.num, acc.seed);
    summary.numeric = r.summary;
    quantilesEstimated = r.estimated;
  } else if (type === 'datetime' && acc.time !== null) {
    const r = summariseNumeric(acc.time, acc.seed);
    summary.numeric = r.summary;
    quantilesEstimated = r.estimated;
    summary.timeRange = { min: new Date(r.summary.min).toISOString(), max: new Date(r.summary.max).toISOString() };
  }
  if (type === 'text' || type === 'categorical' || type === 'identifier') {
    summary.textLength = { min: count > 0 ? acc.lenMin : 0, max: acc.lenMax, mean: meanLength };
  }
  return { summary, estimates: { distinct: acc.distinct.estimated, quantiles: quantilesEstimated, topValues: acc.distinct.estimated }, counter: acc.distinct };
}
