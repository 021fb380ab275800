/**
 * Decide how to read a file from its content first and its extension second: Parquet by its
 * magic bytes, binary files refused, then JSON array / JSON Lines / delimited text from the first
 * non-blank character. Reads only the head of the file.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { extname } from 'node:path';
import { TextDecoder } from 'node:util';
import { AppError } from '../../../../shared/domain/errors';
import { detectEncoding, UTF32, type DetectedEncoding, type TextEncodingName } from './encoding';
import { parseError } from './parse-error';
import { requireRegularFile } from './regular-file';

export type DatasetFormat = 'csv' | 'jsonl' | 'json' | 'parquet';

export interface DetectedFormat {
  format: DatasetFormat;
  size: number;
  /** Text formats: the encoding and BOM length. */
  encoding: DetectedEncoding;
  /** Text formats: the head decoded to a string (up to HEAD_BYTES). */
  headText: string;
  /** True when the head is the whole file. */
  headIsWholeFile: boolean;
  extension: string;
}

export const HEAD_BYTES = 1 << 16;

export interface FormatOptions {
  format?: DatasetFormat | 'auto';
  encoding?: TextEncodingName | 'auto';
}

function readHead(file: string): { head: Uint8Array; size: number; tail: Uint8Array } {
  requireRegularFile(file);
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new AppError('FILE_NOT_FOUND', `${file}: no such file.`, { location: { file } });
    if (code === 'EISDIR') throw parseError(file, 'this is a folder; expected a data file.');
    throw new AppError('FILE_NOT_FOUND', `${file}: cannot be opened (${code ?? 'unknown error'}).`, { location: { file } });
  }
  try {
    const size = fstatSync(fd).size;
    const head = new Uint8Array(Math.min(size, HEAD_BYTES));
    let got = 0;
    while (got < head.length) {
      const n = readSync(fd, head, got, head.length - got, got);
      if (n === 0) break;
      got += n;
    }
    // The last 4 bytes: a Parquet file ends with its magic too (a CSV that starts "PAR1" does not).
    const tail = new Uint8Array(Math.min(4, size));
    if (size >= 8) readSync(fd, tail, 0, tail.length, size - tail.length);
    return { head: head.subarray(0, got), size, tail };
  } finally {
    closeSync(fd);
  }
}

export function detectFormat(file: string, options: FormatOptions = {}): DetectedFormat {
  const { head, size, tail } = readHead(file);
  const extension = extname(file).toLowerCase();
  if (size === 0) throw parseError(file, 'the file is empty; expected a header line and at least one data row.');
  const magic = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x41 && b[2] === 0x52 && b[3] === 0x31;
  const parquetExtension = extension === '.parquet' || extension === '.pq';
  // Both ends carry "PAR1" in a Parquet file; a text file that merely starts with it is text.
  const isParquet = magic(head) && (magic(tail) || parquetExtension);
  if (options.format === 'parquet' || isParquet) {
    if (!isParquet) throw parseError(file, 'not a Parquet file: it does not start with the Parquet magic bytes "PAR1".');
    return { format: 'parquet', size, encoding: { encoding: 'utf-8', bomLength: 0 }, headText: '', headIsWholeFile: size === head.length, extension };
  }
  if (extension === '.parquet' || extension === '.pq') throw parseError(file, 'not a Parquet file: it does not start with the Parquet magic bytes "PAR1".');
  const complete = head.length === size;
  let encoding: DetectedEncoding;
  if (options.encoding && options.encoding !== 'auto') {
    const verdict = detectEncoding(head, complete);
    const bom = verdict.kind === 'text' && verdict.detected.encoding === options.encoding ? verdict.detected.bomLength : 0;
    encoding = { encoding: options.encoding, bomLength: bom };
  } else {
    const verdict = detectEncoding(head, complete);
    if (verdict.kind === 'binary' && verdict.what === UTF32) throw parseError(file, 'this is UTF-32 text, which Tally does not read; save it as UTF-8 (or UTF-16) and try again.');
    if (verdict.kind === 'binary') throw parseError(file, `this is ${verdict.what}, not a text data file; expected CSV, TSV, JSON Lines, JSON or Parquet.`);
    encoding = verdict.detected;
  }
  const headText = new TextDecoder(encoding.encoding).decode(head.subarray(encoding.bomLength));
  if (headText.trim() === '') throw parseError(file, 'the file is empty (only blank lines); expected a header line and at least one data row.');
  const format = options.format && options.format !== 'auto' ? options.format : guessTextFormat(headText, extension);
  return { format, size, encoding, headText, headIsWholeFile: complete, extension };
}

function guessTextFormat(headText: string, extension: string): DatasetFormat {
  const first = headText.trimStart()[0];
  if (first === '[') return 'json';
  if (first === '{') return 'jsonl';
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.json') return 'json';
  return 'csv';
}
