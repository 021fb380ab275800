/**
 * Worker-thread entry: runs one CsvRangeTask and posts progress, then the accumulator (structured
 * clone; the parent revives its classes), or a failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCsvRange, type CsvRangeTask } from './csv-range-task';

const task = workerData as CsvRangeTask;
try {
  const acc = runCsvRange(task, (bytes, rows) => parentPort!.postMessage({ type: 'progress', bytes, rows }));
  // Move (not copy) the per-row hash lists: tens of MB each on a large file.
  const lists = [acc.rowHashes, acc.idHashes, acc.featureHashes, acc.labelHashes];
  const transfer = lists.flatMap((l) => (l ? [l.words.buffer as ArrayBuffer] : []));
  if (acc.featureHashesSorted) transfer.push(acc.featureHashesSorted.buffer as ArrayBuffer);
  parentPort!.postMessage({ type: 'done', acc }, transfer);
} catch (e) {
  parentPort!.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
