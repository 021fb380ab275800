/**
 * Profile a delimited text file. UTF-8 files larger than PARALLEL_MIN_BYTES whose head shows no
 * quoted newline are split into line-aligned byte ranges profiled on worker threads and merged;
 * anything else (other encodings, small files, quoted newlines, or any problem in a range) is read
 * on this thread, which is also what produces exact line numbers in error messages.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FileRangeSource, type ByteSource } from './read/byte-source';
import { CsvScanner, type CsvDialect } from './read/csv-scanner';
import { WasmRowSplitter } from './read/wasm-rows';
import { checkHeader, firstRow, generatedNames, headerText } from './read/csv-header';
import { sniffCsv } from './read/csv-sniffer';
import { type DetectedFormat } from './read/format-detector';
import { MAX_COLUMNS } from './read/limits';
import { parseError } from './read/parse-error';
import { TranscodingSource } from './read/transcoding-source';
import { DatasetAccumulator, type DatasetRoles } from './profile/dataset-accumulator';
import { runCsvRange, type CsvRangeTask } from './parallel/csv-range-task';
import { startThread } from './parallel/start-thread';
import { compiledEntry } from './compiled-entry';

export const PARALLEL_MIN_BYTES = 32 << 20;

export interface CsvOptions {
  delimiter?: string;
  hasHeader?: boolean;
  threads: number;
  seed: number;
  roles: DatasetRoles;
  onProgress: (bytes: number, rows: number) => void;
  /** Files smaller than this are read on one thread (default PARALLEL_MIN_BYTES). */
  parallelMinBytes?: number;
  /** Validate the column names (e.g. that a named target exists) before the long pass. */
  checkNames?: (names: string[]) => void;
}

export interface CsvProfile {
  acc: DatasetAccumulator;
  dialect: { delimiter: string; quote: string; hasHeader: boolean };
  threadsUsed: number;
  /** Why a split read was abandoned for a single-thread one (quoted newline, bad row...). */
  parallelFallback?: string;
}

export async function profileCsv(file: string, detected: DetectedFormat, options: CsvOptions): Promise<CsvProfile> {
  const sniffed = sniffCsv(detected.headText, detected.headIsWholeFile, detected.extension);
  const delimiter = options.delimiter ?? sniffed.delimiter;
  const hasHeader = options.hasHeader ?? sniffed.hasHeader;
  const dialect: CsvDialect = { delimiter: delimiter.charCodeAt(0), quote: sniffed.quote.charCodeAt(0) };
  const head = firstRow(file, Buffer.from(headerText(file, detected, sniffed.quote), 'utf8'), dialect);
  if (head === null) throw parseError(file, 'the file is empty; expected a header line and at least one data row.');
  const names = hasHeader ? head.cells : generatedNames(head.cells.length);
  if (names.length > MAX_COLUMNS) {
    throw parseError(file, `the first line has ${names.length.toLocaleString('en-US')} columns; Tally reads at most ${MAX_COLUMNS.toLocaleString('en-US')}. Split the file into narrower ones, or keep only the columns you need.`, 1, head.columns[MAX_COLUMNS]);
  }
  if (hasHeader) checkHeader(file, names, head.columns);
  options.checkNames?.(names);
  const info = { delimiter, quote: sniffed.quote, hasHeader };

  const utf8 = detected.encoding.encoding === 'utf-8';
  const splittable = utf8 && options.threads > 1 && detected.size >= (options.parallelMinBytes ?? PARALLEL_MIN_BYTES) && !hasQuotedNewline(detected.headText, sniffed.quote);
  if (splittable) {
    let reason = '';
    const acc = await profileInParallel(file, detected, names, dialect, hasHeader, options).catch((e: unknown) => {
      reason = e instanceof Error ? e.message : String(e);
      return null;
    });
    if (acc !== null) return { acc, dialect: info, threadsUsed: options.threads };
    // Any problem in a range (a quoted newline, a malformed row) is re-read on one thread, which
    // knows true line numbers for the error message.
    const single = profileOnThisThread(file, detected, names, dialect, hasHeader, options);
    return { acc: single, dialect: info, threadsUsed: 1, parallelFallback: reason };
  }
  const acc = profileOnThisThread(file, detected, names, dialect, hasHeader, options);
  return { acc, dialect: info, threadsUsed: 1 };
}

/** Average bytes per line in the head (a sizing hint only). */
export function bytesPerRow(detected: DetectedFormat): number {
  const lines = detected.headText.split('\n').length;
  return Math.max(1, Buffer.byteLength(detected.headText) / Math.max(1, lines));
}

export function hasQuotedNewline(text: string, quote: string): boolean {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === quote) inQuote = !inQuote;
    else if (inQuote && (c === '\n' || c === '\r')) return true;
  }
  return false;
}

