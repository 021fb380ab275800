/**
 * The threshold tool for binary scores: how precision, recall, F1, the false- and true-positive
 * rates and the share of rows flagged move with the threshold, and the threshold that minimises
 * the expected cost of mistakes given what a false positive and a false negative cost.
 *
 * A row is flagged (predicted positive) when its score is >= the threshold. Every distinct score
 * is a candidate, plus "flag nothing"; the expected cost is (FP x cost of a false positive +
 * FN x cost of a false negative) / rows, reported per 1,000 predictions (weighted rows with
 * weights). Ties in cost go to the higher threshold (fewer rows flagged). Everything comes from one
 * ScoreRanking walked twice: once to find the minimum (ThresholdScan), once to sample the curves
 * (ThresholdCurveWriter). The binary report runs both inside its own two walks.
 */
import { CurveSampler } from '../metrics/downsample';
import { f1From } from '../metrics/label-metrics';
import type { ScoreRanking } from '../metrics/score-ranking';
import { type ThresholdBlock, walkThresholdBlocks } from '../metrics/threshold-walk';
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

/** The first walk: the counts at the default threshold and the cheapest threshold. */
export class ThresholdScan {
  readonly costs: ThresholdCosts | null;
  readonly def: number;
  distinct = 0;
  // Plain numbers while walking (an object per threshold would be garbage on 1M of them).
  private defaultSeen = false;
  private defaultTp = 0;
  private defaultFp = 0;
  private cheapestAt: number | null = null;
  private cheapestTp = 0;
  private cheapestFp = 0;
  private cheapestCost = Infinity;

  constructor(
    private readonly P: number,
    private readonly N: number,
    options: ThresholdOptions,
  ) {
    this.costs = options.costs ?? null;
    if (this.costs) checkCosts(this.costs);
    this.def = options.defaultThreshold ?? 0.5;
    if (this.costs !== null) this.cheapestCost = this.per1000(0, 0) as number;
  }

  per1000(fp: number, tp: number): number | null {
    const W = this.P + this.N;
    const c = this.costs;
    return c === null || W === 0 ? null : ((fp * c.falsePositive + (this.P - tp) * c.falseNegative) / W) * 1000;
  }

  point(threshold: number | null, tp: number, fp: number): ThresholdPoint {
    return { threshold, truePositive: tp, falsePositive: fp, trueNegative: this.N - fp, falseNegative: this.P - tp, costPer1000: this.per1000(fp, tp) };
  }

  /** A block of distinct thresholds, highest first. */
  block(b: ThresholdBlock): void {
    const T = b.threshold;
    const TP = b.tps;
    const FP = b.fps;
    const size = b.size;
    this.distinct += size;
    // Thresholds fall: those at or above the default come first.
    for (let k = 0; k < size && T[k]! >= this.def; k++) {
      this.defaultSeen = true;
      this.defaultTp = TP[k]!;
      this.defaultFp = FP[k]!;
    }
    const c = this.costs;
    if (c === null) return;
    const W = this.P + this.N;
    const P = this.P;
    let cheapest = this.cheapestCost;
    for (let k = 0; k < size; k++) {
      const tps = TP[k]!;
      const fps = FP[k]!;
      const cost = W === 0 ? NaN : ((fps * c.falsePositive + (P - tps) * c.falseNegative) / W) * 1000;
      if (cost < cheapest) {
        cheapest = cost;
        this.cheapestAt = T[k]!;
        this.cheapestTp = tps;
        this.cheapestFp = fps;
      }
    }
    this.cheapestCost = cheapest;
  }

  /** The counts at the default threshold (nothing flagged when no score reaches it). */
  get atDefault(): ThresholdPoint {
    return this.defaultSeen ? this.point(this.def, this.defaultTp, this.defaultFp) : this.point(null, 0, 0);
  }

  get cheapest(): ThresholdPoint {
    return this.point(this.cheapestAt, this.cheapestTp, this.cheapestFp);
  }
}

/** The second walk: the curves, sampled to at most maxCurvePoints (ends exact). */
export class ThresholdCurveWriter {
  private readonly sampler: CurveSampler;
  readonly curves: ThresholdCurves;
  /** Points of the walk seen so far. */
  private seen = 0;

  constructor(
    distinct: number,
    private readonly P: number,
    private readonly N: number,
    maxCurvePoints: number = DEFAULT_MAX_CURVE_POINTS,
  ) {
    this.sampler = new CurveSampler(distinct, maxCurvePoints, true);
    const size = this.sampler.size;
    this.curves = {
      threshold: new Array<number>(size), precision: new Array<number>(size), recall: new Array<number>(size), f1: new Array<number>(size),
      fpr: new Array<number>(size), tpr: new Array<number>(size), flaggedShare: new Array<number>(size), points: distinct,
    };
  }

  /** Whether the walk's points before `end` hold one this writer keeps (see RankingCurveWriter.wants). */
  wants(end: number): boolean {
    return this.sampler.nextIndex < end;
  }

  /** Continues at point `index`. */
  resume(index: number): void {
    this.seen = index;
  }

  /** A block of the walk: only the sampled points are written. */
  block(b: ThresholdBlock): void {
    const start = this.seen;
    this.seen += b.size;
    const P = this.P;
    const N = this.N;
    const W = P + N;
    const c = this.curves;
    for (let index = this.sampler.nextIndex; index < this.seen; index = this.sampler.nextIndex) {
      const s = this.sampler.take();
      const k = index - start;
      const tps = b.tps[k]!;
      const fps = b.fps[k]!;
      const precision = tps + fps === 0 ? 0 : tps / (tps + fps);
      const recall = P === 0 ? 0 : tps / P;
      c.threshold[s] = b.threshold[k]!;
      c.precision[s] = precision;
      c.recall[s] = recall;
      c.f1[s] = f1From(precision, recall);
      c.fpr[s] = N === 0 ? 0 : fps / N;
      c.tpr[s] = recall;
      c.flaggedShare[s] = W === 0 ? 0 : (tps + fps) / W;
    }
  }
}

/** The analysis from a finished scan and curve writer. */
export function thresholdResult(scan: ThresholdScan, curves: ThresholdCurves): ThresholdAnalysis {
  const seen = scan.atDefault;
  const atDefault = seen.threshold === null ? { ...seen, threshold: scan.def } : seen;
  const costs = scan.costs;
  const cheapest = scan.cheapest;
  const saving = costs === null ? null : (atDefault.costPer1000 as number) - (cheapest.costPer1000 as number);
  return {
    curves, atDefault, cheapest: costs === null ? null : cheapest, costs, savingPer1000: saving,
    message: costs === null ? null : costText(costs, atDefault, cheapest, saving as number),
  };
}

export function analyseThresholds(r: ScoreRanking, options: ThresholdOptions = {}): ThresholdAnalysis {
  const scan = new ThresholdScan(r.positiveTotal, r.negativeTotal, options);
  walkThresholdBlocks(r, (b) => scan.block(b));
  const writer = new ThresholdCurveWriter(scan.distinct, r.positiveTotal, r.negativeTotal, options.maxCurvePoints);
  walkThresholdBlocks(r, (b) => writer.block(b));
  return thresholdResult(scan, writer.curves);
}
