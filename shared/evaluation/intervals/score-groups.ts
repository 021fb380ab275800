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

/** How many distinct scores the two ascending arrays hold together. */
function countDistinct(P: Float64Array, N: Float64Array): number {
  let i = P.length - 1;
  let j = N.length - 1;
  let d = 0;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? (N[j] as number) : j < 0 ? (P[i] as number) : Math.max(P[i] as number, N[j] as number);
    while (i >= 0 && P[i] === t) i--;
    while (j >= 0 && N[j] === t) j--;
    d++;
  }
  return d;
}

/**
 * One walk over the distinct scores from the highest down: a new group starts at every score
 * (exact), or once the group holds `target` rows or the score crosses the threshold; each row is
 * added to its class's group as the walk passes it. The per-row log-loss and Brier terms are
 * worked out once per distinct score and class.
 */
export function groupScores(r: ScoreRanking, threshold: number, probabilities: boolean, maxGroups: number = MAX_SCORE_GROUPS): ScoreGroups {
  const P = r.positiveScores;
  const N = r.negativeScores;
  const pw = r.positiveWeights;
  const nw = r.negativeWeights;
  const distinct = countDistinct(P, N);
  const exact = distinct <= maxGroups;
  const target = exact ? 0 : Math.ceil((P.length + N.length) / maxGroups);
  // Groups of `target` rows, plus one where the threshold cuts a group short.
  const capacity = exact ? distinct : maxGroups + 2;
  const tops = new Float64Array(capacity);
  const pos = classGroups(capacity, probabilities);
  const neg = classGroups(capacity, probabilities);
  let i = P.length - 1;
  let j = N.length - 1;
  let g = -1;
  let inGroup = target;
  let lastAbove = true;
  while (i >= 0 || j >= 0) {
    const t = i < 0 ? (N[j] as number) : j < 0 ? (P[i] as number) : Math.max(P[i] as number, N[j] as number);
    const above = t >= threshold;
    if (exact || inGroup >= target || above !== lastAbove) {
      tops[++g] = t;
      inGroup = 0;
    }
    lastAbove = above;
    const from = i + j;
    if (i >= 0 && P[i] === t) i = addRows(pos, g, P, pw, i, t, true);
    if (j >= 0 && N[j] === t) j = addRows(neg, g, N, nw, j, t, false);
    inGroup += from - (i + j);
  }
  const size = g + 1;
  const out: ScoreGroups = {
    exact, size, top: tops.slice(0, size), predictedPositive: new Uint8Array(size),
    positive: trimmed(pos, size), negative: trimmed(neg, size),
  };
  for (let q = 0; q < size; q++) out.predictedPositive[q] = (tops[q] as number) >= threshold ? 1 : 0;
  return out;
}

/** Adds the rows of one class scoring t (scores[k], scores[k - 1], ...) to group q; returns the next index. */
function addRows(c: ClassGroups, q: number, scores: Float64Array, weights: Float64Array | null, k: number, t: number, positive: boolean): number {
  const loss = c.loss === null ? 0 : binaryLogLossTerm(t, positive);
  const brier = c.brier === null ? 0 : binaryBrierTerm(t, positive);
  let rows = 0, weight = 0, squared = 0;
  for (; k >= 0 && scores[k] === t; k--) {
    const w = weights === null ? 1 : (weights[k] as number);
    rows++;
    weight += w;
    squared += w * w;
  }
  c.rows[q] = (c.rows[q] as number) + rows;
  c.weight[q] = (c.weight[q] as number) + weight;
  c.squaredWeight[q] = (c.squaredWeight[q] as number) + squared;
  if (c.loss !== null) c.loss[q] = (c.loss[q] as number) + weight * loss;
  if (c.brier !== null) c.brier[q] = (c.brier[q] as number) + weight * brier;
  return k;
}

function trimmed(c: ClassGroups, size: number): ClassGroups {
  const cut = (a: Float64Array) => a.slice(0, size);
  return { rows: cut(c.rows), weight: cut(c.weight), squaredWeight: cut(c.squaredWeight), loss: c.loss && cut(c.loss), brier: c.brier && cut(c.brier) };
}
