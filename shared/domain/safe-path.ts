/**
 * Maps a URL path to a path relative to a served root, or null when it would escape the root or
 * is otherwise suspicious. Used by the app:// protocol (Electron) and the browser host's static
 * files, so both refuse the same corpus. Pure string logic: the caller joins the result to its root.
 */
export function safeRelativePath(urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null; // malformed percent-encoding
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (/^[a-zA-Z]:/.test(decoded.replace(/^\/+/, ''))) return null; // a Windows drive letter
  const out: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') return null; // never resolve upwards, even if it would stay inside
    out.push(segment);
  }
  return out.length === 0 ? 'index.html' : out.join('/');
}
