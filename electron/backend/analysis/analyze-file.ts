/**
 * Read and profile one file of any supported format into DatasetFacts: detect the format,
 * stream it through the matching reader into a DatasetAccumulator, then summarise.
 */
import { performance } from 'node:perf_hooks';
import { FileRangeSource, type ByteSource } from './read/byte-source';
import { detectFormat } from './read/format-detector';
import { readJsonArray } from './read/json-array-reader';
import { readJsonLines } from './read/jsonl-reader';
import { readParquet } from './read/parquet-reader';
import { parseError } from './read/parse-error';
import { RecordSink } from './read/record-sink';
import { TranscodingSource } from './read/transcoding-source';
import { type DatasetRoles, type DatasetAccumulator } from './profile/dataset-accumulator';
import { finishDataset, type DatasetFacts } from './profile/dataset-facts';
import { profileCsv } from './profile-csv';
import type { FileReadInfo, ReadOptions } from './analysis-types';

export interface AnalyzeFileOptions {
  read?: ReadOptions;
  roles: DatasetRoles;
  threads: number;
  parallelMinBytes?: number;
  seed: number;
  onProgress: (bytes: number, rows: number, totalBytes: number) => void;
  /** Called between reading and summarising (for the progress phase). */
  onSummarising?: () => void;
}

export interface AnalyzedFile {
  facts: DatasetFacts;
  info: FileReadInfo;
}

function checkRoles(file: string, names: string[], roles: DatasetRoles): void {
  for (const [role, name] of [['target', roles.target], ['id', roles.id], ['time', roles.time]] as const) {
    if (name !== undefined && !names.includes(name)) {
      throw parseError(file, `has no column named "${name}" (given as the ${role} column); its columns are ${names.map((n) => `"${n}"`).join(', ')}.`);
    }
  }
}

const TIME_FORMS = 'ISO 8601 (2000-01-31 or 2000-01-31T13:45:00Z), a month name ("Jan 31 2000"), day and month as numbers with a four-digit year ("31/01/2000"), or epoch seconds';

/**
 * The --time column must read as times throughout: a value that does not, or day-first and
 * month-first dates in one column, make the check refuse the column by name (date leakage would
 * otherwise be judged on part of it, or skipped in silence). Returns a note when day and month
 * could not be told apart and were read month first.
 */
function checkTimeColumn(file: string, acc: DatasetAccumulator, roles: DatasetRoles): { check: string; message: string } | undefined {
  const col = acc.columns.find((c) => c.timeRole !== null && c.name === roles.time);
  const role = col?.timeRole;
  if (!col || !role) return undefined;
  if (role.unreadable > 0) {
    const more = role.unreadable > 1 ? ` and ${role.unreadable.toLocaleString('en-US')} values in all` : '';
    throw parseError(file, `the --time column "${col.name}" holds "${role.firstUnreadable}"${more}, which is not a date or time Tally can read; write times as ${TIME_FORMS}.`);
  }
  if (role.conflict) {
    throw parseError(file, `the --time column "${col.name}" mixes dates written day first ("${role.dayFirstExample}") and month first ("${role.monthFirstExample}"); write times as ISO 8601 (2000-01-31).`);
  }
  if (role.order === 0 && role.ambiguous !== null) {
    return { check: 'date_leakage', message: `The --time column "${col.name}" writes day and month as numbers that never tell which is which ("${role.ambiguous}"); they were read month first, as pandas reads them.` };
  }
  return undefined;
}

export async function analyzeFile(file: string, options: AnalyzeFileOptions): Promise<AnalyzedFile> {
  const started = performance.now();
  const detected = detectFormat(file, options.read ?? {});
  const total = detected.size;
  const progress = (bytes: number, rows: number): void => options.onProgress(bytes, rows, total);
  let acc: DatasetAccumulator;
  let dialect: FileReadInfo['dialect'];
  let threadsUsed = 1;
  let parallelFallback: string | undefined;
  let readNotes: string[] = [];
  if (detected.format === 'csv') {
    // Roles are checked against the header before the long pass.
    const result = await profileCsv(file, detected, { ...options.read, threads: options.threads, parallelMinBytes: options.parallelMinBytes, seed: options.seed, roles: options.roles, onProgress: progress, checkNames: (names) => checkRoles(file, names, options.roles) });
    acc = result.acc;
    dialect = result.dialect;
    threadsUsed = result.threadsUsed;
    parallelFallback = result.parallelFallback;
  } else {
    const sink = new RecordSink(file, [], options.roles, options.seed);
    if (detected.format === 'parquet') readNotes = (await readParquet(file, detected.size, sink, progress, { roles: options.roles })).notes;
    else {
      const { encoding, bomLength } = detected.encoding;
      const source: ByteSource = encoding === 'utf-8' ? new FileRangeSource(file, bomLength, detected.size) : new TranscodingSource(file, encoding, bomLength);
      try {
        const onBytes = (bytes: number): void => progress(bytes, sink.acc.rows);
        if (detected.format === 'jsonl') readJsonLines(file, source, sink, onBytes);
        else readJsonArray(file, source, sink, onBytes);
      } finally {
        source.close();
      }
    }
    sink.finish();
    acc = sink.acc;
    if (acc.rows === 0) throw parseError(file, 'the file holds no records; expected at least one row of data.');
    checkRoles(file, acc.names, options.roles);
  }
  const timeNote = checkTimeColumn(file, acc, options.roles);
  options.onSummarising?.();
  const facts = finishDataset(acc, options.roles);
  if (timeNote) facts.notes = [timeNote];
  const info: FileReadInfo = {
    file,
    size: detected.size,
    format: detected.format,
    encoding: detected.encoding.encoding,
    rows: facts.rows,
    columns: facts.columns.length,
    duplicateRows: facts.duplicateRows,
    memoryBytes: facts.memoryBytes,
    threadsUsed,
    estimates: Object.fromEntries(facts.columns.map((c) => [c.summary.name, c.estimates])),
    elapsedMs: Math.round(performance.now() - started),
  };
  if (dialect) info.dialect = dialect;
  if (parallelFallback) info.parallelFallback = parallelFallback;
  if (readNotes.length > 0) info.readNotes = readNotes;
  return { facts, info };
}
