/**
 * Start a worker thread from a module path. Worker threads do not inherit a TypeScript loader, so
 * for a .ts entry (development, tests, the bench) the thread first registers tsx, then imports
 * the entry; a packaged build points at built .js files and starts them directly.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

export function startThread(entryPath: string, workerData: unknown): Worker {
  const entryUrl = pathToFileURL(entryPath).href;
  if (!entryPath.endsWith('.ts')) return new Worker(new URL(entryUrl), { workerData });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entryUrl)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
}
