/**
 * Evaluate a predictions file in the analysis worker process (the same process kind, launcher,
 * progress, cancel and crash handling as a check: run-analysis.ts), so a 10M-row file or a
 * hostile one never takes the app down.
 */
import { runInWorker, type RunAnalysisOptions } from '../run-analysis';
import type { EvaluationOutcome, EvaluationRequest } from './evaluation-request';

export function runEvaluation(request: Omit<EvaluationRequest, 'kind'>, options: RunAnalysisOptions = {}): Promise<EvaluationOutcome> {
  return runInWorker<EvaluationOutcome>({ ...request, kind: 'evaluate' }, options);
}
