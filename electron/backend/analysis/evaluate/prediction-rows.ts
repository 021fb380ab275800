/**
 * The CSV row sink of the predictions reader: each row's role cells into the column readers, and
 * a bad cell turned into a PARSE_ERROR naming the file, line, character column and column. Shared
 * by the one-thread read and the range threads (whose errors send the caller back to one thread).
 */
import type { RowSink } from '../read/csv-scanner';
import { charColumn, parseError } from '../read/parse-error';
import { CellProblem } from './cell-problem';
import type { PredictionReaders } from './prediction-readers';

/** Byte offset where the line holding `at` starts (the scanner's buffer starts at a row start). */
function lineStart(buf: Uint8Array, at: number): number {
  let s = at;
  while (s > 0 && buf[s - 1] !== 10 && buf[s - 1] !== 13) s--;
  return s;
}

export function predictionRowSink(file: string, names: readonly string[], readers: PredictionReaders, skipFirstRow: boolean): RowSink {
  const indexOf = new Map(names.map((n, i) => [n, i]));
  const cells = readers.readers;
  const indices = Int32Array.from(cells.map((c) => indexOf.get(c.column)!));
  const m = cells.length;
  const cursor = readers.cursor;
  let skip = skipFirstRow;
  return {
    row(buf, starts, ends, _n, line) {
      if (skip) {
        skip = false;
        return;
      }
      cursor.line = line;
      let j = 0;
      try {
        for (; j < m; j++) {
          const at = indices[j]!;
          cells[j]!.bytes(buf, starts[at]!, ends[at]!);
        }
        readers.endRow();
      } catch (e) {
        if (!(e instanceof CellProblem)) throw e;
        const at = j < m ? starts[indices[j]!]! : undefined;
        throw parseError(file, e.message, line, at === undefined ? undefined : charColumn(buf, lineStart(buf, at), at));
      }
    },
  };
}
