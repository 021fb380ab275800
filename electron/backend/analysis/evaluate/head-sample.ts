/**
 * The column names and the first rows of a file of any supported format, for guessing roles and
 * the task before the long pass. Reads only the head (CSV/JSON: the first 64 KiB the format
 * detector already holds, JSON read on until enough records; Parquet: the first rows).
 */
import { isAppError } from '../../../../shared/domain/errors';
import type { ByteSource } from '../read/byte-source';
import { BytesSource, FileRangeSource } from '../read/byte-source';
import { CsvScanner } from '../read/csv-scanner';
import { checkHeader, firstRow, generatedNames } from '../read/csv-header';
import { sniffCsv } from '../read/csv-sniffer';
import type { DetectedFormat } from '../read/format-detector';
import { readJsonArray } from '../read/json-array-reader';
import { readJsonLines } from '../read/jsonl-reader';
import { parseError } from '../read/parse-error';
import { openParquet } from '../read/parquet-file';
import { ParquetRows } from '../read/parquet-rows';
import { TranscodingSource } from '../read/transcoding-source';
import type { ReadOptions } from '../analysis-types';

export interface HeadSample {
  names: string[];
  /** Values per row, aligned with `names` (CSV cells as text; JSON and Parquet values as read). */
  rows: unknown[][];
  /** CSV/TSV only. */
  dialect: { delimiter: string; quote: string; hasHeader: boolean } | null;
}

export const SAMPLE_ROWS = 1000;

class EnoughRows extends Error {}

export function openTextSource(file: string, detected: DetectedFormat): ByteSource {
  const { encoding, bomLength } = detected.encoding;
  return encoding === 'utf-8' ? new FileRangeSource(file, bomLength, detected.size) : new TranscodingSource(file, encoding, bomLength);
}

/** The dialect and column names of a delimited file, validated as the check engine does. */
export function csvLayout(file: string, detected: DetectedFormat, read: ReadOptions = {}): { names: string[]; dialect: { delimiter: string; quote: string; hasHeader: boolean } } {
  const sniffed = sniffCsv(detected.headText, detected.headIsWholeFile, detected.extension);
  const delimiter = read.delimiter ?? sniffed.delimiter;
  const hasHeader = read.hasHeader ?? sniffed.hasHeader;
  const head = firstRow(file, Buffer.from(detected.headText, 'utf8'), { delimiter: delimiter.charCodeAt(0), quote: sniffed.quote.charCodeAt(0) });
  if (head === null) throw parseError(file, 'the file is empty; expected a header line and at least one data row.');
  const names = hasHeader ? head.cells : generatedNames(head.cells.length);
  if (hasHeader) checkHeader(file, names, head.columns);
  return { names, dialect: { delimiter, quote: sniffed.quote, hasHeader } };
}

function sampleCsv(file: string, detected: DetectedFormat, maxRows: number, read: ReadOptions): HeadSample {
  const { names, dialect } = csvLayout(file, detected, read);
  let text = detected.headText;
  // A head cut mid-file may end mid-row: keep whole lines only.
  if (!detected.headIsWholeFile) text = text.slice(0, text.lastIndexOf('\n') + 1);
  const rows: unknown[][] = [];
  const decoder = new TextDecoder();
  let skip = dialect.hasHeader;
  const scanner = new CsvScanner({ file, dialect: { delimiter: dialect.delimiter.charCodeAt(0), quote: dialect.quote.charCodeAt(0) }, expectedFields: null, firstLine: 1, validateUtf8: false });
  try {
    scanner.scan(new BytesSource(Buffer.from(text, 'utf8')), {
      row(buf, starts, ends, n) {
        if (skip) {
          skip = false;
          return;
        }
        const cells: unknown[] = [];
        for (let i = 0; i < n; i++) cells.push(decoder.decode(buf.subarray(starts[i]!, ends[i]!)));
        rows.push(cells);
        if (rows.length >= maxRows) throw new EnoughRows();
      },
    });
  } catch (e) {
    if (!(e instanceof EnoughRows)) throw e;
  }
  return { names, rows, dialect };
}

function sampleJson(file: string, detected: DetectedFormat, maxRows: number): HeadSample {
  const records: Record<string, unknown>[] = [];
  const source = openTextSource(file, detected);
  try {
    const sink = {
      add(record: Record<string, unknown>) {
        records.push(record);
        if (records.length >= maxRows) throw new EnoughRows();
      },
    };
    if (detected.format === 'jsonl') readJsonLines(file, source, sink);
    else readJsonArray(file, source, sink);
  } catch (e) {
    if (!(e instanceof EnoughRows)) throw e;
  } finally {
    source.close();
  }
  if (records.length === 0) throw parseError(file, 'the file holds no records; expected at least one row of data.');
  const names: string[] = [];
  const seen = new Set<string>();
  for (const r of records) {
    for (const k of Object.keys(r)) {
      if (seen.has(k)) continue;
      seen.add(k);
      names.push(k);
    }
  }
  return { names, rows: records.map((r) => names.map((n) => r[n])), dialect: null };
}

async function sampleParquet(file: string, size: number, maxRows: number): Promise<HeadSample> {
  const parquet = await openParquet(file, size);
  try {
    const reader = new ParquetRows(parquet);
    const names = reader.names;
    const rows: unknown[][] = [];
    const total = Number(parquet.metadata.num_rows);
    if (total > 0) {
      try {
        const records = await reader.read(0, Math.min(total, maxRows), names);
        for (const r of records) rows.push(names.map((n) => r[n]));
      } catch (e) {
        if (isAppError(e)) throw e;
        throw parseError(file, `its first rows cannot be read: ${e instanceof Error ? e.message : String(e)}.`);
      }
    }
    if (rows.length === 0) throw parseError(file, 'the file holds no records; expected at least one row of data.');
    return { names, rows, dialect: null };
  } finally {
    await parquet.close();
  }
}

export async function sampleHead(file: string, detected: DetectedFormat, read: ReadOptions = {}, maxRows = SAMPLE_ROWS): Promise<HeadSample> {
  if (detected.format === 'csv') return sampleCsv(file, detected, maxRows, read);
  if (detected.format === 'parquet') return sampleParquet(file, detected.size, maxRows);
  return sampleJson(file, detected, maxRows);
}
