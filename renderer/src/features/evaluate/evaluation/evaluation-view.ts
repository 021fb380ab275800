/**
 * What an evaluation page says, derived from the stored result: the verdict sentence, the
 * headline cards with their intervals and baselines, slices worst first with their plain badge,
 * the confusion matrix in words, the gates. Pure: the components only render these.
 */
import type { EvaluationResult, GateResult, Interval, SliceResult } from '../../../../../shared/contract/evaluation-result';
import { baselineText, beatsBaseline, formatInterval, formatMetric, HEADLINE_METRICS, metricWords, TASK_WORDS } from '../metric-words';

export interface MetricCard {
  key: string;
  plain: string;
  meaning: string;
  technical: string;
  value: string;
  interval: string | null;
  baseline: string | null;
  /** Why the value is missing, when it is. */
  reason: string | null;
  versusBaseline: ReturnType<typeof beatsBaseline>;
}

export function metricCards(result: EvaluationResult, keys: readonly string[] = HEADLINE_METRICS[result.task]): MetricCard[] {
  return keys
    .filter((k) => k in result.metrics)
    .map((k) => {
      const w = metricWords(k);
      const v = result.metrics[k] ?? null;
      return {
        key: k,
        plain: w.plain,
        meaning: w.meaning,
        technical: w.technical,
        value: formatMetric(k, v),
        interval: formatInterval(k, result.ci[k]),
        baseline: baselineText(k, result.baseline[k], result.task),
        reason: v === null ? (result.reasons[k] ?? 'Cannot be computed for this file.') : null,
        versusBaseline: beatsBaseline(k, v, result.baseline[k], result.ci[k]),
      };
    });
}

