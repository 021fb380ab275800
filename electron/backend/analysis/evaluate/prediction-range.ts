/**
 * One byte range of a UTF-8 predictions CSV, read into typed columns: the body of a range thread
 * (parallel/csv-range-thread.ts runs it for tasks of kind 'predictions'), also callable on the
 * calling thread. A range starts at a line start and ends after a newline. Any problem (a quoted
 * newline, a bad cell) fails the range; the caller then reads the file on one thread, which gives
 * exact line numbers.
 */
import { FileRangeSource } from '../read/byte-source';
import { CsvScanner, type CsvDialect } from '../read/csv-scanner';
import { SPLIT_UNSAFE } from '../parallel/csv-range-task';
import { PredictionReaders, type PredictionColumns } from './prediction-readers';
import { predictionRowSink } from './prediction-rows';
import { rankByLabel } from './ranked-parts';
import type { ResolvedRoles } from './resolve-roles';

export interface PredictionRangeTask {
  kind: 'predictions';
  file: string;
  start: number;
  end: number;
  names: string[];
  dialect: CsvDialect;
  roles: ResolvedRoles;
  /** Line number of the range's first byte when known (the first range: 2, after the header); else 1. */
  firstLine: number;
  bytesPerRow: number;
}

export function runPredictionRange(task: PredictionRangeTask, onProgress: (bytes: number, rows: number) => void): PredictionColumns {
  const readers = new PredictionReaders(task.roles, ((task.end - task.start) / task.bytesPerRow) * 1.05);
  const scanner = new CsvScanner({
    file: task.file,
    dialect: task.dialect,
    expectedFields: task.names.length,
    firstLine: task.firstLine,
    validateUtf8: true,
    onQuotedNewline: () => {
      throw new Error(SPLIT_UNSAFE);
    },
    onProgress,
  });
  const source = new FileRangeSource(task.file, task.start, task.end);
  try {
    scanner.scan(source, predictionRowSink(task.file, task.names, readers, false, task.dialect.delimiter));
  } finally {
    source.close();
  }
  const columns = readers.finish();
  columns.ranked = rankByLabel(columns);
  return columns;
}

/** The buffers to move (not copy) to the parent thread. */
export function transferList(c: PredictionColumns): ArrayBuffer[] {
  const arrays = [c.labelCodes, c.labelNumbers, c.predictionCodes, c.predictionNumbers, c.score, c.probabilities, c.weights, c.time, c.trainFlag, ...c.slices.flatMap((s) => [s.codes, s.numbers]), ...(c.ranked ?? []).map((p) => p.sorted ?? p.counts)];
  return [...new Set(arrays.filter((a) => a !== null).map((a) => a.buffer as ArrayBuffer))];
}
