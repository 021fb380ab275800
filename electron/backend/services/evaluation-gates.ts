/**
 * Gates of an evaluation: conditions such as "f1>=0.8", "slice_min(recall)>=0.7" or
 * "rocAuc>=ref-0.02", judged on the result (and a reference evaluation's result for `ref`).
 */
import type { EvaluationResult, GateResult } from '../../../shared/contract/evaluation-result';
import { AppError } from '../../../shared/domain/errors';

export type GateReference = Pick<EvaluationResult, 'metrics' | 'slices'>;

export function judgeGates(result: EvaluationResult, expressions: readonly string[], reference: GateReference | null): GateResult[] {
  void result;
  void reference;
  if (expressions.length === 0) return [];
  throw new AppError('UNSUPPORTED', 'Gates are not available in this build yet.');
}
