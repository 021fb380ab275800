import { join } from 'node:path';
import { safeRelativePath } from '../../shared/domain/safe-path';
import { APP_HOST, APP_SCHEME } from './security';

/**
 * Maps an app://tally/... URL to a file inside `root` (the built renderer), or null when the URL
 * is not ours or would leave the root. Pure: the protocol handler does the reading.
 */
export function resolveAppFile(root: string, url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== `${APP_SCHEME}:` || u.host !== APP_HOST) return null;
  // Check the raw path too: URL parsing already folds "/a/../b", which must not be accepted silently.
  const raw = url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] ?? '';
  if (safeRelativePath(raw) === null) return null;
  const rel = safeRelativePath(u.pathname);
  return rel === null ? null : join(root, rel);
}
