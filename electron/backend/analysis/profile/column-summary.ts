/**
 * Turn a finished ColumnAccumulator into the contract's ColumnSummary, plus the engine's own
 * labels saying which figures are estimates.
 */
import type { ColumnSummary, ValueCount } from '../../../../shared/quality/check-input';
import type { ColumnAccumulator } from './column-accumulator';
import type { DistinctCounter } from '../sketch/distinct-counter';
import { summariseNumeric } from './numeric-summary';
import { codeColumnVotes, inferColumnType } from './type-inference';

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

export function summariseColumn(acc: ColumnAccumulator): ColumnResult {
  const count = acc.count;
  // A HyperLogLog estimate can overshoot the number of values it saw (41,197 distinct in 40,000
  // cells); no column has more distinct values than non-missing cells.
  const distinct = Math.min(acc.distinct.distinct(), count);
  const meanLength = count > 0 ? acc.lenSum / count : 0;
  const votes = codeColumnVotes(acc.votes, acc.codes);
  const type = inferColumnType({ name: acc.name, votes, distinct, distinctIsEstimate: acc.distinct.estimated, textWithSpace: acc.textWithSpace, meanLength });
  const entries = acc.distinct.entries();
  entries.sort((a, b) => b.count - a.count || a.rank - b.rank);
  const topValues: ValueCount[] = entries.slice(0, TOP_VALUES).map((e) => ({ value: valueText(e.value), count: e.count }));
  const topSum = topValues.reduce((s, t) => s + t.count, 0);
  // Whole numbers keep a sample too: card numbers stored as numbers are personal data (pii).
  const isNumericType = type === 'float' || type === 'datetime';
  const distinctSample: ValueCount[] = isNumericType
    ? []
    : entries
        .slice()
        .sort((a, b) => a.rank - b.rank)
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
    distinctSample,
  };
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
