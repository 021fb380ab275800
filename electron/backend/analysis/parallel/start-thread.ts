/**
 * Start a worker thread from a module path. Worker threads do not inherit a TypeScript loader, so
 * for a .ts entry (development, tests, the bench) the thread first registers tsx, then imports
 * the entry; a packaged build points at built .js files and starts them directly.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * The thread's young generation, the same for built and .ts entries. 32 MB rather than 64: on a
 * train-vs-test run of 2 x 5M rows, 64 MB put the peak RSS at 531-536 MB and 32 MB at 504-508 MB
 * (over the 512 MB target otherwise) with CPU time within the run-to-run noise (20.4 vs 20.7 s).
 */
const resourceLimits = { maxYoungGenerationSizeMb: 32 };

export function startThread(entryPath: string, workerData: unknown): Worker {
  const entryUrl = pathToFileURL(entryPath).href;
  if (!entryPath.endsWith('.ts')) return new Worker(new URL(entryUrl), { workerData, resourceLimits });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entryUrl)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
