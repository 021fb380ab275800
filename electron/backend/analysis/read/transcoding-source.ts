/**
 * A ByteSource that reads a file in another encoding (UTF-16 LE/BE, Windows-1252) and yields UTF-8,
 * so one byte scanner serves every encoding. Streaming: one raw chunk decoded at a time, with
 * TextDecoder carrying a split character over to the next chunk. UTF-16 errors (an unpaired
 * surrogate, an odd trailing byte) are located and reported with line and column.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { type ByteSource } from './byte-source';
import { type TextEncodingName } from './encoding';
import { parseError } from './parse-error';

const CHUNK = 1 << 20;

export class TranscodingSource implements ByteSource {
  private readonly fd: number;
  private position: number;
  private readonly decoder: TextDecoder;
  private pending: Buffer = Buffer.alloc(0);
  private pendingAt = 0;
  private done = false;
  private readonly raw = Buffer.alloc(CHUNK);
  /** Text decoded so far: line count and current line length, for error positions. */
  private line = 1;
  private column = 1;

  constructor(
    private readonly file: string,
    private readonly encoding: TextEncodingName,
    start: number,
  ) {
    this.fd = openSync(file, 'r');
    this.position = start;
    this.decoder = new TextDecoder(encoding, { fatal: encoding !== 'windows-1252' });
  }

  read(buf: Uint8Array, offset: number, length: number): number {
    while (this.pendingAt >= this.pending.length) {
      if (this.done) return 0;
      const n = readSync(this.fd, this.raw, 0, CHUNK, this.position);
      this.position += n;
      const text = this.decodeChunk(this.raw.subarray(0, n), n === 0);
      if (n === 0) this.done = true;
      this.track(text);
      this.pending = Buffer.from(text, 'utf8');
      this.pendingAt = 0;
    }
    const take = Math.min(length, this.pending.length - this.pendingAt);
    buf.set(this.pending.subarray(this.pendingAt, this.pendingAt + take), offset);
    this.pendingAt += take;
    return take;
  }

  private decodeChunk(bytes: Uint8Array, last: boolean): string {
    try {
      return this.decoder.decode(bytes, { stream: !last });
    } catch {
      // Find where: decode leniently and look for the replacement character.
      const lenient = new TextDecoder(this.encoding).decode(bytes);
      const at = lenient.indexOf('\uFFFD');
      const before = at >= 0 ? lenient.slice(0, at) : lenient;
      this.track(before);
      const what = at < 0 ? 'the file ends in the middle of a character' : 'a broken character (an unpaired UTF-16 surrogate)';
      throw parseError(this.file, `invalid bytes for ${this.encoding.toUpperCase()}: ${what}; expected ${this.encoding.toUpperCase()} text.`, this.line, this.column);
    }
  }

  private track(text: string): void {
    const nl = text.lastIndexOf('\n');
    if (nl < 0) {
      this.column += text.length;
      return;
    }
    let count = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
    this.line += count;
    this.column = text.length - nl;
  }

  close(): void {
    closeSync(this.fd);
  }
}
