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
import type { RecordPlace } from '../read/record-sink';
import { readParquet } from '../read/parquet-reader';
import { parseError } from '../read/parse-error';
import { hasQuotedNewline, PARALLEL_MIN_BYTES } from '../profile-csv';
import { CellProblem } from './cell-problem';
import { csvLayout, openTextSource, sampleHead, type HeadSample } from './head-sample';
import { PredictionReaders, type PredictionColumns } from './prediction-readers';
import { predictionRowSink } from './prediction-rows';
import { readCsvInParallel } from './read-csv-parallel';
import { resolveRoles, taskFromRoles, type ResolvedRoles } from './resolve-roles';
import { guessTaskFromSample } from './role-guess';

export interface ReadPredictionsOptions {
  task?: EvaluationTask;
  rawScores?: boolean;
  read?: ReadOptions;
  /** Threads for large UTF-8 CSV files (default 2: the target machine has two cores). */
  threads?: number;
  /** Split CSV files from this size on (default 32 MiB); tests lower it to exercise the split. */
  parallelMinBytes?: number;
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
  const total = detected.size;
  const progress = (bytes: number, rows: number) => options.onProgress?.(bytes, rows, total);
  let columns = detected.format === 'csv' ? await readCsvSplit(file, detected, names, resolved, options, progress) : null;
  if (columns === null) {
    const readers = new PredictionReaders(resolved, estimatedRows(detected));
    if (detected.format === 'csv') readCsv(file, detected, names, readers, options.read ?? {}, progress);
    else await readRecords(file, detected, readers, progress);
    columns = readers.finish();
  }
  if (columns.n === 0) throw parseError(file, detected.format === 'csv' ? 'the file has a header but no data rows; expected at least one row of predictions.' : 'the file holds no records; expected at least one row of predictions.');
  return { columns, format: detected.format, sizeBytes: detected.size, names, taskReason };
}

/**
 * Large UTF-8 files on several threads; null when the file is small, not UTF-8, has quoted
 * newlines in its head, or a range failed (then the one-thread read says exactly where). A binary
 * file that turns out to hold more than two classes is read again on one thread, for the line.
 */
async function readCsvSplit(file: string, detected: DetectedFormat, names: string[], roles: ResolvedRoles, options: ReadPredictionsOptions, progress: (bytes: number, rows: number) => void): Promise<PredictionColumns | null> {
  const threads = Math.max(1, options.threads ?? 2);
  const { dialect } = csvLayout(file, detected, options.read);
  if (threads < 2 || detected.encoding.encoding !== 'utf-8' || detected.size < (options.parallelMinBytes ?? PARALLEL_MIN_BYTES) || hasQuotedNewline(detected.headText, dialect.quote)) return null;
  const columns = await readCsvInParallel(file, detected, names, { delimiter: dialect.delimiter.charCodeAt(0), quote: dialect.quote.charCodeAt(0) }, dialect.hasHeader, roles, threads, progress);
  if (columns && roles.task === 'binary' && columns.classes && distinctClasses(columns.classes.values) > 2) return null;
  return columns;
}

function distinctClasses(values: readonly string[]): number {
  const numeric = values.every((v) => v.trim() !== '' && Number.isFinite(Number(v)));
  return new Set(numeric ? values.map((v) => String(Number(v))) : values).size;
}

function readCsv(file: string, detected: DetectedFormat, names: string[], readers: PredictionReaders, read: ReadOptions, progress: (bytes: number, rows: number) => void): void {
  const { dialect } = csvLayout(file, detected, read);
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
    scanner.scan(source, predictionRowSink(file, names, readers, dialect.hasHeader, dialect.delimiter.charCodeAt(0)));
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
    add(record: Record<string, unknown>, place: RecordPlace) {
      const line = place.line ?? place.row ?? 0;
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
    await readParquet(file, detected.size, sink, progress, { columns: [...new Set(keys)] });
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
