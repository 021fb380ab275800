/**
 * An in-memory reference implementation of the engine's per-column profile: it builds a
 * ColumnSummary from a column's cells exactly as check-input.ts documents each field. Tests
 * use it to plant defects; the engine engineer can diff the streaming engine's output against it.
 */
import { skewness } from '../../evaluation/stats';
import type { ColumnSummary, ColumnType, NumericSummary, Quantiles, TypeVotes, ValueCount } from '../check-input';
import { disguisedMissingToken, placeholderIsCategory } from '../missing-tokens';
import { type Random, seededRandom } from './random';

export type Cell = string | number | boolean | null | undefined;

export const TOP_VALUES_CAP = 50;
export const DISTINCT_SAMPLE_CAP = 1000;
export const NUMERIC_SAMPLE_CAP = 10_000;
const HISTOGRAM_BINS = 10;

const INTEGER = /^[+-]?\d+$/;
const FLOAT = /^[+-]?(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?$/;
const BOOLEAN = /^(?:true|false|yes|no)$/i;
/** Written as codes, never as numbers: a leading zero ("00501") or a bare exponent ("0E8"). */
const CODE = /^[+-]?(?:0\d|\d+[eE]\d)/;
const DATETIME = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

type Vote = keyof TypeVotes;

export function voteOf(cell: string | number | boolean): Vote {
  if (typeof cell === 'number') return Number.isInteger(cell) ? 'integer' : 'float';
  if (typeof cell === 'boolean') return 'boolean';
  const t = cell.trim();
  if (CODE.test(t) && FLOAT.test(t)) return 'text';
  if (INTEGER.test(t)) return 'integer';
  if (FLOAT.test(t)) return 'float';
  if (BOOLEAN.test(t)) return 'boolean';
  if (DATETIME.test(t) && !Number.isNaN(Date.parse(t))) return 'datetime';
  return 'text';
}

/** Classification of one cell: real missing, a disguised placeholder, or a value. */
export function classifyCell(cell: Cell): { kind: 'missing' } | { kind: 'disguised'; token: string } | { kind: 'value'; value: string | number | boolean } {
  if (cell === null || cell === undefined || cell === '') return { kind: 'missing' };
  if (typeof cell === 'number' && !Number.isFinite(cell)) return { kind: 'missing' };
  if (typeof cell === 'string') {
    const token = disguisedMissingToken(cell);
    if (token !== undefined) return { kind: 'disguised', token };
  }
  return { kind: 'value', value: cell };
}

export function inferType(votes: TypeVotes, distinct: number, count: number, meanLength: number, spacedShare = 0): ColumnType {
  const kinds: [ColumnType | 'number', number][] = [
    ['number', votes.integer + votes.float],
    ['boolean', votes.boolean],
    ['datetime', votes.datetime],
    ['text', votes.text],
  ];
  const [winner] = kinds.reduce((best, k) => (k[1] > best[1] ? k : best));
  if (winner === 'number') return votes.float > 0 ? 'float' : 'integer';
  if (winner !== 'text') return winner;
  // Identifiers are short single tokens; mostly multi-word values are text, however distinct.
  if (count >= 20 && distinct / count >= 0.99 && meanLength <= 64 && spacedShare < 0.5) return 'identifier';
  if (meanLength > 40 || (count >= 20 && distinct / count > 0.5)) return 'text';
  return 'categorical';
}

/** numpy's default (linear) quantile of sorted values. */
export function quantileOfSorted(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Uniform reservoir sample (Algorithm R) with a seeded generator, so tests are reproducible. */
export function reservoir<T>(items: readonly T[], cap: number, random: Random = seededRandom(7)): T[] {
  if (items.length <= cap) return [...items];
  const out = items.slice(0, cap);
  for (let i = cap; i < items.length; i++) {
    const j = Math.floor(random() * (i + 1));
    if (j < cap) out[j] = items[i];
  }
  return out;
}

export function numericSummary(values: readonly number[]): NumericSummary {
  const sorted = [...values].sort((a, b) => a - b);
  const n = sorted.length;
  const mean = sorted.reduce((s, v) => s + v, 0) / Math.max(1, n);
  const variance = n > 1 ? sorted.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1) : 0;
  const q = (p: number) => quantileOfSorted(sorted, p);
  const quantiles: Quantiles = { p1: q(0.01), p5: q(0.05), p25: q(0.25), p50: q(0.5), p75: q(0.75), p95: q(0.95), p99: q(0.99) };
  const min = sorted[0] ?? 0;
  const max = sorted[n - 1] ?? 0;
  const width = (max - min) / HISTOGRAM_BINS;
  const edges = Array.from({ length: HISTOGRAM_BINS + 1 }, (_, i) => (width > 0 ? min + i * width : min + i));
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of sorted) counts[width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.floor((v - min) / width)) : 0]++;
  return {
    min,
    max,
    mean,
    std: Math.sqrt(variance),
    zeros: sorted.filter((v) => v === 0).length,
    negatives: sorted.filter((v) => v < 0).length,
    quantiles,
    skewness: skewness(sorted),
    histogram: { edges, counts },
    quantilesAreEstimates: false,
    sample: reservoir(values, NUMERIC_SAMPLE_CAP),
  };
}

