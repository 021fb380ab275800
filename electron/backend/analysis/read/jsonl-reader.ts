/**
 * JSON Lines: one JSON object per line, blank lines allowed. Memory: one line at a time.
 */
import { TextDecoder } from 'node:util';
import { type ByteSource } from './byte-source';
import { describeJsonChar, locateJsonError, positionIn } from './json-locate-error';
import { forEachLine } from './line-reader';
import { parseError } from './parse-error';
import { type RecordConsumer } from './record-sink';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function kindOfJson(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  return `a ${typeof v}`;
}

export function readJsonLines(file: string, source: ByteSource, sink: RecordConsumer, onProgress?: (bytes: number) => void): void {
  forEachLine(
    source,
    (buf, start, end, line) => {
      let text: string;
      try {
        text = utf8.decode(buf.subarray(start, end));
      } catch {
        throw parseError(file, 'invalid bytes for UTF-8; expected UTF-8 text.', line);
      }
      if (text.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        const p = locateJsonError(text);
        const pos = positionIn(text, p.at, line, 1);
        throw parseError(file, `invalid JSON: found ${describeJsonChar(text, p.at)}; expected ${p.expected}.`, pos.line, pos.column);
      }
      if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw parseError(file, `found ${kindOfJson(value)}; expected one JSON object per line, such as {"name": "value"}.`, line, 1 + text.length - text.trimStart().length);
      }
      sink.add(value as Record<string, unknown>, { line, column: 1 + text.length - text.trimStart().length });
    },
    onProgress,
  );
}
