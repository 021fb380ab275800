/**
 * Slices: each value of a slice column (numeric columns in quantile bins) evaluated on its own,
 * with 95% intervals (Wilson for proportions, the seeded bootstrap otherwise), its row count, a
 * "too small to judge" flag below MINIMUM_SLICE_COUNT rows, and whether it is significantly worse
 * than the whole (significance.ts). Slices judged worse come first, then the rest by how much
 * worse they are, too-small slices last; each carries a plain sentence.
 *
 * MINIMUM_SLICE_COUNT = 30 rows (with weight). Below it a 95% interval is too wide to act on: for a
 * rate near 0.8, Wilson's interval at 30 rows already spans 0.63 to 0.90; and the normal
 * approximations behind the z-tests, and the bootstrap's percentiles, need about that many rows.
 */
import { BOOTSTRAP_SEED, type BootstrapOptions } from '../intervals/bootstrap';
import type { ConfidenceInterval } from '../intervals/wilson';
import type { MetricValue } from '../metrics/types';
import { invalid } from '../metrics/validate';
import type { NumericBins } from './readable-bins';
import { type SliceColumn, assignSlices } from './slice-columns';
import { DEFAULT_JUDGED, type SliceEvaluation, type SubsetResult, evaluateSubset, proportionCounts, rowCount } from './slice-tasks';
import { LOWER_IS_BETTER, holmAdjust, intervalWorsePValue, proportionWorsePValue } from './significance';
import { type Verdict, judgementSentence } from './slice-text';

export const MINIMUM_SLICE_COUNT = 30;
export const SLICE_ALPHA = 0.05;

export interface SliceOptions {
  /** Metrics each slice is judged on (default: F1, macro F1 or MAE by task). */
  judge?: string[];
  minimumCount?: number;
  bootstrap?: BootstrapOptions;
}

export interface SliceJudgement {
  metric: string;
  value: MetricValue;
  overall: MetricValue;
  ci: ConfidenceInterval | null;
  test: 'two-proportion z-test' | 'bootstrap z-test' | null;
  pValue: number | null;
  /** Holm-adjusted across the column's tested slices. */
  adjustedPValue: number | null;
  verdict: Verdict;
  message: string;
}

export interface SliceResult {
  column: string;
  value: string;
  /** Rows with a weight above 0. */
  n: number;
  weight: number;
  metrics: Record<string, MetricValue>;
  ci: Record<string, ConfidenceInterval | null>;
  tooSmall: boolean;
  judgements: SliceJudgement[];
  /** The first judgement's sentence. */
  message: string;
}

export interface SliceReport {
  minimumCount: number;
  judged: string[];
  overall: { metrics: Record<string, MetricValue>; ci: Record<string, ConfidenceInterval | null>; n: number };
  slices: SliceResult[];
}

const RANK: Record<Verdict, number> = { 'significantly-worse': 0, 'worse-not-significant': 1, 'not-worse': 2, undefined: 3, 'too-small': 4 };

/** One slice to evaluate: its rows and its own bootstrap stream. */
export interface PlannedSlice {
  label: string;
  /** How it reads in a sentence: "age 60+", "region = north". */
  phrase: string;
  rows: Uint32Array;
  boot: BootstrapOptions;
}

/**
 * What evaluateSlices works through: the whole (bootstrap stream 0) and every non-empty slice of
 * every column, each with its own seed, so the subsets can be evaluated in any order or on other
 * threads and still give the same report.
 */
export interface SlicePlan {
  minimumCount: number;
  judged: string[];
  overallBoot: BootstrapOptions;
  /** `bins`: a numeric column's bins, to slice another file the same way (SliceColumn.fixed). */
  columns: Array<{ name: string; slices: PlannedSlice[]; bins: NumericBins | null }>;
}

export function planSlices(evaluation: SliceEvaluation, columns: SliceColumn[], options: SliceOptions = {}): SlicePlan {
  const n = rowCount(evaluation);
  const seed = options.bootstrap?.seed ?? BOOTSTRAP_SEED;
  const boot = (k: number): BootstrapOptions => ({ ...options.bootstrap, seed: seed + 7919 * k });
  let stream = 1;
  return {
    minimumCount: options.minimumCount ?? MINIMUM_SLICE_COUNT,
    judged: options.judge ?? [DEFAULT_JUDGED[evaluation.task]],
    overallBoot: boot(0),
    columns: columns.map((column) => {
      const a = assignSlices(column, n);
      const sizes = new Uint32Array(a.labels.length);
      for (let i = 0; i < n; i++) sizes[a.slice[i] as number]++;
      const members = Array.from(sizes, (size) => new Uint32Array(size));
      const fill = new Uint32Array(a.labels.length);
      for (let i = 0; i < n; i++) {
        const s = a.slice[i] as number;
        (members[s] as Uint32Array)[fill[s]!++] = i;
      }
      const slices: PlannedSlice[] = [];
      members.forEach((rows, s) => {
        if (rows.length > 0) slices.push({ label: a.labels[s] as string, phrase: a.phrases[s] as string, rows, boot: boot(stream++) });
      });
      return { name: column.name, slices, bins: a.bins ?? null };
    }),
  };
}

