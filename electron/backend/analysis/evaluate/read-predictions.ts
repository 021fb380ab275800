/**
 * One streaming pass over a predictions file, decoding only the columns the roles name into typed
 * arrays (read/ for formats, encodings and parse errors; this folder for the role columns). Any
 * bad cell stops the read with a PARSE_ERROR that names the file, the line (Parquet: the row), the
 * character column where known, and the column. Memory: the typed columns plus one read buffer.
 */
import { basename } from 'node:path';
import { AppError } from '../../../../shared/domain/errors';
import type { EvaluationTask } from '../../../../shared/contract/evaluation-result';
import type { PredictionRoles } from '../../../../shared/contract/evaluations';
import type { ReadOptions } from '../analysis-types';
import { CsvScanner } from '../read/csv-scanner';
import { detectFormat, type DatasetFormat, type DetectedFormat } from '../read/format-detector';
import { readJsonArray } from '../read/json-array-reader';
import { readJsonLines } from '../read/jsonl-reader';
import { readParquet } from '../read/parquet-reader';
import { charColumn, parseError } from '../read/parse-error';
import { CellProblem } from './cell-problem';
import { csvLayout, openTextSource, sampleHead, type HeadSample } from './head-sample';
import { PredictionReaders, type PredictionColumns } from './prediction-readers';
import { resolveRoles, taskFromRoles } from './resolve-roles';
import { guessTaskFromSample } from './role-guess';

export interface ReadPredictionsOptions {
  task?: EvaluationTask;
  rawScores?: boolean;
  read?: ReadOptions;
  onProgress?: (bytes: number, rows: number, totalBytes: number) => void;
}

export interface ReadPredictions {
  columns: PredictionColumns;
  format: DatasetFormat;
  sizeBytes: number;
  names: string[];
  /** Why the task is what it is (given, or guessed and from what). */
  taskReason: string;
}

/** Rows the typed columns are first sized for: the head's bytes per row, plus 5%. */
function estimatedRows(detected: DetectedFormat): number {
  if (detected.format === 'parquet' || detected.headText.length === 0) return 1024;
  const lines = detected.headText.split('\n').length;
  const perRow = Math.max(1, Buffer.byteLength(detected.headText) / Math.max(1, lines));
  const bytes = detected.encoding.encoding.startsWith('utf-16') ? detected.size / 2 : detected.size;
  return (bytes / perRow) * 1.05;
}

export async function readPredictions(file: string, roles: PredictionRoles, options: ReadPredictionsOptions = {}): Promise<ReadPredictions> {
  const detected = detectFormat(file, options.read ?? {});
  let sample: HeadSample | null = null;
  const names = detected.format === 'csv' ? csvLayout(file, detected, options.read).names : (sample = await sampleHead(file, detected, options.read)).names;
  let task = options.task ?? null;
  let taskReason = 'given';
  if (task === null) {
    const prefixed = roles.probabilityPrefix === undefined ? 0 : names.filter((n) => n.startsWith(roles.probabilityPrefix!) && n.length > roles.probabilityPrefix!.length).length;
    task = taskFromRoles(roles, prefixed);
    if (task !== null) taskReason = roles.score !== undefined ? 'guessed: one score column means a binary classifier' : `guessed from ${prefixed} probability columns`;
    else {
      sample ??= await sampleHead(file, detected, options.read);
      const guessed = guessTaskFromSample(sample, roles);
      task = guessed.value;
      taskReason = `guessed: ${guessed.reason}`;
    }
  }
  const resolved = resolveRoles(file, names, roles, task, options.rawScores === true);
  const readers = new PredictionReaders(resolved, estimatedRows(detected));
  const total = detected.size;
  const progress = (bytes: number, rows: number) => options.onProgress?.(bytes, rows, total);
  if (detected.format === 'csv') readCsv(file, detected, names, readers, options.read ?? {}, progress);
  else await readRecords(file, detected, readers, progress);
  const columns = readers.finish();
  if (columns.n === 0) throw parseError(file, detected.format === 'csv' ? 'the file has a header but no data rows; expected at least one row of predictions.' : 'the file holds no records; expected at least one row of predictions.');
  return { columns, format: detected.format, sizeBytes: detected.size, names, taskReason };
}

/** Byte offset where the line holding `at` starts (the scanner's buffer starts at a row start). */
function lineStart(buf: Uint8Array, at: number): number {
  let s = at;
  while (s > 0 && buf[s - 1] !== 10 && buf[s - 1] !== 13) s--;
  return s;
}

function readCsv(file: string, detected: DetectedFormat, names: string[], readers: PredictionReaders, read: ReadOptions, progress: (bytes: number, rows: number) => void): void {
  const { dialect } = csvLayout(file, detected, read);
  const indexOf = new Map(names.map((n, i) => [n, i]));
  const cells = readers.readers;
  const indices = Int32Array.from(cells.map((c) => indexOf.get(c.column)!));
  const m = cells.length;
  const cursor = readers.cursor;
  let headerSeen = !dialect.hasHeader;
  const source = openTextSource(file, detected);
  const scanner = new CsvScanner({
    file,
    dialect: { delimiter: dialect.delimiter.charCodeAt(0), quote: dialect.quote.charCodeAt(0) },
    expectedFields: null,
    firstLine: 1,
    validateUtf8: detected.encoding.encoding === 'utf-8',
    onProgress: progress,
  });
  try {
    scanner.scan(source, {
      row(buf, starts, ends, _n, line) {
        if (!headerSeen) {
          headerSeen = true;
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
    });
  } finally {
    source.close();
  }
}

async function readRecords(file: string, detected: DetectedFormat, readers: PredictionReaders, progress: (bytes: number, rows: number) => void): Promise<void> {
  const cells = readers.readers;
  const keys = cells.map((c) => c.column);
  const cursor = readers.cursor;
  const parquet = detected.format === 'parquet';
  const where = (line: number, message: string) =>
    parquet ? new AppError('PARSE_ERROR', `${basename(file)}, row ${line}: ${message}`, { location: { file, line } }) : parseError(file, message, line);
  const sink = {
    add(record: Record<string, unknown>, line: number) {
      cursor.line = line;
      try {
        for (let j = 0; j < cells.length; j++) cells[j]!.value(record[keys[j]!]);
        readers.endRow();
      } catch (e) {
        if (e instanceof CellProblem) throw where(line, e.message);
        throw e;
      }
    },
  };
  if (parquet) {
    await readParquet(file, detected.size, sink, progress, [...new Set(keys)]);
    return;
  }
  const source = openTextSource(file, detected);
  try {
    const onBytes = (bytes: number) => progress(bytes, cursor.row);
    if (detected.format === 'jsonl') readJsonLines(file, source, sink, onBytes);
    else readJsonArray(file, source, sink, onBytes);
  } finally {
    source.close();
  }
}
