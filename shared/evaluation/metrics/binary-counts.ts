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
import { CalibrationBins } from './calibration';
import { binaryBrierTerm, binaryLogLossTerm } from './probability-metrics';
import type { ScoreRanking } from './score-ranking';
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

/** A Neumaier-compensated running sum. */
class CompensatedSum {
  private sum = 0;
  private c = 0;

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
 * The same counts from an unweighted ranking, one distinct score at a time (highest first, as
 * walkThresholds visits them): tps and fps are the rows of each class scoring at or above it.
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
    const P = ranking.positiveScores;
    const N = ranking.negativeScores;
    const low = Math.min(P.length > 0 ? (P[0] as number) : Infinity, N.length > 0 ? (N[0] as number) : Infinity);
    const high = Math.max(P.length > 0 ? (P[P.length - 1] as number) : -Infinity, N.length > 0 ? (N[N.length - 1] as number) : -Infinity);
    this.unit = !(low < 0 || high > 1);
  }

  visit(t: number, tps: number, fps: number): void {
    const dp = tps - this.prevT;
    const dn = fps - this.prevF;
    this.prevT = tps;
    this.prevF = fps;
    if (t >= this.threshold) {
      this.tpAt = tps;
      this.fpAt = fps;
    }
    if (!this.unit) return;
    if (dp > 0) {
      this.logLoss.add(dp * binaryLogLossTerm(t, true));
      this.brier.add(dp * binaryBrierTerm(t, true));
    }
    if (dn > 0) {
      this.logLoss.add(dn * binaryLogLossTerm(t, false));
      this.brier.add(dn * binaryBrierTerm(t, false));
    }
    this.cal.addGroup(t, dp, dn);
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
