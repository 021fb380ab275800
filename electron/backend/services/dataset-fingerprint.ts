import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { AppError } from '../../../shared/domain/errors';
import { notARegularFile } from '../analysis/read/regular-file';

export interface FileStat {
  sizeBytes: number;
  /** Whole milliseconds, so it fits an INTEGER column and compares exactly. */
  mtimeMs: number;
}

/** Size and modification time, or null when there is no file at the path any more. */
export function statDataFile(path: string): FileStat | null {
  try {
    const st = statSync(path);
    if (!st.isFile()) return null;
    return { sizeBytes: st.size, mtimeMs: Math.floor(st.mtimeMs) };
  } catch {
    return null;
  }
}

/** Like statDataFile, but a missing file, a folder, a pipe or a device is an error naming the path. */
export function requireDataFile(path: string, field = 'path'): FileStat {
  const st = statDataFile(path);
  if (st) return st;
  let what: string | null = null;
  try {
    what = notARegularFile(statSync(path));
  } catch {
    // not there at all
  }
  if (what === 'a folder') throw new AppError('FILE_NOT_FOUND', `${path} is a folder; choose a data file inside it.`, { location: { field, file: path } });
  if (what) throw new AppError('UNSUPPORTED', `${path} is ${what}; Tally reads regular data files only.`, { location: { field, file: path } });
  throw new AppError('FILE_NOT_FOUND', `There is no file at ${path}.`, { location: { field, file: path } });
}

const CHUNK = 4 << 20;

/**
 * SHA-256 of the whole file, streamed in 4 MiB chunks (memory stays flat; about 300 MB/s here).
 * Read-only. `onBytes` reports progress; an aborted `signal` stops reading with CANCELLED.
 */
export function hashFile(path: string, opts: { onBytes?: (bytes: number) => void; signal?: AbortSignal } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new AppError('CANCELLED', 'The analysis was cancelled.'));
    const hash = createHash('sha256');
    const stream = createReadStream(path, { highWaterMark: CHUNK });
    let bytes = 0;
    const onAbort = () => stream.destroy(new AppError('CANCELLED', 'The analysis was cancelled.'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk) => {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
      opts.onBytes?.(bytes);
    });
    stream.on('error', (e) => {
      opts.signal?.removeEventListener('abort', onAbort);
      if (e instanceof AppError) return reject(e);
      const code = (e as NodeJS.ErrnoException).code;
      reject(new AppError('FILE_NOT_FOUND', `${path} cannot be read (${code ?? e.message}).`, { location: { file: path } }));
    });
    stream.on('end', () => {
      opts.signal?.removeEventListener('abort', onAbort);
      resolve(`sha256:${hash.digest('hex')}`);
    });
  });
}
