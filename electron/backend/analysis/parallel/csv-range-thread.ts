/**
 * Worker-thread entry: runs one CsvRangeTask and posts progress, then the accumulator (structured
 * clone; the parent revives its classes), or a failure. A task of kind 'predictions' reads the
 * role columns of a predictions file instead (evaluate/prediction-range.ts) and moves its typed
 * columns to the parent; a task of kind 'slice-subsets' evaluates slices of an evaluation
 * (evaluate/slice-subsets.ts).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { PredictionRangeTask } from '../evaluate/prediction-range';
import type { SliceSubsetTask } from '../evaluate/slice-subsets';
import { runCsvRange, type CsvRangeTask } from './csv-range-task';

const task = workerData as (CsvRangeTask & { kind?: undefined }) | PredictionRangeTask | SliceSubsetTask;
const progress = (bytes: number, rows: number) => parentPort!.postMessage({ type: 'progress', bytes, rows });

function profileRange(t: CsvRangeTask): void {
  const acc = runCsvRange(t, progress);
  // Move (not copy) the per-row hash lists: tens of MB each on a large file.
  const lists = [acc.rowHashes, acc.idHashes, acc.featureHashes, acc.labelHashes];
  const transfer = lists.flatMap((l) => (l ? [l.words.buffer as ArrayBuffer] : []));
  if (acc.featureHashesSorted) transfer.push(acc.featureHashesSorted.buffer as ArrayBuffer);
  parentPort!.postMessage({ type: 'done', acc }, transfer);
}

// The evaluation tasks' modules load only for those tasks: a profiling thread never needs them.
async function predictionsRange(t: PredictionRangeTask): Promise<void> {
  const { runPredictionRange, transferList } = await import('../evaluate/prediction-range');
  const columns = runPredictionRange(t, progress);
  parentPort!.postMessage({ type: 'done', columns }, transferList(columns));
}

async function sliceSubsets(t: SliceSubsetTask): Promise<void> {
  const { runSliceSubsets } = await import('../evaluate/slice-subsets');
  parentPort!.postMessage({ type: 'done', results: runSliceSubsets(t) });
}

try {
  if (task.kind === 'predictions') await predictionsRange(task);
  else if (task.kind === 'slice-subsets') await sliceSubsets(task);
  else profileRange(task);
} catch (e) {
  parentPort!.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
