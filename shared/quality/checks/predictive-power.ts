/**
 * How well ONE column predicts the target on its own, from the joint row sample. Used by
 * target_leakage. Out-of-fold target encoding (two halves, each scored with rates learnt on the
 * other) keeps an all-distinct id column from "predicting" by memorisation, so only columns that
 * carry over to unseen rows score high.
 */
import { countIntoBins, quantileCutPoints, rocAuc, spearman } from '../../evaluation/stats';
import type { RowSample } from '../check-input';

export type Cell = string | number | null;

export interface PredictivePower {
  /** 'auc' for class labels (one-vs-rest, weighted by class share), 'spearman' for numeric targets. */
  measure: 'auc' | 'spearman';
  /** AUC folded to [0.5, 1] (a perfectly inverted feature predicts as well), or |rho|. */
  value: number;
  rows: number;
}

/** Numeric features are cut into this many quantile bins before encoding. */
const NUMERIC_BINS = 20;
/** Smoothing weight pulling a rare category's rate toward the overall rate. */
const PRIOR_WEIGHT = 1;
/** A class needs this many sampled rows to be scored one-vs-rest. */
const MIN_CLASS_ROWS = 5;

/** Discrete key of each cell: quantile bin for numbers, the text itself otherwise, and "missing". */
export function discretise(cells: readonly Cell[]): string[] {
  const numbers = cells.filter((c): c is number => typeof c === 'number').sort((a, b) => a - b);
  const numeric = numbers.length > 0 && numbers.length === cells.filter((c) => c !== null).length;
  const cuts = numeric ? quantileCutPoints(numbers, NUMERIC_BINS) : [];
  return cells.map((c) => {
    if (c === null) return '\u0000missing';
    if (numeric) return `bin${countIntoBins([c as number], cuts).indexOf(1)}`;
    return String(c);
  });
}

/** Out-of-fold encoded score of each row for "is positive" (rows alternate between two folds). */
export function outOfFoldScores(keys: readonly string[], positive: readonly boolean[]): number[] {
  const stats = [new Map<string, [number, number]>(), new Map<string, [number, number]>()];
  const totals = [
    [0, 0],
    [0, 0],
  ];
  keys.forEach((k, i) => {
    const fold = i % 2;
    const s = stats[fold].get(k) ?? [0, 0];
    s[0] += positive[i] ? 1 : 0;
    s[1] += 1;
    stats[fold].set(k, s);
    totals[fold][0] += positive[i] ? 1 : 0;
    totals[fold][1] += 1;
  });
  return keys.map((k, i) => {
    const other = 1 - (i % 2);
    const prior = totals[other][1] > 0 ? totals[other][0] / totals[other][1] : 0.5;
    const [pos, n] = stats[other].get(k) ?? [0, 0];
    return (pos + PRIOR_WEIGHT * prior) / (n + PRIOR_WEIGHT);
  });
}

const fold = (auc: number) => Math.max(auc, 1 - auc);

/** Predictive power of column `feature` for class-label column `target` in the sample. */
export function classificationPower(sample: RowSample, feature: string, target: string): PredictivePower | undefined {
  const fi = sample.columns.indexOf(feature);
  const ti = sample.columns.indexOf(target);
  if (fi < 0 || ti < 0) return undefined;
  const rows = sample.rows.filter((r) => r[ti] !== null);
  const labels = rows.map((r) => String(r[ti]));
  const cells = rows.map((r) => r[fi]);
  const keys = discretise(cells);
  const counts = new Map<string, number>();
  for (const l of labels) counts.set(l, (counts.get(l) ?? 0) + 1);
  const classes = [...counts].filter(([, n]) => n >= MIN_CLASS_ROWS).sort((a, b) => a[1] - b[1]);
  if (classes.length < 2) return undefined;
  // Binary: one score suffices (AUC of the rarer class). Multi-class: weighted one-vs-rest.
  const scored = counts.size === 2 ? classes.slice(0, 1) : classes;
  let weighted = 0;
  let weight = 0;
  for (const [label, n] of scored) {
    const positive = labels.map((l) => l === label);
    let auc = fold(rocAuc(outOfFoldScores(keys, positive), positive));
    if (counts.size === 2 && cells.every((c) => typeof c === 'number')) {
      // A monotone numeric feature is judged on its raw values too (no binning loss).
      auc = Math.max(auc, fold(rocAuc(cells as number[], positive)));
    }
    if (Number.isNaN(auc)) continue;
    weighted += auc * n;
    weight += n;
  }
  return weight > 0 ? { measure: 'auc', value: weighted / weight, rows: rows.length } : undefined;
}

/** |Spearman| of a numeric feature with a numeric target. */
export function regressionPower(sample: RowSample, feature: string, target: string): PredictivePower | undefined {
  const fi = sample.columns.indexOf(feature);
  const ti = sample.columns.indexOf(target);
  if (fi < 0 || ti < 0) return undefined;
  const x: number[] = [];
  const y: number[] = [];
  for (const r of sample.rows) {
    if (typeof r[fi] === 'number' && typeof r[ti] === 'number') {
      x.push(r[fi] as number);
      y.push(r[ti] as number);
    }
  }
  if (x.length < 3) return undefined;
  return { measure: 'spearman', value: Math.abs(spearman(x, y)), rows: x.length };
}
