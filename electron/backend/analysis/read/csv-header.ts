/**
 * The header row: parsed with the same scanner as the data (so quoting rules agree), checked for
 * empty and duplicate names, or replaced by column_1..column_n when the file has no header.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { BytesSource } from './byte-source';
import { CsvScanner, type CsvDialect } from './csv-scanner';
import { HEAD_BYTES, type DetectedFormat } from './format-detector';
import { charColumn, parseError } from './parse-error';

/**
 * The longest header line Tally reads: 16 MiB, room for hundreds of thousands of column names.
 * A header is parsed whole (the 64 KiB head cut long ones: false "column 8193 has no name").
 */
export const HEADER_CAP_BYTES = 16 << 20;

/** Index just past the first line break outside quotes, or -1 when the text holds none. */
export function firstRecordEnd(text: string, quote: string): number {
  let inQuote = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === quote) inQuote = !inQuote;
    else if (!inQuote && (c === '\n' || c === '\r')) return i + 1;
  }
  return -1;
}

function readPrefix(file: string, length: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const buf = new Uint8Array(length);
    let got = 0;
    while (got < length) {
      const n = readSync(fd, buf, got, length - got, got);
      if (n === 0) break;
      got += n;
    }
    return buf.subarray(0, got);
  } finally {
    closeSync(fd);
  }
}

/**
 * Text from the start of the file holding at least the whole first record: the detected head when
 * it already does, else more of the file, four times as much each step, up to HEADER_CAP_BYTES.
 */
export function headerText(file: string, detected: DetectedFormat, quote: string): string {
  if (detected.headIsWholeFile || firstRecordEnd(detected.headText, quote) >= 0) return detected.headText;
  const decoder = new TextDecoder(detected.encoding.encoding);
  for (let length = HEAD_BYTES * 4; ; length *= 4) {
    const want = Math.min(length, HEADER_CAP_BYTES + detected.encoding.bomLength, detected.size);
    const text = decoder.decode(readPrefix(file, want).subarray(detected.encoding.bomLength));
    if (want >= detected.size || firstRecordEnd(text, quote) >= 0) return text;
    if (want >= HEADER_CAP_BYTES) {
      throw parseError(file, `the first line is longer than ${HEADER_CAP_BYTES / (1 << 20)} MiB, the longest header Tally reads; expected a header line of column names (or a file with fewer columns).`, 1);
    }
  }
}

class FirstRow extends Error {
  constructor(
    readonly cells: string[],
    readonly columns: number[],
  ) {
    super('first row');
  }
}

/** Cells of the first row of `bytes` (UTF-8) and the character column each starts at. */
export function firstRow(file: string, bytes: Uint8Array, dialect: CsvDialect): { cells: string[]; columns: number[] } | null {
  const decoder = new TextDecoder();
  const scanner = new CsvScanner({ file, dialect, expectedFields: null, firstLine: 1, validateUtf8: false });
  try {
    scanner.scan(new BytesSource(bytes), {
      row(buf, starts, ends, n) {
        const cells: string[] = [];
        const columns: number[] = [];
        for (let i = 0; i < n; i++) {
          cells.push(decoder.decode(buf.subarray(starts[i]!, ends[i]!)));
          columns.push(charColumn(buf, 0, starts[i]!));
        }
        throw new FirstRow(cells, columns);
      },
    });
  } catch (e) {
    if (e instanceof FirstRow) return { cells: e.cells, columns: e.columns };
    throw e;
  }
  return null;
}

/** Validate header names: none empty, none repeated. */
export function checkHeader(file: string, names: string[], columns: number[]): void {
  const seen = new Map<string, number>();
  names.forEach((raw, i) => {
    const name = raw.trim();
    if (name === '') throw parseError(file, `header column ${i + 1} has no name; expected a name for every column.`, 1, columns[i]);
    const first = seen.get(name);
    if (first !== undefined) throw parseError(file, `header column ${i + 1} repeats the name "${name}" (already column ${first + 1}); expected unique column names.`, 1, columns[i]);
    seen.set(name, i);
  });
}

export function generatedNames(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `column_${i + 1}`);
}
