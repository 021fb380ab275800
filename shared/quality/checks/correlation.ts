/**
 * high_correlation: pairs of feature columns that move together so closely (|Spearman| or
 * Cramér's V >= 0.9, ydata-profiling's default) that one is nearly redundant. Computed on the
 * engine's joint row sample, so cost is bounded whatever the file's length; its width is bounded
 * too: at most MAX_CORRELATION_COLUMNS columns are compared (pairs grow with the square of the
 * columns, and 4,000 columns took 55 s), and the report says which were left out.
 */
import { cramersV, pearson, spearman } from '../../evaluation/stats';
import { averageRanks } from '../../evaluation/stats/ranks';
import type { ColumnSummary, RowSample } from '../check-input';
import { type CheckDefinition, isRoleColumn } from '../check-context';
import type { Finding } from '../finding';
import { col, formatCount, formatNumber } from '../format';

/** ydata-profiling categorical_maximum_correlation_distinct: larger tables are not compared. */
export const MAX_CATEGORIES_FOR_CORRELATION = 100;
/** 200 columns = 19,900 pairs: a second or two on the 10,000-row sample. */
export const MAX_CORRELATION_COLUMNS = 200;
/** The strongest pairs are listed; the rest are counted in a note. */
export const MAX_CORRELATION_FINDINGS = 50;

export interface PairCorrelation {
  method: 'spearman' | 'cramers_v';
  value: number;
  pairs: number;
  pearson?: number;
}

function isNumeric(c: ColumnSummary): boolean {
  return c.type === 'integer' || c.type === 'float';
}

function isCategorical(c: ColumnSummary): boolean {
  return (c.type === 'categorical' || c.type === 'boolean') && c.distinct <= MAX_CATEGORIES_FOR_CORRELATION;
}

/** One column of the sample, read once: values (NaN = missing) and ranks, or category codes. */
type Prepared =
  | { kind: 'numeric'; name: string; values: Float64Array; ranks: Float64Array | null }
  | { kind: 'categorical'; name: string; codes: Int32Array; levels: number };

function prepare(sample: RowSample, c: ColumnSummary): Prepared | null {
  const at = sample.columns.indexOf(c.name);
  if (at < 0) return null;
  const n = sample.rows.length;
  if (isNumeric(c)) {
    const values = new Float64Array(n);
    let complete = true;
    for (let r = 0; r < n; r++) {
      const v = sample.rows[r]![at];
      values[r] = typeof v === 'number' ? v : NaN;
      if (typeof v !== 'number') complete = false;
    }
    // Ranks can be shared by every pair only when no row is missing; otherwise each pair ranks
    // its own complete rows, as scipy's spearmanr on the pair does.
    return { kind: 'numeric', name: c.name, values, ranks: complete ? Float64Array.from(averageRanks(Array.from(values))) : null };
  }
  const codes = new Int32Array(n);
  const levels = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const v = sample.rows[r]![at];
    if (v === null || v === undefined) codes[r] = -1;
    else {
      const key = String(v);
      let code = levels.get(key);
      if (code === undefined) levels.set(key, (code = levels.size));
      codes[r] = code;
    }
  }
  return { kind: 'categorical', name: c.name, codes, levels: levels.size };
}

function pearsonTyped(x: Float64Array, y: Float64Array): number {
  return pearson(x as unknown as number[], y as unknown as number[]);
}

function correlatePrepared(a: Prepared, b: Prepared): PairCorrelation | undefined {
  if (a.kind === 'numeric' && b.kind === 'numeric') {
    if (a.ranks && b.ranks) return { method: 'spearman', value: pearsonTyped(a.ranks, b.ranks), pairs: a.values.length, pearson: pearsonTyped(a.values, b.values) };
    const x: number[] = [];
    const y: number[] = [];
    for (let r = 0; r < a.values.length; r++) {
      const u = a.values[r]!;
      const v = b.values[r]!;
      if (!Number.isNaN(u) && !Number.isNaN(v)) {
        x.push(u);
        y.push(v);
      }
    }
    return { method: 'spearman', value: spearman(x, y), pairs: x.length, pearson: pearson(x, y) };
  }
  if (a.kind === 'categorical' && b.kind === 'categorical') {
    const counts = new Int32Array(a.levels * b.levels);
    let pairs = 0;
    for (let r = 0; r < a.codes.length; r++) {
      const u = a.codes[r]!;
      const v = b.codes[r]!;
      if (u < 0 || v < 0) continue;
      counts[u * b.levels + v]!++;
      pairs++;
    }
    // Only the levels seen together with the other column form the table (Cramér's V does not
    // depend on the order of rows or columns).
    const rowSeen = new Uint8Array(a.levels);
    const colSeen = new Uint8Array(b.levels);
    for (let u = 0; u < a.levels; u++) {
      for (let v = 0; v < b.levels; v++) {
        if (counts[u * b.levels + v]! > 0) {
          rowSeen[u] = 1;
          colSeen[v] = 1;
        }
      }
    }
    const colsUsed: number[] = [];
    for (let v = 0; v < b.levels; v++) if (colSeen[v]) colsUsed.push(v);
    const table: number[][] = [];
    for (let u = 0; u < a.levels; u++) if (rowSeen[u]) table.push(colsUsed.map((v) => counts[u * b.levels + v]!));
    return { method: 'cramers_v', value: cramersV(table), pairs };
  }
  return undefined;
}

