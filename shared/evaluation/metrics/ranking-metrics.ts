/**
 * ROC AUC, average precision and the ROC and precision-recall curves from one ScoreRanking,
 * equal to scikit-learn 1.2's roc_auc_score, average_precision_score, roc_curve (with
 * drop_intermediate=True, first threshold = highest score + 1) and precision_recall_curve.
 *
 * AUC is the trapezoid area under the full (tps, fps) staircase, summed in cumulative weights and
 * divided once: exact integer arithmetic for unweighted data up to 2^53, and the same area as
 * scikit-learn's trapezoid over the thinned curve (thinning only removes collinear points).
 * Average precision is the step sum  sum_k (R_k - R_{k-1}) P_k  over distinct thresholds, not the
 * trapezoid.
 */
import { CurveSampler } from './downsample';
import { type RankingMultiplicity, type ScoreRanking, walkThresholds } from './score-ranking';
import type { PrCurve, RocCurve } from './types';

export interface RankingSummary {
  /** Distinct scores among rows with weight. */
  thresholds: number;
  /** Null when either class has no weight (scikit-learn raises or returns nan). */
  rocAuc: number | null;
  /** 0 when no positive has weight (scikit-learn's convention, with a warning); null when no row has weight. */
  averagePrecision: number | null;
}

/** Summed positive weight, honouring resampled multiplicities. */
function positiveTotal(r: ScoreRanking, m: RankingMultiplicity | null): number {
  if (m === null) return r.positiveTotal;
  let t = 0;
  const w = r.positiveWeights;
  for (let i = 0; i < m.positive.length; i++) t += (w === null ? 1 : (w[i] as number)) * (m.positive[i] as number);
  return t;
}

/** ROC AUC and average precision in one walk. */
export function summariseRanking(r: ScoreRanking, m: RankingMultiplicity | null = null): RankingSummary {
  const T = positiveTotal(r, m);
  let area = 0;
  let prevT = 0;
  let prevF = 0;
  let ap = 0;
  let prevRecall = 0;
  const count = walkThresholds(r, (_t, tps, fps) => {
    area += (fps - prevF) * (tps + prevT);
    prevT = tps;
    prevF = fps;
    if (T > 0) {
      const recall = tps / T;
      const ps = tps + fps;
      ap += (recall - prevRecall) * (ps === 0 ? 0 : tps / ps);
      prevRecall = recall;
    }
  }, m);
  if (count === 0 || prevT + prevF === 0) return { thresholds: count, rocAuc: null, averagePrecision: null };
  const rocAuc = prevT > 0 && prevF > 0 ? area / (2 * prevT * prevF) : null;
  return { thresholds: count, rocAuc, averagePrecision: T > 0 ? ap : 0 };
}

/**
 * Applies roc_curve's drop_intermediate rule to a stream of points: a point is kept when it is the
 * first, the last, or a corner, i.e. np.diff(fps, 2) or np.diff(tps, 2) is non-zero there.
 * (With two points or fewer every point is kept, which this rule gives too.)
 */
class RocThinner {
  private n = 0;
  private f0 = 0;
  private t0 = 0;
  private f1 = 0;
  private t1 = 0;
  private h1 = 0;

  constructor(private readonly emit: (threshold: number, tps: number, fps: number) => void) {}

  push(threshold: number, tps: number, fps: number): void {
    const k = this.n++;
    if (k === 0) this.emit(threshold, tps, fps);
    else if (k >= 2) {
      // Decide on the previous point now that its successor is known.
      const corner = fps - this.f1 - (this.f1 - this.f0) !== 0 || tps - this.t1 - (this.t1 - this.t0) !== 0;
      if (corner) this.emit(this.h1, this.t1, this.f1);
    }
    this.f0 = this.f1;
    this.t0 = this.t1;
    this.f1 = fps;
    this.t1 = tps;
    this.h1 = threshold;
  }

  /** Emits the last point. */
  finish(): void {
    if (this.n >= 2) this.emit(this.h1, this.t1, this.f1);
  }
}

export interface RankingCurves {
  /** Null when a class has no weight (scikit-learn's rates would be nan). */
  roc: RocCurve | null;
  pr: PrCurve | null;
}

/**
 * roc_curve(drop_intermediate=True) and precision_recall_curve, each downsampled to maxPoints
 * (end points exact; the PR curve's final (1, 0) point always kept), in two walks.
 */
export function rankingCurves(r: ScoreRanking, maxPoints: number): RankingCurves {
  let kept = 0;
  const T = r.positiveTotal;
  const F = r.negativeTotal;
  const total = r.positiveScores.length + r.negativeScores.length;
  const counter = new RocThinner(() => {
    kept++;
  });
  const count = walkThresholds(r, (t, tps, fps) => counter.push(t, tps, fps));
  counter.finish();
  if (count === 0 || total === 0) return { roc: null, pr: null };
  const withRoc = T > 0 && F > 0;
  const rocSampler = new CurveSampler(kept + 1, maxPoints);
  const roc: RocCurve = { points: kept + 1, fpr: new Array<number>(rocSampler.size), tpr: new Array<number>(rocSampler.size), thresholds: new Array<number>(rocSampler.size) };
  const put = (threshold: number, tps: number, fps: number) => {
    const s = rocSampler.slot();
    if (s < 0) return;
    roc.fpr[s] = fps / F;
    roc.tpr[s] = tps / T;
    roc.thresholds[s] = threshold;
  };
  let first = true;
  const thinner = new RocThinner((t, tps, fps) => {
    if (first) {
      put(t + 1, 0, 0);
      first = false;
    }
    put(t, tps, fps);
  });
  const prSampler = new CurveSampler(count, maxPoints - 1, true);
  const pr: PrCurve = { points: count + 1, precision: new Array<number>(prSampler.size + 1), recall: new Array<number>(prSampler.size + 1), thresholds: new Array<number>(prSampler.size) };
  walkThresholds(r, (t, tps, fps) => {
    if (withRoc) thinner.push(t, tps, fps);
    const s = prSampler.slot();
    if (s < 0) return;
    const ps = tps + fps;
    pr.precision[s] = ps === 0 ? 0 : tps / ps;
    pr.recall[s] = T === 0 ? 1 : tps / T;
    pr.thresholds[s] = t;
  });
  if (withRoc) thinner.finish();
  pr.precision[prSampler.size] = 1;
  pr.recall[prSampler.size] = 0;
  return { roc: withRoc ? roc : null, pr };
}
