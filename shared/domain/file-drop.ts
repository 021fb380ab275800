/**
 * Files dropped on the desktop window. The sandboxed preload learns each dropped file's path
 * (webUtils.getPathForFile; a web page never can) and posts it to the page as a window message of
 * this shape, so the bridge stays exactly { rpc, subscribe }. The page treats the paths like ones
 * typed into the file picker: the backend still validates every one.
 */
export const FILES_DROPPED = 'tally:files-dropped';

export interface FilesDroppedMessage {
  type: typeof FILES_DROPPED;
  paths: string[];
}

/** The paths of a files-dropped message, or null for any other message. */
export function droppedPaths(data: unknown): string[] | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Partial<FilesDroppedMessage>;
  if (m.type !== FILES_DROPPED || !Array.isArray(m.paths)) return null;
  const paths = m.paths.filter((p): p is string => typeof p === 'string' && p.length > 0 && p.length < 4096);
  return paths.length > 0 ? paths.slice(0, 50) : null;
}
