/**
 * Public datasets the checks are tested on, never committed: vega-datasets' files (a dev
 * dependency, read where npm installed them) and scikit-learn's bundled sets (written to a test's
 * temp folder by Debian's python3). pandas / scipy results on the same files are the oracles.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Path of a file in vega-datasets' data folder, e.g. vegaFile('airports.csv'). */
export function vegaFile(name: string): string {
  // The package exports only its JS entry, so its folder is found from this repo's node_modules.
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const path = join(root, 'node_modules', 'vega-datasets', 'data', name);
  if (!existsSync(path)) throw new Error(`${path} is missing: run npm ci (vega-datasets is a dev dependency)`);
  return path;
}

/** Debian's python3 (scikit-learn 1.2, pandas 1.5, scipy 1.10), not whatever python3 is first on PATH. */
export const PYTHON = '/usr/bin/python3';

/** Runs a Python snippet and parses the one JSON value it prints. */
export function python<T>(code: string, args: string[] = []): T {
  const out = execFileSync(PYTHON, ['-c', code, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(out) as T;
}
