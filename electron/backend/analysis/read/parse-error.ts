/**
 * The one way the readers report unusable input: AppError('PARSE_ERROR') whose message starts with
 * the file name and position ("data.csv, line 3, column 7: ...") and then says what was expected,
 * and whose location carries the full path, line and column for the UI to point at.
 */
import { basename } from 'node:path';
import { AppError } from '../../../../shared/domain/errors';

export function parseError(file: string, what: string, line?: number, column?: number): AppError {
  const where = line === undefined ? '' : column === undefined ? `, line ${line}` : `, line ${line}, column ${column}`;
  const location: { file: string; line?: number; column?: number } = { file };
  if (line !== undefined) location.line = line;
  if (column !== undefined) location.column = column;
  return new AppError('PARSE_ERROR', `${basename(file)}${where}: ${what}`, { location });
}

/** 1-based character column of byte `at` in a UTF-8 line starting at byte `lineStart`. */
export function charColumn(buf: Uint8Array, lineStart: number, at: number): number {
  let col = 1;
  for (let i = lineStart; i < at; i++) if ((buf[i]! & 0xc0) !== 0x80) col++;
  return col;
}

/** A printable description of one character for messages: 'x', a tab, byte 0x00 ... */
export function describeChar(buf: Uint8Array, at: number): string {
  const b = buf[at]!;
  if (b === 9) return 'a tab';
  if (b === 34) return `'"'`;
  if (b >= 32 && b < 127) return `'${String.fromCharCode(b)}'`;
  if (b >= 0x80) return `'${Buffer.from(buf.subarray(at, at + 4)).toString('utf8').charAt(0)}'`;
  return `byte 0x${b.toString(16).padStart(2, '0').toUpperCase()}`;
}

/** Name of a delimiter for messages. */
export function delimiterName(d: number): string {
  if (d === 9) return 'a tab';
  return `'${String.fromCharCode(d)}'`;
}
