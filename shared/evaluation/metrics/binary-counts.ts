/**
 * What the binary report counts: the confusion at the threshold, row counts, log loss, Brier and
 * the calibration bins. Two ways to the same numbers:
 *  - countRows: one pass over the rows (weights, or predicted labels without scores);
 *  - RankedCounter: from the sorted scores the report walks anyway (unweighted scores). Rows of one
 *    class with the same score have the same log-loss and Brier terms and fall in the same bin,
 *    so each distinct score is visited once with its row counts: one logarithm per distinct score
 *    instead of one per row, and no pass over the rows at all. On 10M rows with 6-decimal scores
 *    this removed about 0.6 CPU-s of the 1.2 the report took.
 * Sums are Neumaier-compensated: over 10M rows a plain sum drifts by ~1e-11; this keeps log loss and
 * Brier within a few ulps of the exact mean (numpy's pairwise sum is within ~1e-15 too).
 */
import { CalibrationBins, calibrationBin } from './calibration';
import { binaryBrierTerm, binaryLogLossTerm } from './probability-metrics';
import { type ScoreRanking, scoreRange } from './score-ranking';
import type { ThresholdBlock } from './threshold-walk';
import { invalid } from './validate';

export interface BinaryCounted {
  /** Weighted confusion counts at the threshold. */
  tp: number;
  fp: number;
  tn: number;
  fn: number;
  /** Rows (not weights) that are positive, and that are predicted positive. */
  posRows: number;
  predPosRows: number;
  /** Summed weight x per-row term (meaningful when `unit`). */
  logLoss: number;
  brier: number;
  /** Every score lies in [0, 1] (false without scores too). */
  unit: boolean;
  cal: CalibrationBins;
}

/** A Neumaier-compensated running sum (RankedCounter.block runs the same steps on local copies). */
class CompensatedSum {
  sum = 0;
  c = 0;

  add(x: number): void {
    const t = this.sum + x;
    this.c += Math.abs(this.sum) >= Math.abs(x) ? this.sum - t + x : x - t + this.sum;
    this.sum = t;
  }

  value(): number {
    return this.sum + this.c;
  }
}

/** Scores must be finite: the sorted walk would never leave a NaN. */
export function checkScores(scores: Float64Array): void {
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i] as number;
    if (!(s - s === 0)) invalid(`Score on row ${i + 1} is ${s}; it must be a finite number.`);
  }
}

/** One pass over the rows. A row is predicted positive when its score is >= threshold. */
export function countRows(isPositive: Uint8Array, scores: Float64Array | null, predicted: Uint8Array | null, weights: Float64Array | null, threshold: number, bins: number): BinaryCounted {
  const n = isPositive.length;
  let tp = 0, fp = 0, tn = 0, fn = 0;
  let posRows = 0, predPosRows = 0;
  const logLoss = new CompensatedSum();
  const brier = new CompensatedSum();
  let unit = scores !== null;
  const cal = new CalibrationBins(bins);
  for (let i = 0; i < n; i++) {
    const w = weights === null ? 1 : (weights[i] as number);
    if (!(w >= 0) || w === Infinity) invalid(`Weight on row ${i + 1} is ${w}; weights must be finite numbers of 0 or more.`);
    const pos = isPositive[i] === 1;
    let predPos: boolean;
    if (scores !== null) {
      const s = scores[i] as number;
      if (!Number.isFinite(s)) invalid(`Score on row ${i + 1} is ${s}; it must be a finite number.`);
      predPos = s >= threshold;
      if (s < 0 || s > 1) unit = false;
      else {
        logLoss.add(w * binaryLogLossTerm(s, pos));
        brier.add(w * binaryBrierTerm(s, pos));
        cal.add(s, pos ? 1 : 0, w);
      }
    } else {
      predPos = (predicted as Uint8Array)[i] === 1;
    }
    if (pos) {
      posRows++;
      if (predPos) tp += w;
      else fn += w;
    } else if (predPos) fp += w;
    else tn += w;
    if (predPos) predPosRows++;
  }
  return { tp, fp, tn, fn, posRows, predPosRows, logLoss: logLoss.value(), brier: brier.value(), unit, cal };
}