/** Every other metric of the result, for the "all metrics" table. */
export function otherMetricKeys(result: EvaluationResult): string[] {
  const shown = new Set(HEADLINE_METRICS[result.task]);
  return Object.keys(result.metrics).filter((k) => !shown.has(k));
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

function rankingWords(result: EvaluationResult): string | null {
  const v = result.metrics.rocAuc;
  const b = result.baseline.rocAuc ?? 0.5;
  if (v == null) return null;
  const how = beatsBaseline('rocAuc', v, b, result.ci.rocAuc);
  const words = how === 'better' ? (v - b >= 0.3 ? 'much better than' : 'better than') : how === 'worse' ? 'worse than' : 'not clearly better than';
  return `It ranks cases ${words} random guessing (${formatMetric('rocAuc', v)} against ${formatMetric('rocAuc', b)}).`;
}

function sliceWords(slices: readonly SliceResult[]): string | null {
  const worse = slices.filter((s) => s.verdict === 'significantly-worse');
  if (worse.length === 0) return slices.length > 0 ? 'No group does significantly worse than the whole.' : null;
  const names = worse.slice(0, 3).map((s) => `${s.column} = ${s.value}`);
  const more = worse.length > 3 ? ` and ${worse.length - 3} more` : '';
  return `It does significantly worse on ${names.join(', ')}${more}.`;
}

export function gateWords(gates: readonly GateResult[]): string | null {
  if (gates.length === 0) return null;
  const failed = gates.filter((g) => !g.passed);
  if (failed.length === 0) return gates.length === 1 ? 'Its one gate passed.' : `All ${gates.length} gates passed.`;
  return `${failed.length} of ${gates.length} ${gates.length === 1 ? 'gate' : 'gates'} failed: ${failed.map((g) => g.expression).join(', ')}.`;
}

/** The page's first sentence: what the model does, in words an owner reads in ten seconds. */
export function verdictSentence(result: EvaluationResult): string {
  const parts: string[] = [];
  const m = result.metrics;
  if (result.task === 'binary') {
    const positive = result.positiveLabel ?? 'positive';
    if (m.recall != null && m.precision != null) {
      parts.push(`It finds ${pct(m.recall)} of the "${positive}" cases, and ${pct(m.precision)} of the rows it flags are right.`);
    } else if (m.accuracy != null) parts.push(`It gets ${pct(m.accuracy)} of rows right.`);
    const rank = rankingWords(result);
    if (rank) parts.push(rank);
  } else if (result.task === 'multiclass') {
    if (m.accuracy != null) {
      const b = result.baseline.accuracy;
      parts.push(`It gets ${pct(m.accuracy)} of rows right across ${result.classes.length} classes${b != null ? ` (always giving the most common answer gets ${pct(b)})` : ''}.`);
    }
    const rare = [...result.perClass].sort((a, b) => a.recall - b.recall)[0];
    if (rare && result.perClass.length > 1) parts.push(`It finds the "${rare.label}" class least often (${pct(rare.recall)} of them).`);
  } else {
    if (m.mae != null) {
      const b = result.baseline.mae;
      parts.push(`Its predictions miss by ${formatMetric('mae', m.mae)} on average${b != null ? ` (always predicting the average misses by ${formatMetric('mae', b)})` : ''}.`);
    }
    if (m.r2 != null) parts.push(`It explains ${pct(Math.max(0, m.r2))} of the variation.`);
  }
  const s = sliceWords(result.slices);
  if (s) parts.push(s);
  const g = gateWords(result.gates);
  if (g) parts.push(g);
  return parts.join(' ') || 'This evaluation has no metric that could be computed.';
}

/** The line under the verdict: the kind of question and, for yes/no, which answer is yes; with Tally's reason when it decided. */
export function verdictFacts(result: EvaluationResult): string {
  const why = (reason: string | null) => (reason && reason !== 'given' ? ` (${reason})` : '');
  const parts = [`Kind of question: ${TASK_WORDS[result.task].toLowerCase()}${why(result.taskReason)}.`];
  if (result.task === 'binary' && result.positiveLabel !== null) parts.push(`"${result.positiveLabel}" counts as yes${why(result.positiveLabelReason)}.`);
  if (result.decisionThreshold !== null) parts.push(`A row is flagged when its score is ${formatMetric('threshold', result.decisionThreshold)} or more.`);
  return parts.join(' ');
}

const SLICE_ORDER: Record<SliceResult['verdict'], number> = { 'significantly-worse': 0, 'worse-not-significant': 1, 'not-worse': 2, undefined: 3, 'too-small': 4 };

export const SLICE_BADGE: Record<SliceResult['verdict'], { text: string; tone: 'error' | 'warn' | 'ok' | 'none' }> = {
  'significantly-worse': { text: 'Significantly worse', tone: 'error' },
  'worse-not-significant': { text: 'Worse, could be chance', tone: 'warn' },
  'not-worse': { text: 'Not worse', tone: 'ok' },
  undefined: { text: 'Cannot be judged', tone: 'none' },
  'too-small': { text: 'Too small to judge', tone: 'none' },
};

export interface SliceRow {
  key: string;
  group: string;
  rows: number;
  metric: string;
  value: string;
  interval: string | null;
  badge: (typeof SLICE_BADGE)[SliceResult['verdict']];
  note: string | null;
  verdict: SliceResult['verdict'];
}

/** Slices worst first (significantly worse, then worse by chance, ... too small last), then by lowest value. */
export function sliceRows(slices: readonly SliceResult[]): SliceRow[] {
  return slices
    .map((s, i) => ({ s, i }))
    .sort((a, b) => SLICE_ORDER[a.s.verdict] - SLICE_ORDER[b.s.verdict] || a.i - b.i)
    .map(({ s }) => ({
      key: `${s.column}=${s.value}`,
      group: `${s.column}: ${s.value}`,
      rows: s.n,
      metric: metricWords(s.judgedMetric).plain,
      value: formatMetric(s.judgedMetric, s.metrics[s.judgedMetric]),
      interval: formatInterval(s.judgedMetric, s.ci[s.judgedMetric] as Interval | undefined),
      badge: SLICE_BADGE[s.verdict],
      note: s.note,
      verdict: s.verdict,
    }));
}

export interface ConfusionView {
  labels: string[];
  rows: Array<{ actual: string; cells: Array<{ predicted: string; count: number; share: number; correct: boolean; words: string | null }> }>;
}

/** The confusion matrix with, for a binary task, each cell named ("caught", "false alarm", "missed", "correctly left alone"). */
export function confusionView(result: EvaluationResult): ConfusionView | null {
  const cm = result.confusionMatrix;
  if (!cm) return null;
  const total = cm.matrix.flat().reduce((a, b) => a + b, 0) || 1;
  const positive = result.task === 'binary' ? result.positiveLabel : null;
  const words = (actual: string, predicted: string): string | null => {
    if (positive === null) return null;
    if (actual === positive) return predicted === positive ? 'caught' : 'missed';
    return predicted === positive ? 'false alarm' : 'correctly left alone';
  };
  return {
    labels: cm.labels,
    rows: cm.labels.map((actual, i) => ({
      actual,
      cells: cm.labels.map((predicted, j) => {
        const count = cm.matrix[i]?.[j] ?? 0;
        return { predicted, count, share: count / total, correct: i === j, words: words(actual, predicted) };
      }),
    })),
  };
}
