/**
 * The header row: parsed with the same scanner as the data (so quoting rules agree), checked for
 * empty and duplicate names, or replaced by column_1..column_n when the file has no header.
 */
import { type ByteSource } from './byte-source';
import { CsvScanner, type CsvDialect } from './csv-scanner';
import { charColumn, parseError } from './parse-error';

class BytesSource implements ByteSource {
  private at = 0;
  constructor(private readonly bytes: Uint8Array) {}
  read(buf: Uint8Array, offset: number, length: number): number {
    const n = Math.min(length, this.bytes.length - this.at);
    buf.set(this.bytes.subarray(this.at, this.at + n), offset);
    this.at += n;
    return n;
  }
  close(): void {}
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
