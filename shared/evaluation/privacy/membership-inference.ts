/**
 * Membership-inference risk: how well an attacker who sees the model's loss on a row can tell
 * whether the row was in the training set (Yeom, Giacomelli, Fredrikson and Jha 2018, "Privacy
 * Risk in Machine Learning: Analyzing the Connection to Overfitting"). The attack says "training
 * row" when the loss is at or below a threshold; its advantage is max over thresholds of
 * TPR - FPR (training rows caught minus held-out rows wrongly caught), found in one pass over the
 * losses sorted once; 0 means no better than guessing. On a set with as many training as held-out
 * rows, the attack's accuracy is 0.5 + advantage / 2.
 *
 * Verdict bands (documented, with the attack accuracy they mean on a balanced set):
 *  - "about as well as a coin flip": advantage below 0.05 (accuracy below 52.5%), or not
 *    distinguishable from 0 (one-sided Smirnov p-value >= 0.05: with few rows a small advantage
 *    arises by chance, as the advantage is the one-sided two-sample KS statistic);
 *  - "noticeably better than a coin flip": 0.05 to 0.2 (52.5% to 60%);
 *  - "much better than a coin flip": 0.2 or more (60% or more).
 */
import { BOOTSTRAP_RESAMPLES, type BootstrapOptions, bootstrapRng, percentileInterval } from '../intervals/bootstrap';
import { sampleMultinomial } from '../intervals/binomial';
import { type ScoreGroups, groupScores } from '../intervals/score-groups';
import type { ConfidenceInterval } from '../intervals/wilson';
import { effectiveSampleSize } from '../intervals/wilson';
import { clipProbability } from '../metrics/probability-metrics';
import { rankScores } from '../metrics/score-ranking';
import { walkThresholds } from '../metrics/threshold-walk';
import { checkFinite, checkRows, checkSameLength, invalid } from '../metrics/validate';
import { membershipMessage } from './membership-text';

export type MembershipVerdict = 'coin-flip' | 'noticeably-better' | 'much-better';

export const NOTICEABLE_ADVANTAGE = 0.05;
export const LARGE_ADVANTAGE = 0.2;

export interface MembershipInput {
  /** Per-row loss, e.g. -ln(probability of the true label). */
  loss: Float64Array;
  /** 1 for rows the model was trained on, 0 for held-out rows. */
  isTraining: Uint8Array;
  weights?: Float64Array | null;
}

export interface MembershipRisk {
  advantage: number;
  /** The best attack flags rows whose loss is at or below this (null: the best attack flags nothing). */
  lossThreshold: number | null;
  truePositiveRate: number;
  falsePositiveRate: number;
  /** 0.5 + advantage / 2: accuracy of the attack with as many training as held-out rows. */
  balancedAttackAccuracy: number;
  interval: ConfidenceInterval | null;
  /** One-sided Smirnov p-value of the advantage against "no difference". */
  pValue: number;
  trainingRows: number;
  heldOutRows: number;
  verdict: MembershipVerdict;
  message: string;
}

/** -ln(p) of the true label's probability, clipped as log loss clips. */
export function trueLabelLoss(probabilityOfTrueLabel: Float64Array): Float64Array {
  return probabilityOfTrueLabel.map((p) => -Math.log(clipProbability(p)));
}

/** Per-row loss for binary scores: p of the true label is the score for positives, 1 - score otherwise. */
export function binaryTrueLabelLoss(scores: Float64Array, isPositive: Uint8Array): Float64Array {
  return trueLabelLoss(scores.map((s, i) => (isPositive[i] === 1 ? s : 1 - s)));
}

/** Per-row loss for multiclass probabilities (n x K, row-major) and true class indices. */
export function multiclassTrueLabelLoss(probabilities: Float64Array, classCount: number, yTrue: Int32Array): Float64Array {
  return trueLabelLoss(Float64Array.from(yTrue, (c, i) => probabilities[i * classCount + c] as number));
}

