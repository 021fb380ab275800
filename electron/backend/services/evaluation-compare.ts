/**
 * "Which model gives us the most for our compute budget?": 2-10 evaluations side by side (every
 * shared metric with its interval) and the points of a metric-vs-cost chart, where cost is the
 * linked run's training cost plus the inference cost per 1,000 predictions times the expected
 * number of predictions. A model is Pareto-optimal when no other is at least as good and at least
 * as cheap, and strictly better on one. The answer comes as one sentence.
 */
import type { Comparison, Evaluation } from '../../../shared/contract/evaluations';
import { AppError } from '../../../shared/domain/errors';
import type { BackendContext } from '../context';
import { formatMicros, formatValue, METRIC_MEANINGS, metricName } from '../reports/metric-meanings';
import { mustGetEvaluation } from './evaluations.service';
import { runCostPort } from './run-cost-port';

export const DEFAULT_EXPECTED_PREDICTIONS = 1_000_000;

type Point = Comparison['points'][number];

function defaultMetric(evaluations: Evaluation[]): string {
  const tasks = new Set(evaluations.map((e) => e.task));
  if (tasks.size === 1 && tasks.has('regression')) return 'r2';
  if (tasks.size === 1 && tasks.has('multiclass')) return 'macroF1';
  return tasks.has('regression') ? 'r2' : 'f1';
}

function dominates(a: Point, b: Point, higher: boolean): boolean {
  const va = a.value!;
  const vb = b.value!;
  const ca = a.totalCostUsdMicros!;
  const cb = b.totalCostUsdMicros!;
  const atLeastAsGood = higher ? va >= vb : va <= vb;
  const strictlyBetter = higher ? va > vb : va < vb;
  return atLeastAsGood && ca <= cb && (strictlyBetter || ca < cb);
}

export function compareEvaluations(ctx: BackendContext, input: { ids: string[]; metric?: string; expectedPredictions?: number }): Comparison {
  if (new Set(input.ids).size !== input.ids.length) throw new AppError('INVALID_INPUT', 'An evaluation is listed twice; choose each once.', { location: { field: 'ids' } });
  const evaluations = input.ids.map((id) => mustGetEvaluation(ctx, id, 'ids'));
  const shared = Object.keys(evaluations[0]!.result.metrics).filter((k) => evaluations.every((e) => k in e.result.metrics));
  const metric = input.metric ?? defaultMetric(evaluations);
  if (!shared.includes(metric)) {
    throw new AppError('INVALID_INPUT', `"${metric}" is not a metric of every chosen evaluation; choose one of ${shared.join(', ') || '(none: the evaluations share no metric)'}.`, { location: { field: 'metric' } });
  }
  const higher = METRIC_MEANINGS[metric]?.lowerIsBetter !== true;
  const volume = input.expectedPredictions ?? DEFAULT_EXPECTED_PREDICTIONS;
  const port = runCostPort(ctx);
  const points: Point[] = evaluations.map((e) => {
    const run = e.runId ? port.runCost(e.runId) : null;
    const training = run?.usdCents ?? null;
    const inference = e.inferenceCostPer1000Micros === null ? null : Math.round((e.inferenceCostPer1000Micros * volume) / 1000);
    const total = training === null && inference === null ? null : (training ?? 0) * 10_000 + (inference ?? 0);
    const notes: string[] = [];
    if (!e.runId) notes.push('no run linked (training cost unknown)');
    else if (!run) notes.push(`run ${e.runId} is not known here (training cost unknown)`);
    else if (training === null) notes.push('the linked run has no known cost');
    if (e.inferenceCostPer1000Micros === null) notes.push('no inference cost entered');
    return {
      id: e.id,
      name: e.name,
      task: e.task,
      metrics: Object.fromEntries(shared.map((k) => [k, e.result.metrics[k] ?? null])),
      ci: Object.fromEntries(shared.filter((k) => e.result.ci[k]).map((k) => [k, e.result.ci[k]!])),
      value: e.result.metrics[metric] ?? null,
      trainingCostUsdCents: training,
      inferenceCostUsdMicros: inference,
      totalCostUsdMicros: total,
      paretoOptimal: false,
      costNote: notes.length ? `${notes.join('; ')}.` : null,
    };
  });
  const judged = points.filter((p) => p.value !== null && p.totalCostUsdMicros !== null);
  for (const p of judged) p.paretoOptimal = !judged.some((q) => q !== p && dominates(q, p, higher));
  // Without any cost, the metric alone decides.
  if (judged.length === 0) {
    const valued = points.filter((p) => p.value !== null);
    const best = valued.reduce<Point | null>((b, p) => (b === null || (higher ? p.value! > b.value! : p.value! < b.value!) ? p : b), null);
    for (const p of valued) p.paretoOptimal = best !== null && p.value === best.value;
  }
  return { metric, higherIsBetter: higher, expectedPredictions: volume, metrics: shared, points, sentence: sentence(points, metric, higher, volume) };
}

function sentence(points: Point[], metric: string, higher: boolean, volume: number): string {
  const name = metricName(metric);
  const valued = points.filter((p) => p.value !== null);
  if (valued.length === 0) return `None of these evaluations has a ${name}; choose another metric.`;
  const better = (a: Point, b: Point) => (higher ? a.value! > b.value! : a.value! < b.value!);
  const best = valued.reduce((b, p) => (better(p, b) ? p : b));
  const costed = valued.filter((p) => p.totalCostUsdMicros !== null);
  const volumeText = `${volume.toLocaleString('en-US')} predictions`;
  if (costed.length < 2) return `"${best.name}" has the best ${name} (${formatValue(best.value)}). Link training runs or enter inference costs to weigh what each model costs.`;
  const frontier = costed.filter((p) => p.paretoOptimal).sort((a, b) => a.totalCostUsdMicros! - b.totalCostUsdMicros!);
  const cheapest = frontier[0]!;
  const top = frontier[frontier.length - 1]!;
  if (cheapest === top) return `"${top.name}" gives the most for the money: the best ${name} among the costed models (${formatValue(top.value)}) at the lowest cost ($${formatMicros(top.totalCostUsdMicros)} with ${volumeText}).`;
  const extra = top.totalCostUsdMicros! - cheapest.totalCostUsdMicros!;
  const gain = Math.abs(top.value! - cheapest.value!);
  const dominated = costed.length - frontier.length;
  const tail = dominated > 0 ? ` ${dominated === 1 ? 'One other model costs' : `${dominated} other models cost`} more for less.` : '';
  return `"${cheapest.name}" reaches a ${name} of ${formatValue(cheapest.value)} for $${formatMicros(cheapest.totalCostUsdMicros)}; "${top.name}" is ${formatValue(gain)} ${higher ? 'higher' : 'lower'} for $${formatMicros(extra)} more (with ${volumeText}).${tail}`;
}
