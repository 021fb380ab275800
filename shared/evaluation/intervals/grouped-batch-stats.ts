/**
 * groupedBinaryStats for a batch of resamples at once: the same one pass over the groups (highest
 * score first) and the same formulas, with each running sum held per resample in a small array, so
 * the counts (laid out group by group, group-resampler.ts) are read in order and the loop over the
 * resamples is tight.
 */
import { f1From } from '../metrics/label-metrics';
import type { ZeroDivision } from '../metrics/types';
import type { ClassGroups, ScoreGroups } from './score-groups';

/** Where the resampled values go: one array per bootstrapped metric. */
export interface BatchSamples {
  f1: Float64Array;
  balancedAccuracy: Float64Array;
  rocAuc: Float64Array;
  averagePrecision: Float64Array;
  logLoss: Float64Array;
  brier: Float64Array;
}

/** value[q] / rows[q]: a group's per-row share (0 for an empty group or no values). */
function perRow(values: Float64Array | null, c: ClassGroups, q: number): number {
  const rows = c.rows[q] as number;
  return values === null || rows === 0 ? 0 : (values[q] as number) / rows;
}

export class GroupedBatchStats {
  private readonly T: Float64Array;
  private readonly tps: Float64Array;
  private readonly fps: Float64Array;
  private readonly area: Float64Array;
  private readonly ap: Float64Array;
  private readonly prevRecall: Float64Array;
  private readonly tp: Float64Array;
  private readonly fp: Float64Array;
  private readonly loss: Float64Array;
  private readonly brier: Float64Array;

  constructor(private readonly batch: number) {
    const a = () => new Float64Array(batch);
    this.T = a();
    this.tps = a();
    this.fps = a();
    this.area = a();
    this.ap = a();
    this.prevRecall = a();
    this.tp = a();
    this.fp = a();
    this.loss = a();
    this.brier = a();
  }

  /**
   * The metrics of resamples 0..used-1, whose counts are pos[q * batch + b] and neg[q * batch + b],
   * into samples[metric][at + b].
   */
  compute(g: ScoreGroups, pos: Int32Array, neg: Int32Array, used: number, zd: ZeroDivision, samples: BatchSamples, at: number): void {
    const B = this.batch;
    const { T, tps, fps, area, ap, prevRecall, tp, fp, loss, brier } = this;
    for (const a of [T, tps, fps, area, ap, prevRecall, tp, fp, loss, brier]) a.fill(0);
    const P = g.positive;
    const N = g.negative;
    for (let q = 0; q < g.size; q++) {
      const wp = perRow(P.weight, P, q);
      for (let b = 0, o = q * B; b < used; b++) T[b] = (T[b] as number) + (pos[o + b] as number) * wp;
    }
    for (let q = 0; q < g.size; q++) {
      const wpf = perRow(P.weight, P, q);
      const wnf = perRow(N.weight, N, q);
      const lp = perRow(P.loss, P, q);
      const ln = perRow(N.loss, N, q);
      const bp = perRow(P.brier, P, q);
      const bn = perRow(N.brier, N, q);
      const flagged = g.predictedPositive[q] === 1;
      for (let b = 0, o = q * B; b < used; b++) {
        const np = pos[o + b] as number;
        const nn = neg[o + b] as number;
        const wp = np * wpf;
        const wn = nn * wnf;
        if (wp === 0 && wn === 0) continue;
        const t0 = tps[b] as number;
        area[b] = (area[b] as number) + wn * (2 * t0 + wp);
        const t = t0 + wp;
        const f = (fps[b] as number) + wn;
        tps[b] = t;
        fps[b] = f;
        const total = T[b] as number;
        if (total > 0) {
          const recall = t / total;
          ap[b] = (ap[b] as number) + (recall - (prevRecall[b] as number)) * (t / (t + f));
          prevRecall[b] = recall;
        }
        if (flagged) {
          tp[b] = (tp[b] as number) + wp;
          fp[b] = (fp[b] as number) + wn;
        }
        loss[b] = (loss[b] as number) + np * lp + nn * ln;
        brier[b] = (brier[b] as number) + np * bp + nn * bn;
      }
    }
    const probabilities = P.loss !== null;
    for (let b = 0; b < used; b++) {
      const t = tps[b] as number;
      const f = fps[b] as number;
      const W = t + f;
      const tpb = tp[b] as number;
      const fpb = fp[b] as number;
      const precision = tpb + fpb === 0 ? zd : tpb / (tpb + fpb);
      const recall = t === 0 ? zd : tpb / t;
      samples.f1[at + b] = f1From(precision, recall);
      const r1 = t > 0 ? tpb / t : NaN;
      const r0 = f > 0 ? (f - fpb) / f : NaN;
      samples.balancedAccuracy[at + b] = Number.isNaN(r1) ? r0 : Number.isNaN(r0) ? r1 : (r1 + r0) / 2;
      samples.rocAuc[at + b] = t > 0 && f > 0 ? (area[b] as number) / (2 * t * f) : NaN;
      samples.averagePrecision[at + b] = W === 0 ? NaN : (T[b] as number) > 0 ? (ap[b] as number) : 0;
      samples.logLoss[at + b] = !probabilities || W === 0 ? NaN : (loss[b] as number) / W;
      samples.brier[at + b] = !probabilities || W === 0 ? NaN : (brier[b] as number) / W;
    }
  }
}
