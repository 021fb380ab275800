/**
 * The threshold tool with other costs, from an evaluation's stored curve (no second read of the
 * file): the expected cost per 1,000 predictions at each stored threshold, the cheapest of them,
 * and the saving against the threshold the metrics use (whose counts are exact: the confusion
 * matrix). Exact when the file had at most 2,000 distinct scores (the curve then holds them all).
 */
import type { EvaluationResult } from '../../../shared/contract/evaluation-result';
import { AppError } from '../../../shared/domain/errors';
import { formatMicros, formatValue } from '../reports/metric-meanings';
import type { BackendContext } from '../context';
import { mustGetEvaluation } from './evaluations.service';

type Analysis = NonNullable<EvaluationResult['threshold']>;
type Point = Analysis['atDefault'];

export function thresholdWithCosts(ctx: BackendContext, id: string, costs: { falsePositiveMicros: number; falseNegativeMicros: number }): Analysis {
  const e = mustGetEvaluation(ctx, id);
  const t = e.result.threshold;
  if (!t) throw new AppError('UNSUPPORTED', `Evaluation ${e.name} has no threshold tool: it needs a binary evaluation with scores.`, { location: { field: 'id' } });
  const cm = e.result.confusionMatrix!;
  const P = cm.labels.indexOf(e.result.positiveLabel!);
  const positives = cm.matrix[P]!.reduce((a, b) => a + b, 0);
  const negatives = cm.matrix[1 - P]!.reduce((a, b) => a + b, 0);
  const W = positives + negatives;
  const per1000 = (fp: number, fn: number) => (W === 0 ? 0 : Math.round(((fp * costs.falsePositiveMicros + fn * costs.falseNegativeMicros) / W) * 1000));
  const c = t.curve;
  const cost = c.thresholds.map((_, i) => per1000(c.falsePositiveRate[i]! * negatives, (1 - c.recall[i]!) * positives));
  const withCost = (p: Point): Point => ({ ...p, costPer1000Micros: per1000(p.falsePositives, p.falseNegatives) });
  const atDefault = withCost(t.atDefault);
  // Ties go to the higher threshold (fewer rows flagged), as the core's tool decides.
  let best = 0;
  for (let i = 1; i < cost.length; i++) if (cost[i]! <= cost[best]!) best = i;
  const fp = c.falsePositiveRate[best]! * negatives;
  const tp = c.recall[best]! * positives;
  const cheapest: Point = {
    threshold: c.thresholds[best]!,
    truePositives: tp,
    falsePositives: fp,
    trueNegatives: negatives - fp,
    falseNegatives: positives - tp,
    precision: c.precision[best]!,
    recall: c.recall[best]!,
    costPer1000Micros: cost[best]!,
  };
  const chosen = cheapest.costPer1000Micros! < atDefault.costPer1000Micros! ? cheapest : atDefault;
  const saving = atDefault.costPer1000Micros! - chosen.costPer1000Micros!;
  const price = `at ${formatMicros(costs.falsePositiveMicros)} per false alarm and ${formatMicros(costs.falseNegativeMicros)} per missed case`;
  const message =
    saving <= 0
      ? `A threshold of ${formatValue(atDefault.threshold)} is already the cheapest ${price}: mistakes cost ${formatMicros(atDefault.costPer1000Micros)} per 1,000 predictions.`
      : `Flagging rows that score ${formatValue(chosen.threshold)} or more is the cheapest choice ${price}: mistakes cost ${formatMicros(chosen.costPer1000Micros)} per 1,000 predictions, against ${formatMicros(atDefault.costPer1000Micros)} at ${formatValue(atDefault.threshold)}, a saving of ${formatMicros(saving)} per 1,000.`;
  return { costs, curve: { ...c, costPer1000Micros: cost }, atDefault, best: chosen, savingPer1000Micros: saving, message };
}