/** The report from the plan and its evaluated subsets: results[c][s] for plan.columns[c].slices[s]. */
function checkJudged(evaluation: SliceEvaluation, plan: SlicePlan, overall: SubsetResult): void {
  for (const m of plan.judged) if (!(m in overall.metrics)) invalid(`Slices cannot be judged on "${m}": it is not a ${evaluation.task} metric.`);
}

export function judgeSlices(evaluation: SliceEvaluation, plan: SlicePlan, overall: SubsetResult, results: readonly (readonly SubsetResult[])[]): SliceReport {
  const { minimumCount, judged } = plan;
  checkJudged(evaluation, plan, overall);
  const out: SliceResult[] = [];
  plan.columns.forEach((column, c) => {
    const evaluated = column.slices.map((slice, s) => ({ ...slice, r: results[c]![s]! }));
    const perMetric = judged.map((metric) => {
      const p = evaluated.map(({ rows, r }) => (r.rows < minimumCount ? null : worsePValue(evaluation, metric, rows, r, overall)));
      return { metric, p: p.map((x) => x?.p ?? null), test: p.map((x) => x?.test ?? null), adjusted: holmAdjust(p.map((x) => x?.p ?? null)) };
    });
    evaluated.forEach(({ label, phrase, r }, s) => {
      const tooSmall = r.rows < minimumCount;
      const judgements = perMetric.map(({ metric, p, test, adjusted }) => {
        const value = r.metrics[metric] ?? null;
        const all = overall.metrics[metric] ?? null;
        const ci = r.ci[metric] ?? null;
        const adj = adjusted[s] ?? null;
        const worse = value !== null && all !== null && (LOWER_IS_BETTER.has(metric) ? value > all : value < all);
        const verdict: Verdict = tooSmall ? 'too-small' : value === null || all === null || adj === null ? 'undefined' : adj < SLICE_ALPHA && worse ? 'significantly-worse' : worse ? 'worse-not-significant' : 'not-worse';
        const message = judgementSentence({ metric, where: phrase, value, overall: all, ci, verdict, rows: r.rows, minimumCount, reason: r.reasons[metric] });
        return { metric, value, overall: all, ci, test: test[s] ?? null, pValue: p[s] ?? null, adjustedPValue: adj, verdict, message };
      });
      out.push({ column: column.name, value: label, n: r.rows, weight: r.weight, metrics: r.metrics, ci: r.ci, tooSmall, judgements, message: (judgements[0] as SliceJudgement).message });
    });
  });
  const gap = (s: SliceResult) => {
    const j = s.judgements[0] as SliceJudgement;
    if (j.value === null || j.overall === null) return 0;
    return LOWER_IS_BETTER.has(j.metric) ? j.overall - j.value : j.value - j.overall;
  };
  out.sort((x, y) => RANK[(x.judgements[0] as SliceJudgement).verdict] - RANK[(y.judgements[0] as SliceJudgement).verdict] || gap(x) - gap(y));
  return { minimumCount, judged, overall: { metrics: overall.metrics, ci: overall.ci, n: overall.rows }, slices: out };
}

/**
 * Every slice evaluated here, one after another. `overall`, when the caller already evaluated
 * every row with the plan's overall bootstrap stream (e.g. the report itself), is used as is.
 */
export function evaluateSlices(evaluation: SliceEvaluation, columns: SliceColumn[], options: SliceOptions = {}, overall?: SubsetResult): SliceReport {
  const plan = planSlices(evaluation, columns, options);
  const whole = overall ?? evaluateSubset(evaluation, null, plan.overallBoot);
  checkJudged(evaluation, plan, whole);
  const results = plan.columns.map((c) => c.slices.map((s) => evaluateSubset(evaluation, s.rows, s.boot)));
  return judgeSlices(evaluation, plan, whole, results);
}

function worsePValue(e: SliceEvaluation, metric: string, rows: Uint32Array, r: SubsetResult, overall: SubsetResult): { p: number | null; test: SliceJudgement['test'] } | null {
  const value = r.metrics[metric] ?? null;
  const all = overall.metrics[metric] ?? null;
  if (value === null || all === null) return null;
  const slice = proportionCounts(e, metric, rows, value);
  if (slice !== null) {
    const whole = proportionCounts(e, metric, null, all) as NonNullable<typeof slice>;
    const rest = { success: whole.success - slice.success, total: whole.total - slice.total, squares: whole.squares - slice.squares };
    return { p: proportionWorsePValue(slice, rest), test: 'two-proportion z-test' };
  }
  const ci = r.ci[metric] ?? null;
  if (ci === null) return null;
  return { p: intervalWorsePValue(value, all, ci.low, ci.high, LOWER_IS_BETTER.has(metric)), test: 'bootstrap z-test' };
}