/** max over group boundaries of TPR - FPR under resampled counts (null counts = the data). */
function groupedAdvantage(g: ScoreGroups, pos: Float64Array | null, neg: Float64Array | null): number {
  const w = (c: ScoreGroups['positive'], counts: Float64Array | null, q: number) => (counts === null ? (c.weight[q] as number) : (counts[q] as number) === 0 ? 0 : ((counts[q] as number) * (c.weight[q] as number)) / (c.rows[q] as number));
  let T = 0, F = 0;
  for (let q = 0; q < g.size; q++) {
    T += w(g.positive, pos, q);
    F += w(g.negative, neg, q);
  }
  if (T === 0 || F === 0) return NaN;
  let tp = 0, fp = 0, best = 0;
  for (let q = 0; q < g.size; q++) {
    tp += w(g.positive, pos, q);
    fp += w(g.negative, neg, q);
    best = Math.max(best, tp / T - fp / F);
  }
  return best;
}

export function membershipInferenceRisk(input: MembershipInput, options: { bootstrap?: BootstrapOptions } = {}): MembershipRisk {
  const { loss, isTraining } = input;
  const weights = input.weights ?? null;
  const n = loss.length;
  checkRows(n);
  checkSameLength(n, { isTraining, weights });
  checkFinite(loss, 'Loss');
  // Lower loss = more "member-like": rank on the negated loss.
  const ranking = rankScores(loss.map((v) => -v), isTraining, weights);
  const T = ranking.positiveTotal;
  const F = ranking.negativeTotal;
  if (T === 0 || F === 0) invalid('Membership inference needs both training rows and held-out rows (with weight).');
  let advantage = 0, threshold: number | null = null, tpr = 0, fpr = 0;
  walkThresholds(ranking, (t, tps, fps) => {
    const a = tps / T - fps / F;
    if (a > advantage) {
      advantage = a;
      threshold = -t;
      tpr = tps / T;
      fpr = fps / F;
    }
  });
  const sq = (flag: number) => {
    let s = 0;
    for (let i = 0; i < n; i++) if (isTraining[i] === flag) s += weights === null ? 1 : (weights[i] as number) ** 2;
    return s;
  };
  const n1 = effectiveSampleSize(T, sq(1));
  const n0 = effectiveSampleSize(F, sq(0));
  const pValue = Math.min(1, Math.exp((-2 * advantage * advantage * n1 * n0) / (n1 + n0)));

  const g = groupScores(ranking, Infinity, false);
  const grouped = groupedAdvantage(g, null, null);
  const B = options.bootstrap?.resamples ?? BOOTSTRAP_RESAMPLES;
  const rng = bootstrapRng(options.bootstrap?.seed);
  const samples = new Float64Array(B);
  const pos = new Float64Array(g.size);
  const neg = new Float64Array(g.size);
  const rowsPos = g.positive.rows.reduce((a, b) => a + b, 0);
  const rowsNeg = g.negative.rows.reduce((a, b) => a + b, 0);
  for (let b = 0; b < B; b++) {
    sampleMultinomial(rowsPos, g.positive.rows, pos, rng);
    sampleMultinomial(rowsNeg, g.negative.rows, neg, rng);
    samples[b] = groupedAdvantage(g, pos, neg) + (g.exact ? 0 : advantage - grouped);
  }
  const interval = percentileInterval(samples, advantage);
  const verdict: MembershipVerdict = advantage < NOTICEABLE_ADVANTAGE || pValue >= 0.05 ? 'coin-flip' : advantage < LARGE_ADVANTAGE ? 'noticeably-better' : 'much-better';
  return {
    advantage, lossThreshold: threshold, truePositiveRate: tpr, falsePositiveRate: fpr, balancedAttackAccuracy: 0.5 + advantage / 2,
    interval, pValue, trainingRows: rowsPos, heldOutRows: rowsNeg, verdict, message: membershipMessage(verdict, advantage, interval),
  };
}