function countsOf(values: readonly string[]): ValueCount[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
}

/** The numeric reading of a value for integer/float/datetime columns (undefined if it has none). */
export function numericValue(value: string | number | boolean, type: ColumnType): number | undefined {
  if (type === 'datetime') {
    const ms = typeof value === 'string' ? Date.parse(value.trim()) : NaN;
    return Number.isNaN(ms) ? undefined : ms;
  }
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && FLOAT.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** The text a value is counted under (numbers canonicalised so "1.0" and 1 are one value). */
export function valueKey(value: string | number | boolean, type: ColumnType): string {
  if (type === 'integer' || type === 'float') {
    const n = numericValue(value, type);
    return n === undefined ? String(value) : String(n);
  }
  return String(value);
}

export function buildColumnSummary(name: string, cells: readonly Cell[], forcedType?: ColumnType): ColumnSummary {
  const votes: TypeVotes = { integer: 0, float: 0, boolean: 0, datetime: 0, text: 0 };
  const values: (string | number | boolean)[] = [];
  let tokens: string[] = [];
  const spelled: string[] = [];
  let missing = 0;
  for (const cell of cells) {
    const c = classifyCell(cell);
    if (c.kind === 'missing') missing++;
    else if (c.kind === 'disguised') {
      tokens.push(c.token);
      spelled.push(String(cell));
    } else {
      votes[voteOf(c.value)]++;
      values.push(c.value);
    }
  }
  // A placeholder word the column uses as one of its categories ("None" damage) is a value.
  const placeholderValues: ValueCount[] = [];
  {
    const raw0 = values.map(String);
    const distinct0 = new Set(raw0).size;
    const type0 = forcedType ?? inferType(votes, distinct0, values.length, raw0.reduce((s, v) => s + v.length, 0) / Math.max(1, raw0.length));
    for (const token of new Set(tokens)) {
      const cellsOf = tokens.filter((x) => x === token).length;
      if (!placeholderIsCategory(token, cellsOf, values.length, distinct0, type0)) continue;
      for (const [value, count] of countsOf(spelled.filter((_, i) => tokens[i] === token)).map((v) => [v.value, v.count] as const)) {
        placeholderValues.push({ value, count });
        for (let k = 0; k < count; k++) values.push(value);
        votes.text += count;
      }
    }
    if (placeholderValues.length > 0) {
      const kept = new Set(placeholderValues.map((p) => disguisedMissingToken(p.value)));
      tokens = tokens.filter((x) => !kept.has(x));
    }
  }
  // A column with codes among its integers ("00501" beside "12345") is a column of codes.
  const codes = values.filter((v) => typeof v === 'string' && CODE.test(v.trim()) && FLOAT.test(v.trim())).length;
  if (codes > 0 && votes.float === 0 && codes >= values.length * 0.01) {
    votes.text += votes.integer;
    votes.integer = 0;
  }
  const raw = values.map(String);
  const distinct = new Set(raw).size;
  const meanLength = raw.reduce((s, v) => s + v.length, 0) / Math.max(1, raw.length);
  const spacedShare = raw.filter((v) => /\S\s+\S/.test(v)).length / Math.max(1, raw.length);
  const type = forcedType ?? inferType(votes, distinct, values.length, meanLength, spacedShare);
  const keys = values.map((v) => valueKey(v, type));
  const all = countsOf(keys);
  const top = all.slice(0, TOP_VALUES_CAP);
  const isNumeric = type === 'integer' || type === 'float' || type === 'datetime';
  const numbers = isNumeric ? values.map((v) => numericValue(v, type)).filter((v): v is number => v !== undefined) : [];
  const lengths = keys.map((k) => k.length);
  const summary: ColumnSummary = {
    name,
    type,
    count: values.length,
    missing,
    disguisedMissing: tokens.length,
    disguisedTokens: countsOf(tokens),
    distinct: all.length,
    distinctIsEstimate: false,
    typeVotes: votes,
    topValues: top,
    otherCount: values.length - top.reduce((s, v) => s + v.count, 0),
    topValuesAreEstimates: false,
    distinctSample: type === 'float' || type === 'datetime' ? [] : all.slice(0, DISTINCT_SAMPLE_CAP),
  };
  if (placeholderValues.length > 0) summary.placeholderValues = placeholderValues;
  if (isNumeric && numbers.length > 0) summary.numeric = numericSummary(numbers);
  if ((type === 'text' || type === 'categorical' || type === 'identifier') && lengths.length > 0) {
    summary.textLength = { min: lengths.reduce((a, b) => Math.min(a, b)), max: lengths.reduce((a, b) => Math.max(a, b)), mean: lengths.reduce((s, v) => s + v, 0) / lengths.length };
  }
  if (type === 'datetime' && numbers.length > 0) {
    summary.timeRange = { min: new Date(summary.numeric?.min ?? 0).toISOString(), max: new Date(summary.numeric?.max ?? 0).toISOString() };
  }
  return summary;
}
