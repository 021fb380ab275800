// The esbuild bundles that let sources run without the tsx loader (see
// electron/backend/analysis/compiled-entry.ts, which builds them). Plain JS so that bin/tally.js
// can test their freshness before any TypeScript loader is registered: starting tsx alone costs
// about 0.3 s, and compiling the CLI's ~200 modules through it another 0.3 s, on every command.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Bundle name -> its source entry, relative to the repository root. */
export const BUNDLE_ENTRIES = {
  'analysis-worker': 'electron/backend/analysis/analysis-worker.ts',
  'parallel/csv-range-thread': 'electron/backend/analysis/parallel/csv-range-thread.ts',
  cli: 'electron/host/cli/main.ts',
  'cli-eval': 'electron/host/cli/eval-main.ts',
  'cli-check': 'electron/host/cli/check-main.ts',
};

/**
 * Packages a bundle carries inside it instead of importing them at start (every other package
 * stays external). An external package is imported when the bundle loads, even if only a module
 * loaded on demand uses it; bundled, it starts with that module. `tally check` needs zod only for
 * --population (the contract's schema), and importing zod cost about 0.04 CPU-s of every check.
 */
export const BUNDLED_PACKAGES = {
  'cli-check': ['zod'],
};

/** Where the bundles go, and the list of every input they were built from (stamped with the build's start). */
export const BUNDLE_DIR = 'out';
export const BUNDLE_INPUTS = 'out/bundles.inputs.json';

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** The bundle file of `name` under `root`. */
export function bundlePath(root, name) {
  return join(root, BUNDLE_DIR, `${name}.js`);
}

/** True when every bundle exists and no input it was built from changed since. */
export function bundlesFresh(root) {
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(join(root, BUNDLE_INPUTS), 'utf8'));
  } catch {
    return false;
  }
  if (!Array.isArray(inputs)) return false;
  const built = Math.min(...Object.keys(BUNDLE_ENTRIES).map((name) => mtime(bundlePath(root, name))), mtime(join(root, BUNDLE_INPUTS)));
  if (!Number.isFinite(built)) return false;
  return inputs.every((file) => typeof file === 'string' && mtime(join(root, file)) < built);
}
