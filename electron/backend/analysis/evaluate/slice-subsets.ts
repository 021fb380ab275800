/**
 * What a worker thread is sent to evaluate some slices of an evaluation (slice-threads.ts), and
 * the thread's body (parallel/csv-range-thread.ts runs it for tasks of kind 'slice-subsets').
 */
import { evaluateSubset, type BootstrapOptions, type SliceEvaluation, type SubsetResult } from '../../../../shared/evaluation';

export interface SliceSubsetTask {
  kind: 'slice-subsets';
  evaluation: SliceEvaluation;
  subsets: Array<{ rows: Uint32Array; boot: BootstrapOptions }>;
}

export function runSliceSubsets(task: SliceSubsetTask): SubsetResult[] {
  return task.subsets.map((s) => evaluateSubset(task.evaluation, s.rows, s.boot));
}
