import { execFileSync } from 'node:child_process';
import { chmodSync } from 'node:fs';

/**
 * Makes a file or folder unwritable for this process. Root ignores permission bits, so as root
 * the immutable attribute is used (chattr +i stops root too); undo() restores it for clean-up.
 */
export function makeReadOnly(path: string, folder: boolean): () => void {
  if (process.getuid?.() === 0) {
    execFileSync('chattr', ['+i', path]);
    return () => execFileSync('chattr', ['-i', path]);
  }
  chmodSync(path, folder ? 0o555 : 0o444);
  return () => chmodSync(path, folder ? 0o755 : 0o644);
}
