/**
 * high_correlation: pairs of feature columns that move together so closely (|Spearman| or
 * Cramér's V >= 0.9, ydata-profiling's default) that one is nearly redundant. Computed on the
 * engine's joint row sample, so cost is bounded whatever the file size.
 */
import { cramersV, pearson, spearman } from '../../evaluation/stats';
import type { ColumnSummary, RowSample } from '../check-input';
import { type CheckDefinition, isRoleColumn } from '../check-context';
import type { Finding } from '../finding';
import { col, formatNumber } from '../format';

/** ydata-profiling categorical_maximum_correlation_distinct: larger tables are not compared. */
export const MAX_CATEGORIES_FOR_CORRELATION = 100;

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

export function correlatePair(sample: RowSample, a: ColumnSummary, b: ColumnSummary): PairCorrelation | undefined {
  const ia = sample.columns.indexOf(a.name);
  const ib = sample.columns.indexOf(b.name);
  if (ia < 0 || ib < 0) return undefined;
  if (isNumeric(a) && isNumeric(b)) {
    const x: number[] = [];
    const y: number[] = [];
    for (const row of sample.rows) {
      const u = row[ia];
      const v = row[ib];
      if (typeof u === 'number' && typeof v === 'number') {
        x.push(u);
        y.push(v);
      }
    }
    return { method: 'spearman', value: spearman(x, y), pairs: x.length, pearson: pearson(x, y) };
  }
  if (isCategorical(a) && isCategorical(b)) {
    const rows = new Map<string, Map<string, number>>();
    const colKeys = new Set<string>();
    let pairs = 0;
    for (const row of sample.rows) {
      const u = row[ia];
      const v = row[ib];
      if (u === null || v === null) continue;
      const ru = rows.get(String(u)) ?? new Map<string, number>();
      ru.set(String(v), (ru.get(String(v)) ?? 0) + 1);
      rows.set(String(u), ru);
      colKeys.add(String(v));
      pairs++;
    }
    const keys = [...colKeys];
    const table = [...rows.values()].map((r) => keys.map((k) => r.get(k) ?? 0));
    return { method: 'cramers_v', value: cramersV(table), pairs };
  }
  return undefined;
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
    const candidates = input.columns.filter((c) => !isRoleColumn(context, c.name) && c.distinct > 1 && (isNumeric(c) || isCategorical(c)));
    const findings: Finding[] = [];
    for (let i = 0; i < candidates.length; i++) {
      for (let j = i + 1; j < candidates.length; j++) {
        const r = correlatePair(sample, candidates[i], candidates[j]);
        if (!r || r.pairs < t.minPairsForCorrelation || Math.abs(r.value) < t.highCorrelation) continue;
        const [a, b] = [candidates[i].name, candidates[j].name];
        const strength = r.method === 'spearman' ? `rank correlation ${formatNumber(r.value)}` : `association (Cramér's V) ${formatNumber(r.value)}`;
        findings.push({
          id: 'high_correlation',
          severity: 'info',
          columns: [a, b],
          details: { method: r.method, value: r.value, pairs: r.pairs, threshold: t.highCorrelation, ...(r.pearson !== undefined ? { pearson: r.pearson } : {}) },
          message: `Columns ${col(a)} and ${col(b)} carry almost the same information (${strength}, on ${formatNumber(r.pairs)} sampled rows).`,
          advice: `Keep one of the two unless both are needed; for linear models near-duplicates make coefficients unstable, and they can hide a leak if one is derived from the other.`,
        });
      }
    }
    return findings;
  },
};
