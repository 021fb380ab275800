/**
 * Binary metrics from score groups under resampled row counts: the inner loop of the bootstrap.
 * One pass over the groups (highest score first) gives the counts at the threshold, the ROC
 * staircase area, average precision, log loss and Brier.
 */
import { f1From } from '../metrics/label-metrics';
import type { ZeroDivision } from '../metrics/types';
import type { ClassGroups, ScoreGroups } from './score-groups';

export interface GroupedBinaryStats {
  f1: number;
  balancedAccuracy: number;
  rocAuc: number;
  averagePrecision: number;
  logLoss: number;
  brier: number;
}

/** Weight of group q under `counts` (null = the original rows). */
function weightOf(c: ClassGroups, counts: Float64Array | null, q: number): number {
  if (counts === null) return c.weight[q] as number;
  const n = counts[q] as number;
  return n === 0 ? 0 : (n * (c.weight[q] as number)) / (c.rows[q] as number);
}

function perRow(values: Float64Array | null, c: ClassGroups, counts: Float64Array | null, q: number): number {
  if (values === null) return 0;
  if (counts === null) return values[q] as number;
  const n = counts[q] as number;
  return n === 0 ? 0 : (n * (values[q] as number)) / (c.rows[q] as number);
}

export function groupedBinaryStats(g: ScoreGroups, pos: Float64Array | null, neg: Float64Array | null, zd: ZeroDivision, out: GroupedBinaryStats): void {
  let T = 0;
  for (let q = 0; q < g.size; q++) T += weightOf(g.positive, pos, q);
  let tps = 0, fps = 0, area = 0, ap = 0, prevRecall = 0, tp = 0, fp = 0, loss = 0, brier = 0;
  for (let q = 0; q < g.size; q++) {
    const wp = weightOf(g.positive, pos, q);
    const wn = weightOf(g.negative, neg, q);
    if (wp === 0 && wn === 0) continue;
    area += wn * (2 * tps + wp);
    tps += wp;
    fps += wn;
    if (T > 0) {
      const recall = tps / T;
      ap += (recall - prevRecall) * (tps / (tps + fps));
      prevRecall = recall;
    }
    if (g.predictedPositive[q] === 1) {
      tp += wp;
      fp += wn;
    }
    loss += perRow(g.positive.loss, g.positive, pos, q) + perRow(g.negative.loss, g.negative, neg, q);
    brier += perRow(g.positive.brier, g.positive, pos, q) + perRow(g.negative.brier, g.negative, neg, q);
  }
  const W = tps + fps;
  const precision = tp + fp === 0 ? zd : tp / (tp + fp);
  const recall = tps === 0 ? zd : tp / tps;
  out.f1 = f1From(precision, recall);
  const r1 = tps > 0 ? tp / tps : NaN;
  const r0 = fps > 0 ? (fps - fp) / fps : NaN;
  out.balancedAccuracy = Number.isNaN(r1) ? r0 : Number.isNaN(r0) ? r1 : (r1 + r0) / 2;
  out.rocAuc = tps > 0 && fps > 0 ? area / (2 * tps * fps) : NaN;
  out.averagePrecision = W === 0 ? NaN : T > 0 ? ap : 0;
  out.logLoss = g.positive.loss === null || W === 0 ? NaN : loss / W;
  out.brier = g.positive.brier === null || W === 0 ? NaN : brier / W;
}
