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
  options.onSummarising?.();
  const facts = finishDataset(acc, options.roles);
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
