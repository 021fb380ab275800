/**
 * Worker-thread entry: runs one CsvRangeTask and posts progress, then the accumulator (structured
 * clone; the parent revives its classes), or a failure.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { runCsvRange, type CsvRangeTask } from './csv-range-task';

const task = workerData as CsvRangeTask;
try {
  const acc = runCsvRange(task, (bytes, rows) => parentPort!.postMessage({ type: 'progress', bytes, rows }));
  parentPort!.postMessage({ type: 'done', acc });
} catch (e) {
  parentPort!.postMessage({ type: 'failed', message: e instanceof Error ? e.message : String(e) });
}
