/**
 * The threshold tool for binary scores: how precision, recall, F1, the false- and true-positive
 * rates and the share of rows flagged move with the threshold, and the threshold that minimises
 * the expected cost of mistakes given what a false positive and a false negative cost.
 *
 * A row is flagged (predicted positive) when its score is >= the threshold. Every distinct score
 * is a candidate, plus "flag nothing"; the expected cost is (FP x cost of a false positive +
 * FN x cost of a false negative) / rows, reported per 1,000 predictions (weighted rows with
 * weights). Ties in cost go to the higher threshold (fewer rows flagged). Everything comes from one
 * ScoreRanking walked twice: once to find the minimum, once to sample the curves.
 */
import { CurveSampler } from '../metrics/downsample';
import { f1From } from '../metrics/label-metrics';
import { type ScoreRanking, walkThresholds } from '../metrics/score-ranking';
import { DEFAULT_MAX_CURVE_POINTS } from '../metrics/types';
import { invalid } from '../metrics/validate';
import { costText } from './cost-text';
import type { ThresholdAnalysis, ThresholdCosts, ThresholdCurves, ThresholdOptions, ThresholdPoint } from './threshold-types';

function checkCosts(c: ThresholdCosts): void {
  for (const [name, v] of [['false positive', c.falsePositive], ['false negative', c.falseNegative]] as const) {
    if (!Number.isFinite(v) || v < 0) invalid(`The cost of a ${name} must be a number of 0 or more; got ${v}.`);
    if (c.unit === 'cents' && !Number.isInteger(v)) invalid(`The cost of a ${name} must be whole cents; got ${v}.`);
  }
}

export function analyseThresholds(r: ScoreRanking, options: ThresholdOptions = {}): ThresholdAnalysis {
  const costs = options.costs ?? null;
  if (costs) checkCosts(costs);
  const P = r.positiveTotal;
  const N = r.negativeTotal;
  const W = P + N;
  const per1000 = (fp: number, tp: number) => (costs === null || W === 0 ? null : ((fp * costs.falsePositive + (P - tp) * costs.falseNegative) / W) * 1000);
  const point = (threshold: number | null, tp: number, fp: number): ThresholdPoint => ({
    threshold, truePositive: tp, falsePositive: fp, trueNegative: N - fp, falseNegative: P - tp, costPer1000: per1000(fp, tp),
  });

  const def = options.defaultThreshold ?? 0.5;
  let atDefault = point(null, 0, 0);
  let cheapest = point(null, 0, 0);
  const distinct = walkThresholds(r, (t, tps, fps) => {
    if (t >= def) atDefault = point(def, tps, fps);
    if (costs !== null && (per1000(fps, tps) as number) < (cheapest.costPer1000 as number)) cheapest = point(t, tps, fps);
  });
  if (atDefault.threshold === null) atDefault = { ...atDefault, threshold: def };

  const sampler = new CurveSampler(distinct, options.maxCurvePoints ?? DEFAULT_MAX_CURVE_POINTS, true);
  const size = sampler.size;
  const curves: ThresholdCurves = {
    threshold: new Array<number>(size), precision: new Array<number>(size), recall: new Array<number>(size), f1: new Array<number>(size),
    fpr: new Array<number>(size), tpr: new Array<number>(size), flaggedShare: new Array<number>(size), points: distinct,
  };
  walkThresholds(r, (t, tps, fps) => {
    const s = sampler.slot();
    if (s < 0) return;
    const precision = tps + fps === 0 ? 0 : tps / (tps + fps);
    const recall = P === 0 ? 0 : tps / P;
    curves.threshold[s] = t;
    curves.precision[s] = precision;
    curves.recall[s] = recall;
    curves.f1[s] = f1From(precision, recall);
    curves.fpr[s] = N === 0 ? 0 : fps / N;
    curves.tpr[s] = recall;
    curves.flaggedShare[s] = W === 0 ? 0 : (tps + fps) / W;
  });
  const saving = costs === null ? null : (atDefault.costPer1000 as number) - (cheapest.costPer1000 as number);
  return {
    curves, atDefault, cheapest: costs === null ? null : cheapest, costs, savingPer1000: saving,
    message: costs === null ? null : costText(costs, atDefault, cheapest, saving as number),
  };
}
