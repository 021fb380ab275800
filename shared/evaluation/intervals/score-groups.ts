/**
 * A ScoreRanking folded into score groups for the bootstrap. Rows of one class with the same score
 * are exchangeable, so resampling rows within a class is exactly a multinomial over its
 * distinct-score groups: with at most MAX_SCORE_GROUPS distinct scores the grouped bootstrap IS
 * the row bootstrap. Above that, neighbouring scores share a group (about equal row counts, with a
 * boundary at the decision threshold so counts at the threshold stay exact); ranked metrics are then
 * computed on group levels and their resampled values shifted by (exact - grouped) point estimate.
 * With weights, a resampled group counts its mean row weight per draw.
 */
import { binaryBrierTerm, binaryLogLossTerm } from '../metrics/probability-metrics';
import type { ScoreRanking } from '../metrics/score-ranking';

export const MAX_SCORE_GROUPS = 2000;

export interface ClassGroups {
  rows: Float64Array;
  weight: Float64Array;
  squaredWeight: Float64Array;
  /** Summed weight x per-row log loss (null when scores are not probabilities). */
  loss: Float64Array | null;
  brier: Float64Array | null;
}

export interface ScoreGroups {
  /** Groups are the distinct scores: no approximation. */
  exact: boolean;
  size: number;
  /** Highest score in each group, groups in descending score order. */
  top: Float64Array;
  /** 1 when the group's scores are >= the threshold. */
  predictedPositive: Uint8Array;
  positive: ClassGroups;
  negative: ClassGroups;
}

function classGroups(size: number, probabilities: boolean): ClassGroups {
  return {
    rows: new Float64Array(size), weight: new Float64Array(size), squaredWeight: new Float64Array(size),
    loss: probabilities ? new Float64Array(size) : null, brier: probabilities ? new Float64Array(size) : null,
  };
}

/** Distinct scores, highest first, with how many rows (both classes) hold each. */
function distinctScores(r: ScoreRanking): { values: Float64Array; counts: Float64Array } {
  const P = r.positiveScores;
  const N = r.negativeScores;
  const values = new Float64Array(P.length + N.length);
  const counts = new Float64Array(P.length + N.length);
  let i = P.length - 1;
  let j = N.length - 1;
  let d = 0;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? (N[j] as number) : j < 0 ? (P[i] as number) : Math.max(P[i] as number, N[j] as number);
    let count = 0;
    while (i >= 0 && P[i] === t) {
      i--;
      count++;
    }
    while (j >= 0 && N[j] === t) {
      j--;
      count++;
    }
    values[d] = t;
    counts[d++] = count;
  }
  return { values: values.subarray(0, d), counts: counts.subarray(0, d) };
}

export function groupScores(r: ScoreRanking, threshold: number, probabilities: boolean, maxGroups: number = MAX_SCORE_GROUPS): ScoreGroups {
  const { values, counts } = distinctScores(r);
  const distinct = values.length;
  const rows = r.positiveScores.length + r.negativeScores.length;
  const exact = distinct <= maxGroups;
  const target = exact ? 0 : Math.ceil(rows / maxGroups);
  const groupOf = new Int32Array(distinct);
  const tops: number[] = [];
  let g = -1;
  let inGroup = target;
  let lastAbove = true;
  for (let d = 0; d < distinct; d++) {
    const t = values[d] as number;
    const above = t >= threshold;
    if (exact || inGroup >= target || above !== lastAbove) {
      g++;
      tops.push(t);
      inGroup = 0;
    }
    inGroup += counts[d] as number;
    lastAbove = above;
    groupOf[d] = g;
  }
  const size = g + 1;
  const out: ScoreGroups = {
    exact, size, top: Float64Array.from(tops), predictedPositive: new Uint8Array(size),
    positive: classGroups(size, probabilities), negative: classGroups(size, probabilities),
  };
  for (let q = 0; q < size; q++) out.predictedPositive[q] = (tops[q] as number) >= threshold ? 1 : 0;
  fill(out.positive, r.positiveScores, r.positiveWeights, true, values, groupOf);
  fill(out.negative, r.negativeScores, r.negativeWeights, false, values, groupOf);
  return out;
}

/** Adds each row of one class to its group; rows ascend, distinct values descend. */
function fill(c: ClassGroups, scores: Float64Array, weights: Float64Array | null, positive: boolean, values: Float64Array, groupOf: Int32Array): void {
  let d = values.length - 1;
  for (let k = 0; k < scores.length; k++) {
    const s = scores[k] as number;
    while ((values[d] as number) !== s) d--;
    const q = groupOf[d] as number;
    const w = weights === null ? 1 : (weights[k] as number);
    c.rows[q] += 1;
    c.weight[q] += w;
    c.squaredWeight[q] += w * w;
    if (c.loss !== null) {
      c.loss[q] += w * binaryLogLossTerm(s, positive);
      (c.brier as Float64Array)[q] += w * binaryBrierTerm(s, positive);
    }
  }
}
