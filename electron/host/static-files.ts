import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { safeRelativePath } from '../../shared/domain/safe-path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  status: number;
  type: string;
  body: Buffer | string;
}

/** Reads a file of the built renderer, refusing anything outside `root`. */
export function readStatic(root: string, urlPath: string): StaticFile {
  const rel = safeRelativePath(urlPath);
  if (rel === null) return { status: 400, type: 'text/plain; charset=utf-8', body: 'Bad path' };
  const file = join(root, rel);
  if (!existsSync(file) || !statSync(file).isFile()) {
    if (!existsSync(join(root, 'index.html'))) {
      return {
        status: 503,
        type: 'text/plain; charset=utf-8',
        body: 'The Tally interface is not built yet. Run "npm run build:renderer" (npm start does it for you).',
      };
    }
    return { status: 404, type: 'text/plain; charset=utf-8', body: 'Not found' };
  }
  return { status: 200, type: TYPES[extname(file)] ?? 'application/octet-stream', body: readFileSync(file) };
}
