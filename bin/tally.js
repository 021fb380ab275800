#!/usr/bin/env node
// The `tally` command. It runs the code in this repository as it is now, never a stale build:
// when the esbuild bundle of the CLI in out/ is up to date with every source it was built from
// (bin/bundles.js), it loads that directly (about 0.3 s to start); otherwise it registers tsx,
// rebuilds the bundles (electron/backend/analysis/compiled-entry.ts) and loads the new one, or
// the TypeScript sources themselves when no bundle can be built (no esbuild, read-only tree).
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundlePath, bundlesFresh } from './bundles.js';

const root = fileURLToPath(new URL('../', import.meta.url));
/** TALLY_TRACE_LOADER=1 says on stderr which of the three ways the CLI was loaded. */
const trace = (how) => {
  if (process.env.TALLY_TRACE_LOADER === '1') process.stderr.write(`tally: loaded ${how}\n`);
};

// `tally eval` and `tally check` load a bundle of that command alone (electron/host/cli/eval-main.ts,
// check-main.ts): the whole CLI's modules cost each about 0.1 s of start-up. Each takes the same
// argv as the whole CLI's main.
const bundleName = new Map([['eval', 'cli-eval'], ['check', 'cli-check']]).get(process.argv[2]) ?? 'cli';

async function loadMain() {
  if (bundlesFresh(root)) {
    trace(`the bundle (${bundleName})`);
    return import(pathToFileURL(bundlePath(root, bundleName)).href);
  }
  const { register } = await import('tsx/esm/api');
  const unregister = register();
  const { compiledEntry } = await import('../electron/backend/analysis/compiled-entry.ts');
  const bundle = compiledEntry(bundleName);
  if (bundle === null) {
    trace('the TypeScript sources');
    return import('../electron/host/cli/main.ts');
  }
  await unregister();
  trace(`a rebuilt bundle (${bundleName})`);
  return import(pathToFileURL(bundle).href);
}

const { main } = await loadMain();
process.exitCode = await main(process.argv.slice(2));
