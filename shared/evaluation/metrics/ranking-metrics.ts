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
import { type RankingMultiplicity, type ScoreRanking, rankingRows } from './score-ranking';
import { type ThresholdBlock, walkThresholdBlocks } from './threshold-walk';
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

/** ROC AUC and average precision, one distinct threshold at a time (highest first). */
export class RankingSummarizer {
  private area = 0;
  private prevT = 0;
  private prevF = 0;
  private ap = 0;
  private prevRecall = 0;
  count = 0;

  /** `T`: the total positive weight. */
  constructor(private readonly T: number) {}

  /** A block of distinct thresholds (highest first); the running sums in locals for the block. */
  block(b: ThresholdBlock): void {
    const TP = b.tps;
    const FP = b.fps;
    const T = this.T;
    let area = this.area, prevT = this.prevT, prevF = this.prevF, ap = this.ap, prevRecall = this.prevRecall;
    for (let k = 0; k < b.size; k++) {
      const tps = TP[k]!;
      const fps = FP[k]!;
      area += (fps - prevF) * (tps + prevT);
      prevT = tps;
      prevF = fps;
      if (T > 0) {
        const recall = tps / T;
        const ps = tps + fps;
        ap += (recall - prevRecall) * (ps === 0 ? 0 : tps / ps);
        prevRecall = recall;
      }
    }
    this.count += b.size;
    this.area = area;
    this.prevT = prevT;
    this.prevF = prevF;
    this.ap = ap;
    this.prevRecall = prevRecall;
  }

  result(): RankingSummary {
    const { count, prevT, prevF } = this;
    if (count === 0 || prevT + prevF === 0) return { thresholds: count, rocAuc: null, averagePrecision: null };
    const rocAuc = prevT > 0 && prevF > 0 ? this.area / (2 * prevT * prevF) : null;
    return { thresholds: count, rocAuc, averagePrecision: this.T > 0 ? this.ap : 0 };
  }
}

/** ROC AUC and average precision in one walk. */
export function summariseRanking(r: ScoreRanking, m: RankingMultiplicity | null = null): RankingSummary {
  const s = new RankingSummarizer(positiveTotal(r, m));
  walkThresholdBlocks(r, (b) => s.block(b), m);
  return s.result();
}

/**
 * Applies roc_curve's drop_intermediate rule to a stream of points: a point is kept when it is the
 * first, the last, or a corner, i.e. np.diff(fps, 2) or np.diff(tps, 2) is non-zero there.
 * (With two points or fewer every point is kept, which this rule gives too.)
 */
export class RocThinner {
  private n = 0;
  private f0 = 0;
  private t0 = 0;
  private f1 = 0;
  private t1 = 0;
  private h1 = 0;

  constructor(private readonly emit: (threshold: number, tps: number, fps: number) => void) {}

  /** A block of points; the state in locals for the block. */
  block(b: ThresholdBlock): void {
    const H = b.threshold;
    const TP = b.tps;
    const FP = b.fps;
    let n = this.n, f0 = this.f0, t0 = this.t0, f1 = this.f1, t1 = this.t1, h1 = this.h1;
    for (let k = 0; k < b.size; k++) {
      const threshold = H[k]!;
      const tps = TP[k]!;
      const fps = FP[k]!;
      const i = n++;
      if (i === 0) this.emit(threshold, tps, fps);
      else if (i >= 2) {
        // Decide on the previous point now that its successor is known.
        const corner = fps - f1 - (f1 - f0) !== 0 || tps - t1 - (t1 - t0) !== 0;
        if (corner) this.emit(h1, t1, f1);
      }
      f0 = f1;
      t0 = t1;
      f1 = fps;
      t1 = tps;
      h1 = threshold;
    }
    this.n = n;
    this.f0 = f0;
    this.t0 = t0;
    this.f1 = f1;
    this.t1 = t1;
    this.h1 = h1;
  }

  /** Its state (6 numbers) into out[at..], for restore(). */
  save(out: Float64Array, at: number): void {
    out[at] = this.n;
    out[at + 1] = this.f0;
    out[at + 2] = this.t0;
    out[at + 3] = this.f1;
    out[at + 4] = this.t1;
    out[at + 5] = this.h1;
  }

