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

export function summariseRanking(r: ScoreRanking, m: RankingMultiplicity | null = null): RankingSummary {
  let area = 0;
  let prevT = 0;
  let prevF = 0;
  let ap = 0;
  let prevRecall = 0;
  let lastT = 0;
  let lastF = 0;
  // Totals come from the walk itself so resampled multiplicities are honoured.
  const count = walkThresholds(r, (_t, tps, fps) => {
    area += (fps - prevF) * (tps + prevT);
    prevT = tps;
    prevF = fps;
    lastT = tps;
    lastF = fps;
  }, m);
  if (count === 0) return { thresholds: 0, rocAuc: null, averagePrecision: null };
  const rocAuc = lastT > 0 && lastF > 0 ? area / (2 * lastT * lastF) : null;
  if (lastT === 0) return { thresholds: count, rocAuc, averagePrecision: 0 };
  walkThresholds(r, (_t, tps, fps) => {
    const recall = tps / lastT;
    const ps = tps + fps;
    const precision = ps === 0 ? 0 : tps / ps;
    ap += (recall - prevRecall) * precision;
    prevRecall = recall;
  }, m);
  return { thresholds: count, rocAuc, averagePrecision: ap };
}

/**
 * Applies roc_curve's drop_intermediate rule to a stream of points: a point is kept when it is the
 * first, the last, or a corner, i.e. np.diff(fps, 2) or np.diff(tps, 2) is non-zero there.
 */
class RocThinner {
  private n = 0;
  private f0 = 0;
  private t0 = 0;
  private f1 = 0;
  private t1 = 0;
  private h1 = 0;

  constructor(private readonly total: number, private readonly emit: (threshold: number, tps: number, fps: number) => void) {}

  push(threshold: number, tps: number, fps: number): void {
    const k = this.n++;
    if (this.total <= 2 || k === 0) {
      this.emit(threshold, tps, fps);
    } else if (k >= 2) {
      // Decide on the middle point (k - 1) now that its successor is known.
      const corner = fps - this.f1 - (this.f1 - this.f0) !== 0 || tps - this.t1 - (this.t1 - this.t0) !== 0;
      if (corner) this.emit(this.h1, this.t1, this.f1);
    }
    if (this.total > 2 && k === this.total - 1 && k >= 1) this.emit(threshold, tps, fps);
    this.f0 = this.f1;
    this.t0 = this.t1;
    this.f1 = fps;
    this.t1 = tps;
    this.h1 = threshold;
  }
}

/** roc_curve(drop_intermediate=True) downsampled to maxPoints; null when a class has no weight. */
export function rocCurve(r: ScoreRanking, maxPoints: number): RocCurve | null {
  const summary = { count: 0, kept: 0, lastT: 0, lastF: 0 };
  summary.count = walkThresholds(r, (_t, tps, fps) => {
    summary.lastT = tps;
    summary.lastF = fps;
  });
  if (summary.count === 0 || summary.lastT <= 0 || summary.lastF <= 0) return null;
  const counter = new RocThinner(summary.count, () => {
    summary.kept++;
  });
  walkThresholds(r, (t, tps, fps) => counter.push(t, tps, fps));
  const points = summary.kept + 1;
  const sampler = new CurveSampler(points, maxPoints);
  const fpr = new Array<number>(sampler.size);
  const tpr = new Array<number>(sampler.size);
  const thresholds = new Array<number>(sampler.size);
  let first = true;
  const put = (threshold: number, tps: number, fps: number) => {
    const s = sampler.slot();
    if (s < 0) return;
    fpr[s] = fps / summary.lastF;
    tpr[s] = tps / summary.lastT;
    thresholds[s] = threshold;
  };
  const thinner = new RocThinner(summary.count, (t, tps, fps) => {
    if (first) {
      put(t + 1, 0, 0);
      first = false;
    }
    put(t, tps, fps);
  });
  walkThresholds(r, (t, tps, fps) => thinner.push(t, tps, fps));
  return { points, fpr, tpr, thresholds };
}

/** precision_recall_curve downsampled to maxPoints (the final (1, 0) point is always kept). */
export function precisionRecallCurve(r: ScoreRanking, maxPoints: number): PrCurve | null {
  let lastT = 0;
  const count = walkThresholds(r, (_t, tps) => {
    lastT = tps;
  });
  if (count === 0) return null;
  const sampler = new CurveSampler(count, maxPoints - 1, true);
  const precision = new Array<number>(sampler.size + 1);
  const recall = new Array<number>(sampler.size + 1);
  const thresholds = new Array<number>(sampler.size);
  walkThresholds(r, (t, tps, fps) => {
    const s = sampler.slot();
    if (s < 0) return;
    const ps = tps + fps;
    precision[s] = ps === 0 ? 0 : tps / ps;
    recall[s] = lastT === 0 ? 1 : tps / lastT;
    thresholds[s] = t;
  });
  precision[sampler.size] = 1;
  recall[sampler.size] = 0;
  return { points: count + 1, precision, recall, thresholds };
}
