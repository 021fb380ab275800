/**
 * Per-row terms of log loss and the Brier score, written as scikit-learn 1.2 computes them so the
 * sums agree to the last bits that matter:
 *  - log loss: probabilities clipped to [eps, 1 - eps] with eps = 2.22e-16 (float64 machine
 *    epsilon, scikit-learn 1.2's eps="auto"), each row renormalised by its sum, natural log;
 *  - binary Brier: (y - p)^2 with y = 1 for the positive class (brier_score_loss);
 *  - multiclass Brier: the sum over classes of (onehot - p)^2 per row, averaged over rows
 *    (the original Brier 1950 definition; for two classes it is twice brier_score_loss).
 */

/** np.finfo(np.float64).eps, scikit-learn 1.2's default clip for log loss. */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

export function clipProbability(p: number): number {
  return Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
}

/** One row's log loss for binary scores p = P(positive). */
export function binaryLogLossTerm(p: number, positive: boolean): number {
  const pc = clipProbability(p);
  const q = 1 - pc;
  const s = q + pc;
  return positive ? -Math.log(pc / s) : -Math.log(q / s);
}

export function binaryBrierTerm(p: number, positive: boolean): number {
  const d = (positive ? 1 : 0) - p;
  return d * d;
}

/** np.allclose(1, sum): how roc_auc_score decides a multiclass row "sums to 1". */
export function sumsToOne(sum: number): boolean {
  return Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum);
}
