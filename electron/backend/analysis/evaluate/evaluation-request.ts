/**
 * What the parent sends the worker process to evaluate a predictions file, and what comes back.
 * JSON-safe: it crosses a process boundary. Gates are judged by the caller (they may compare with
 * a stored evaluation), so the worker's result has none.
 */
import type { EvaluationResult } from '../../../../shared/contract/evaluation-result';
import type { EvaluationOptions, PredictionRoles } from '../../../../shared/contract/evaluations';
import type { NumericBins } from '../../../../shared/evaluation/slices';
import type { ReadOptions } from '../analysis-types';

export interface EvaluationRequest {
  kind: 'evaluate';
  file: string;
  roles: PredictionRoles;
  options: Omit<EvaluationOptions, 'gates' | 'referenceEvaluationId'>;
  read?: ReadOptions;
  /** Threads for large CSV files and many slices (default 2) and the size they start at (default 32 MiB): tests lower it. */
  threads?: number;
  parallelMinBytes?: number;
  /** The slice work a second thread starts at (slice-threads.ts), busy machine or not: tests set it. */
  sliceThreadMinWork?: number;
  /** Bins for numeric slice columns (another evaluation's sliceBins), so the slices of two files compare. */
  sliceBins?: Record<string, NumericBins>;
}

export interface EvaluationOutcome {
  result: EvaluationResult;
  /** How the task was decided ("given", or what it was guessed from). */
  taskReason: string;
  /** The bins each numeric slice column was cut into. */
  sliceBins: Record<string, NumericBins>;
  timings: Record<string, number>;
  /** Peak resident memory and CPU time (user + system) of the worker process. */
  peakRssBytes: number;
  cpuMs: number;
}
