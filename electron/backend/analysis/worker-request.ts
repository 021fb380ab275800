/** What the worker process is asked to do: a check's analysis, or an evaluation (kind 'evaluate'). */
import type { AnalysisRequest } from './analysis-types';
import type { EvaluationRequest } from './evaluate/evaluation-request';

export type WorkerRequest = (AnalysisRequest & { kind?: 'analyse' }) | EvaluationRequest;