/** The correlation of two columns on the sample (kept for callers that compare one pair). */
export function correlatePair(sample: RowSample, a: ColumnSummary, b: ColumnSummary): PairCorrelation | undefined {
  const pa = prepare(sample, a);
  const pb = prepare(sample, b);
  return pa && pb ? correlatePrepared(pa, pb) : undefined;
}

export const highCorrelationCheck: CheckDefinition = {
  id: 'high_correlation',
  title: 'Highly correlated columns',
  about: 'Two columns carrying the same information: redundant, sometimes a hidden leak.',
  needs: 'dataset',
  run(context) {
    const { input, thresholds: t } = context;
    const sample = input.rowSample;
    if (!sample) return [];
    const eligible = input.columns.filter((c) => !isRoleColumn(context, c.name) && c.distinct > 1 && (isNumeric(c) || isCategorical(c)));
    // Over the cap, the columns with the most distinct values are kept: a column with few values
    // carries little to be redundant with. Ties keep the file's column order.
    const candidates =
      eligible.length <= MAX_CORRELATION_COLUMNS
        ? eligible
        : eligible
            .map((c, i) => ({ c, i }))
            .sort((x, y) => y.c.distinct - x.c.distinct || x.i - y.i)
            .slice(0, MAX_CORRELATION_COLUMNS)
            .sort((x, y) => x.i - y.i)
            .map((x) => x.c);
    if (candidates.length < eligible.length) {
      context.note(
        'high_correlation',
        `Compared ${formatCount(candidates.length)} of ${formatCount(eligible.length)} columns for correlation (the ${formatCount(candidates.length)} with the most distinct values; ${formatCount((candidates.length * (candidates.length - 1)) / 2)} pairs). The other ${formatCount(eligible.length - candidates.length)} were not compared.`,
      );
    }
    const prepared = candidates.map((c) => prepare(sample, c));
    const hits: Array<{ a: string; b: string; r: PairCorrelation }> = [];
    for (let i = 0; i < prepared.length; i++) {
      const pi = prepared[i];
      if (!pi) continue;
      for (let j = i + 1; j < prepared.length; j++) {
        const pj = prepared[j];
        if (!pj) continue;
        const r = correlatePrepared(pi, pj);
        if (!r || r.pairs < t.minPairsForCorrelation || Math.abs(r.value) < t.highCorrelation) continue;
        hits.push({ a: pi.name, b: pj.name, r });
      }
    }
    const listed = hits.length <= MAX_CORRELATION_FINDINGS ? hits : [...hits].sort((x, y) => Math.abs(y.r.value) - Math.abs(x.r.value)).slice(0, MAX_CORRELATION_FINDINGS);
    if (listed.length < hits.length) {
      context.note('high_correlation', `${formatCount(hits.length)} pairs of columns are highly correlated; the ${formatCount(listed.length)} strongest are listed.`);
    }
    return listed.map(({ a, b, r }): Finding => {
      const strength = r.method === 'spearman' ? `rank correlation ${formatNumber(r.value)}` : `association (Cramér's V) ${formatNumber(r.value)}`;
      return {
        id: 'high_correlation',
        severity: 'info',
        columns: [a, b],
        details: { method: r.method, value: r.value, pairs: r.pairs, threshold: t.highCorrelation, ...(r.pearson !== undefined ? { pearson: r.pearson } : {}) },
        message: `Columns ${col(a)} and ${col(b)} carry almost the same information (${strength}, on ${formatNumber(r.pairs)} sampled rows).`,
        advice: `Keep one of the two unless both are needed; for linear models near-duplicates make coefficients unstable, and they can hide a leak if one is derived from the other.`,
      };
    });
  },
};