function profileOnThisThread(file: string, detected: DetectedFormat, names: string[], dialect: CsvDialect, hasHeader: boolean, options: CsvOptions): DatasetAccumulator {
  const { encoding, bomLength } = detected.encoding;
  const source: ByteSource = encoding === 'utf-8' ? new FileRangeSource(file, bomLength, detected.size) : new TranscodingSource(file, encoding, bomLength);
  const acc = new DatasetAccumulator(names, options.roles, options.seed, detected.encoding.encoding === 'utf-8' ? (detected.size / bytesPerRow(detected)) * 1.05 : 0);
  let headerSeen = !hasHeader;
  const scanner = new CsvScanner({
    file,
    dialect,
    expectedFields: null,
    firstLine: 1,
    validateUtf8: encoding === 'utf-8',
    onProgress: options.onProgress,
  });
  try {
    // The header is the first row, which always takes the general path (the field count is not
    // known before it), so the fast lane only ever sees data rows.
    const rows = {
      row(buf: Uint8Array, starts: Int32Array, ends: Int32Array, n: number) {
        if (!headerSeen) {
          headerSeen = true;
          return;
        }
        acc.row(buf, starts, ends, n);
      },
      parsedRow(buf: Uint8Array, starts: Int32Array, ends: Int32Array, syntax: Uint8Array, values: Float64Array, at: number, n: number) {
        acc.parsedRow(buf, starts, ends, syntax, values, at, n);
      },
    };
    scanner.scan(source, new WasmRowSplitter(rows, dialect.delimiter));
  } finally {
    source.close();
  }
  if (acc.rows === 0) throw parseError(file, hasHeader ? 'the file has a header but no data rows; expected at least one data row after the header.' : 'the file has no data rows.');
  return acc;
}

/** Byte offset just after the first newline at or after `from`, or `size`. */
export function nextLineStart(fd: number, from: number, size: number): number {
  const probe = Buffer.alloc(1 << 16);
  let at = from;
  while (at < size) {
    const n = readSync(fd, probe, 0, probe.length, at);
    if (n === 0) break;
    const nl = probe.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += n;
  }
  return size;
}

/** The range thread's entry: the built .js sibling, or from sources its esbuild bundle (else the .ts under tsx). */
export function threadEntry(): string {
  if (!import.meta.url.endsWith('.ts')) return fileURLToPath(new URL('./parallel/csv-range-thread.js', import.meta.url));
  return compiledEntry('parallel/csv-range-thread') ?? fileURLToPath(new URL('./parallel/csv-range-thread.ts', import.meta.url));
}

async function profileInParallel(file: string, detected: DetectedFormat, names: string[], dialect: CsvDialect, hasHeader: boolean, options: CsvOptions): Promise<DatasetAccumulator> {
  const fd = openSync(file, 'r');
  const bounds: number[] = [];
  try {
    const start = hasHeader ? nextLineStart(fd, detected.encoding.bomLength, detected.size) : detected.encoding.bomLength;
    bounds.push(start);
    const step = (detected.size - start) / options.threads;
    for (let t = 1; t < options.threads; t++) bounds.push(Math.max(bounds[t - 1]!, nextLineStart(fd, Math.floor(start + t * step), detected.size)));
    bounds.push(detected.size);
  } finally {
    closeSync(fd);
  }
  const progress = new Array<{ bytes: number; rows: number }>(options.threads).fill({ bytes: 0, rows: 0 });
  const report = (): void => options.onProgress(progress.reduce((s, p) => s + p.bytes, 0), progress.reduce((s, p) => s + p.rows, 0));
  const entry = threadEntry();
  const tasks: CsvRangeTask[] = [];
  for (let t = 0; t < options.threads; t++) tasks.push({ file, start: bounds[t]!, end: bounds[t + 1]!, names, dialect, roles: options.roles, seed: options.seed + t * 7919, bytesPerRow: bytesPerRow(detected) });
  // The last range runs on this thread: one thread fewer to start, and the core is used anyway.
  const threads = tasks.slice(0, -1).map(
    (task, t) =>
      new Promise<DatasetAccumulator>((resolve, reject) => {
        const worker = startThread(entry, task);
        worker.on('message', (m: { type: string; bytes?: number; rows?: number; acc?: DatasetAccumulator; message?: string }) => {
          if (m.type === 'progress') {
            progress[t] = { bytes: m.bytes!, rows: m.rows! };
            report();
          } else if (m.type === 'done') {
            resolve(DatasetAccumulator.revive(m.acc!));
            void worker.terminate();
          } else {
            reject(new Error(m.message));
            void worker.terminate();
          }
        });
        worker.on('error', reject);
      }),
  );
  const lastIndex = tasks.length - 1;
  let local: DatasetAccumulator;
  try {
    local = runCsvRange(tasks[lastIndex]!, (bytes, rows) => {
      progress[lastIndex] = { bytes, rows };
      report();
    });
  } catch (e) {
    await Promise.allSettled(threads);
    throw e;
  }
  const parts = await Promise.all(threads);
  const acc = parts[0] ?? local;
  for (const p of parts.slice(1)) acc.merge(p);
  if (acc !== local) acc.merge(local);
  if (acc.rows === 0) throw new Error('no rows');
  return acc;
}