/**
 * The same counts from an unweighted ranking, one block of distinct scores at a time (highest
 * first, as walkThresholdBlocks hands them over): tps and fps are the rows of each class scoring
 * at or above each score.
 */
export class RankedCounter {
  private prevT = 0;
  private prevF = 0;
  private tpAt = 0;
  private fpAt = 0;
  private readonly logLoss = new CompensatedSum();
  private readonly brier = new CompensatedSum();
  private readonly cal: CalibrationBins;
  private readonly unit: boolean;

  constructor(
    private readonly ranking: ScoreRanking,
    private readonly threshold: number,
    bins: number,
  ) {
    if (ranking.positiveWeights !== null || ranking.negativeWeights !== null) throw new Error('RankedCounter needs an unweighted ranking');
    this.cal = new CalibrationBins(bins);
    // Counted scores lie in [0, 1] by construction (and their sorted arrays are not written).
    if (ranking.counts !== undefined) {
      this.unit = true;
      return;
    }
    const { low, high } = scoreRange(ranking);
    this.unit = !(low < 0 || high > 1);
  }

  /**
   * A block of distinct scores from walkThresholdBlocks. The running sums live in locals for the
   * block (fields read and written once, not per score); each step is CompensatedSum.add written
   * out, so the sums are what adding term by term gives. Rows sharing a score share a calibration
   * bin: the bin gets their count, outcome and summed score at once.
   */
  block(b: ThresholdBlock): void {
    const T = b.threshold;
    const TP = b.tps;
    const FP = b.fps;
    const size = b.size;
    const threshold = this.threshold;
    let prevT = this.prevT, prevF = this.prevF, tpAt = this.tpAt, fpAt = this.fpAt;
    for (let k = 0; k < size && T[k]! >= threshold; k++) {
      tpAt = TP[k]!;
      fpAt = FP[k]!;
    }
    this.tpAt = tpAt;
    this.fpAt = fpAt;
    if (!this.unit) {
      this.prevT = TP[size - 1]!;
      this.prevF = FP[size - 1]!;
      return;
    }
    const loss = this.logLoss;
    const brier = this.brier;
    let ls = loss.sum, lc = loss.c, bs = brier.sum, bc = brier.c;
    const cal = this.cal;
    const edges = cal.edges, weight = cal.weight, predicted = cal.predicted, outcome = cal.outcome, count = cal.count;
    for (let k = 0; k < size; k++) {
      const t = T[k]!;
      const tps = TP[k]!;
      const fps = FP[k]!;
      const dp = tps - prevT;
      const dn = fps - prevF;
      prevT = tps;
      prevF = fps;
      if (dp > 0) {
        let x = dp * binaryLogLossTerm(t, true);
        let sum = ls + x;
        lc += Math.abs(ls) >= Math.abs(x) ? ls - sum + x : x - sum + ls;
        ls = sum;
        x = dp * binaryBrierTerm(t, true);
        sum = bs + x;
        bc += Math.abs(bs) >= Math.abs(x) ? bs - sum + x : x - sum + bs;
        bs = sum;
      }
      if (dn > 0) {
        let x = dn * binaryLogLossTerm(t, false);
        let sum = ls + x;
        lc += Math.abs(ls) >= Math.abs(x) ? ls - sum + x : x - sum + ls;
        ls = sum;
        x = dn * binaryBrierTerm(t, false);
        sum = bs + x;
        bc += Math.abs(bs) >= Math.abs(x) ? bs - sum + x : x - sum + bs;
        bs = sum;
      }
      const bin = calibrationBin(t, edges);
      const rows = dp + dn;
      weight[bin] += rows;
      predicted[bin] += rows * t;
      outcome[bin] += dp;
      count[bin] += rows;
    }
    loss.sum = ls;
    loss.c = lc;
    brier.sum = bs;
    brier.c = bc;
    this.prevT = prevT;
    this.prevF = prevF;
  }

  finish(): BinaryCounted {
    // Unweighted: the totals are the row counts.
    const T = this.ranking.positiveTotal;
    const F = this.ranking.negativeTotal;
    const tp = this.tpAt;
    const fp = this.fpAt;
    return { tp, fp, tn: F - fp, fn: T - tp, posRows: T, predPosRows: tp + fp, logLoss: this.logLoss.value(), brier: this.brier.value(), unit: this.unit, cal: this.cal };
  }
}
