/**
 * How well ONE column predicts the target on its own, from the joint row sample. Used by
 * target_leakage.
 * - Numeric features: the AUC of the raw values, one class against the rest (no binning: a
 *   binned, re-encoded score learns a non-monotone shape and inflates), missing cells placed at
 *   whichever end predicts better (a column filled only for one outcome is a classic leak).
 * - Category features: out-of-fold target encoding (two halves, each scored with rates learnt on
 *   the other), so an all-distinct id column cannot "predict" by memorisation.
 * - Multi-class targets: one-vs-rest AUC per class, weighted by class share.
 * - Discrete features also get a mapping test: whether each value goes with one class (a recoded
 *   or noisy copy of the target scores an AUC a genuine measurement can reach too; its mapping
 *   gives it away).
 */
import { rocAuc, spearman } from '../../evaluation/stats';
import type { RowSample } from '../check-input';

export type Cell = string | number | null;

export interface ValueMapping {
  /** Share of sampled rows whose class is the most common class of their feature value. */
  purity: number;
  /** (purity - majority class share) / (1 - majority class share): 1 = the value decides the class. */
  gain: number;
  /** Distinct feature values in the sample (missing counts as one). */
  values: number;
}

export interface PredictivePower {
  /** 'auc' for class labels (one-vs-rest, weighted by class share), 'spearman' for numeric targets. */
  measure: 'auc' | 'spearman';
  /** AUC folded to [0.5, 1] (a perfectly inverted feature predicts as well), or |rho|. */
  value: number;
  rows: number;
  /** For discrete features with enough rows per value (see MAPPING_*). */
  mapping?: ValueMapping;
}

/** Smoothing weight pulling a rare category's rate toward the overall rate. */
const PRIOR_WEIGHT = 1;
/** A class needs this many sampled rows to be scored one-vs-rest. */
const MIN_CLASS_ROWS = 5;
/** A feature with at most this many values, each seen this many times on average, has a mapping. */
export const MAPPING_MAX_VALUES = 50;
export const MAPPING_MIN_ROWS_PER_VALUE = 10;

const MISSING_KEY = '\u0000missing';

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

/** AUC of raw numeric values, missing cells tried at both ends. */
function numericAuc(cells: readonly Cell[], positive: readonly boolean[]): number {
  const hasMissing = cells.some((c) => c === null);
  const at = (end: number) => fold(rocAuc(cells.map((c) => (c === null ? end : (c as number))), positive));
  return hasMissing ? Math.max(at(-Infinity), at(Infinity)) : at(0);
}

/** Whether each value of a discrete feature goes with one class (see ValueMapping). */
export function valueMapping(keys: readonly string[], labels: readonly string[]): ValueMapping | undefined {
  const byValue = new Map<string, Map<string, number>>();
  const classes = new Map<string, number>();
  keys.forEach((k, i) => {
    const m = byValue.get(k) ?? new Map<string, number>();
    m.set(labels[i]!, (m.get(labels[i]!) ?? 0) + 1);
    byValue.set(k, m);
    classes.set(labels[i]!, (classes.get(labels[i]!) ?? 0) + 1);
  });
  const n = keys.length;
  if (byValue.size < 2 || byValue.size > MAPPING_MAX_VALUES || n / byValue.size < MAPPING_MIN_ROWS_PER_VALUE) return undefined;
  let agree = 0;
  for (const m of byValue.values()) agree += Math.max(...m.values());
  const purity = agree / n;
  const base = Math.max(...classes.values()) / n;
  return { purity, gain: base < 1 ? (purity - base) / (1 - base) : 0, values: byValue.size };
}

/** Predictive power of column `feature` for class-label column `target` in the sample. */
export function classificationPower(sample: RowSample, feature: string, target: string): PredictivePower | undefined {
  const fi = sample.columns.indexOf(feature);
  const ti = sample.columns.indexOf(target);
  if (fi < 0 || ti < 0) return undefined;
  const rows = sample.rows.filter((r) => r[ti] !== null);
  const labels = rows.map((r) => String(r[ti]));
  const cells = rows.map((r) => r[fi]!);
  const present = cells.filter((c) => c !== null);
  if (present.length === 0) return undefined;
  const numeric = present.every((c) => typeof c === 'number');
  const keys = cells.map((c) => (c === null ? MISSING_KEY : String(c)));
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
    const auc = numeric ? numericAuc(cells, positive) : fold(rocAuc(outOfFoldScores(keys, positive), positive));
    if (Number.isNaN(auc)) continue;
    weighted += auc * n;
    weight += n;
  }
  if (weight === 0) return undefined;
  const mapping = valueMapping(keys, labels);
  return { measure: 'auc', value: weighted / weight, rows: rows.length, ...(mapping ? { mapping } : {}) };
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
