/**
 * Profile one byte range of a UTF-8 delimited file: the body of a worker thread, also callable in
 * the same thread. The range starts at a line start and ends just after a newline (or at the end
 * of the file). A quoted newline means the split may have cut a record, so the range gives up
 * with SPLIT_UNSAFE and the caller rescans the file on one thread.
 */
import { FileRangeSource } from '../read/byte-source';
import { CsvScanner, type CsvDialect } from '../read/csv-scanner';
import { WasmRowSplitter } from '../read/wasm-rows';
import { DatasetAccumulator, type DatasetRoles } from '../profile/dataset-accumulator';

export interface CsvRangeTask {
  file: string;
  start: number;
  end: number;
  names: string[];
  dialect: CsvDialect;
  roles: DatasetRoles;
  seed: number;
  /** Average bytes per row seen in the head of the file, to size per-row lists once. */
  bytesPerRow: number;
}

export const SPLIT_UNSAFE = 'SPLIT_UNSAFE';

export function runCsvRange(task: CsvRangeTask, onProgress: (bytes: number, rows: number) => void): DatasetAccumulator {
  const acc = new DatasetAccumulator(task.names, task.roles, task.seed, ((task.end - task.start) / task.bytesPerRow) * 1.05);
  const scanner = new CsvScanner({
    file: task.file,
    dialect: task.dialect,
    expectedFields: task.names.length,
    firstLine: 1,
    validateUtf8: true,
    onQuotedNewline: () => {
      throw new Error(SPLIT_UNSAFE);
    },
    onProgress,
  });
  const source = new FileRangeSource(task.file, task.start, task.end);
  try {
    scanner.scan(source, new WasmRowSplitter(acc, task.dialect.delimiter));
  } finally {
    source.close();
  }
  // Sort here, on the thread that built them: the sorts then run in parallel too.
  acc.rowHashes.sorted();
  acc.idHashes?.sorted();
  acc.sortFeatureCopy();
  return acc;
}
