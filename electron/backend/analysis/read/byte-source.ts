/**
 * Where the scanners get bytes from: always read-only. A file (or a byte range of it) read with
 * positioned reads into the caller's buffer, so memory stays at one chunk whatever the file size.
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface ByteSource {
  /** Fill `buf[offset, offset + length)`; returns bytes written, 0 at the end. */
  read(buf: Uint8Array, offset: number, length: number): number;
  close(): void;
}

export class FileRangeSource implements ByteSource {
  private readonly fd: number;
  private position: number;

  constructor(
    path: string,
    start: number,
    private readonly end: number,
  ) {
    this.fd = openSync(path, 'r');
    this.position = start;
  }

  read(buf: Uint8Array, offset: number, length: number): number {
    const want = Math.min(length, this.end - this.position);
    if (want <= 0) return 0;
    const n = readSync(this.fd, buf, offset, want, this.position);
    this.position += n;
    return n;
  }

  close(): void {
    closeSync(this.fd);
  }
}

/** Bytes already in memory (a file's head read once), for scanning them with the same scanners. */
export class BytesSource implements ByteSource {
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
