import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CliError } from './io';

/** Device and inode of what a path leads to (symlinks followed), or null when nothing is there. */
function identity(path: string): string | null {
  try {
    const st = statSync(path);
    return `${st.dev}:${st.ino}`;
  } catch {
    return null;
  }
}

/**
 * Refuses an output path that leads to one of the inputs, compared by device and inode so a
 * symlink, a hard link or a different spelling of the same path is caught too, and two outputs
 * that lead to the same file. `outputs` maps the flag ("--html") to its path.
 */
export function refuseOutputsOverInputs(inputs: Array<{ flag: string; path: string }>, outputs: Array<{ flag: string; path: string }>): void {
  const byIdentity = new Map<string, string>();
  for (const i of inputs) {
    const id = identity(i.path);
    if (id) byIdentity.set(id, i.flag);
  }
  for (const o of outputs) {
    const id = identity(o.path);
    if (!id) continue;
    const clash = byIdentity.get(id);
    if (clash) {
      throw new CliError(`${o.flag} ${o.path} is the same file as ${clash === 'FILE' ? 'the FILE being read' : `${clash}`}; writing the report there would destroy it. Choose another path.`);
    }
    byIdentity.set(id, o.flag);
  }
  const seen = new Map<string, string>();
  for (const o of outputs) {
    const key = identity(o.path) ?? join(dirname(o.path), basename(o.path));
    const other = seen.get(key);
    if (other) throw new CliError(`${o.flag} and ${other} name the same file (${o.path}); give each report its own path.`);
    seen.set(key, o.flag);
  }
}

/**
 * Writes a whole file or nothing: the text goes to a temporary file in the same folder, which then
 * replaces the target in one rename, so a crash or a full disk never leaves half a report (or half
 * of whatever was there before).
 */
export function writeFileAtomic(path: string, text: string, flag: string): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = FULL_CODES.has(code) ? ': the disk is full or the file is larger than this system allows' : '';
    throw new CliError(`${flag}: cannot write ${path} (${code})${why}. Nothing was written.`);
  }
}

/** No space left, over the file-size limit (RLIMIT_FSIZE), over the disk quota. */
const FULL_CODES = new Set(['ENOSPC', 'EFBIG', 'EDQUOT']);