  /** Continues from a state save() wrote. */
  restore(from: Float64Array, at: number): void {
    this.n = from[at]!;
    this.f0 = from[at + 1]!;
    this.t0 = from[at + 2]!;
    this.f1 = from[at + 3]!;
    this.t1 = from[at + 4]!;
    this.h1 = from[at + 5]!;
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

/** How many ROC points survive drop_intermediate: count them in a first walk with a RocThinner. */
export function rocPointCounter(): { thinner: RocThinner; kept: () => number } {
  let kept = 0;
  return {
    thinner: new RocThinner(() => {
      kept++;
    }),
    kept: () => kept,
  };
}

/** Points of roc_curve once `kept` points were emitted: the first comes with a point above it (highest score + 1). */
export function rocStreamLength(kept: number): number {
  return kept === 0 ? 0 : kept + 1;
}

/**
 * Writes roc_curve(drop_intermediate=True) and precision_recall_curve from a walk, given what a
 * first walk counted: `count` distinct thresholds, of which `kept` are ROC points.
 */
export class RankingCurveWriter {
  private readonly withRoc: boolean;
  private readonly rocSampler: CurveSampler;
  private readonly prSampler: CurveSampler;
  private readonly roc: RocCurve;
  private readonly pr: PrCurve;
  private readonly thinner: RocThinner;
  private first = true;
  private readonly empty: boolean;
  /** Points of the walk seen so far. */
  private seen = 0;

  constructor(
    private readonly T: number,
    private readonly F: number,
    rows: number,
    count: number,
    kept: number,
    maxPoints: number,
  ) {
    this.empty = count === 0 || rows === 0;
    this.withRoc = T > 0 && F > 0;
    const rocSampler = (this.rocSampler = new CurveSampler(kept + 1, maxPoints));
    this.roc = { points: kept + 1, fpr: new Array<number>(rocSampler.size), tpr: new Array<number>(rocSampler.size), thresholds: new Array<number>(rocSampler.size) };
    const prSampler = (this.prSampler = new CurveSampler(count, maxPoints - 1, true));
    this.pr = { points: count + 1, precision: new Array<number>(prSampler.size + 1), recall: new Array<number>(prSampler.size + 1), thresholds: new Array<number>(prSampler.size) };
    this.thinner = new RocThinner((t, tps, fps) => {
      if (this.first) {
        this.putRoc(t + 1, 0, 0);
        this.first = false;
      }
      this.putRoc(t, tps, fps);
    });
  }

  private putRoc(threshold: number, tps: number, fps: number): void {
    const s = this.rocSampler.slot();
    if (s < 0) return;
    this.roc.fpr[s] = fps / this.F;
    this.roc.tpr[s] = tps / this.T;
    this.roc.thresholds[s] = threshold;
  }

  /**
   * Whether the walk's points up to `end` (the ROC thinner's emissions up to stream index
   * `rocEnd`, the synthetic first point counted) hold a point this writer keeps; a walk may skip a
   * block that holds none, then resume() after it.
   */
  wants(end: number, rocEnd: number): boolean {
    return this.prSampler.nextIndex < end || (this.withRoc && this.rocSampler.nextIndex < rocEnd);
  }

  /** Continues at point `index`, the ROC thinner as saved there with `kept` points emitted before it. */
  resume(index: number, thinner: Float64Array, at: number, kept: number): void {
    this.seen = index;
    this.thinner.restore(thinner, at);
    this.first = kept === 0;
    this.rocSampler.skipTo(rocStreamLength(kept));
  }

  /** A block of the walk: every point through the ROC thinner, the sampled ones onto the PR curve. */
  block(b: ThresholdBlock): void {
    if (this.withRoc) this.thinner.block(b);
    const start = this.seen;
    this.seen += b.size;
    const sampler = this.prSampler;
    for (let index = sampler.nextIndex; index < this.seen; index = sampler.nextIndex) {
      const s = sampler.take();
      const k = index - start;
      const tps = b.tps[k]!;
      const fps = b.fps[k]!;
      const ps = tps + fps;
      this.pr.precision[s] = ps === 0 ? 0 : tps / ps;
      this.pr.recall[s] = this.T === 0 ? 1 : tps / this.T;
      this.pr.thresholds[s] = b.threshold[k]!;
    }
  }

  finish(): RankingCurves {
    if (this.empty) return { roc: null, pr: null };
    if (this.withRoc) this.thinner.finish();
    const pr = this.pr;
    const size = this.prSampler.size;
    pr.precision[size] = 1;
    pr.recall[size] = 0;
    return { roc: this.withRoc ? this.roc : null, pr };
  }
}

/**
 * roc_curve(drop_intermediate=True) and precision_recall_curve, each downsampled to maxPoints
 * (end points exact; the PR curve's final (1, 0) point always kept), in two walks.
 */
export function rankingCurves(r: ScoreRanking, maxPoints: number): RankingCurves {
  const counter = rocPointCounter();
  const count = walkThresholdBlocks(r, (b) => counter.thinner.block(b));
  counter.thinner.finish();
  const rows = rankingRows(r);
  const writer = new RankingCurveWriter(r.positiveTotal, r.negativeTotal, rows, count, counter.kept(), maxPoints);
  if (count === 0 || rows === 0) return writer.finish();
  walkThresholdBlocks(r, (b) => writer.block(b));
  return writer.finish();
}
