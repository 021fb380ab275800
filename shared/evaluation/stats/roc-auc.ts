/**
 * Area under the ROC curve from scores and binary labels, with ties counted as half
 * (the Mann-Whitney U formulation; equals sklearn.metrics.roc_auc_score). Used by
 * target_leakage: a single feature whose AUC is near 1 (or 0) predicts the target alone.
 */
import { averageRanks } from './ranks';

/** Returns NaN when one class is absent (AUC is undefined then). */
export function rocAuc(scores: readonly number[], positive: readonly boolean[]): number {
  if (scores.length !== positive.length) throw new RangeError('scores and labels differ in length');
  const ranks = averageRanks(scores);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < ranks.length; i++) {
    if (positive[i]) {
      positives++;
      rankSum += ranks[i];
    }
  }
  const negatives = ranks.length - positives;
  if (positives === 0 || negatives === 0) return NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
