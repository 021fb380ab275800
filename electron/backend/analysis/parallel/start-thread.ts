/**
 * Start a worker thread from a module path. Worker threads do not inherit a TypeScript loader, so
 * for a .ts entry (development, tests, the bench) the thread first registers tsx, then imports
 * the entry; a packaged build points at built .js files and starts them directly.
 */
import { Worker } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';

/**
 * A larger young generation than a thread's default: the range pass allocates short-lived
 * values steadily, and with the default size the thread spent several CPU-seconds more in
 * scavenges (and promoted more) on a 5M-row file. Same limits for built and .ts entries.
 */
const resourceLimits = { maxYoungGenerationSizeMb: 64 };

export function startThread(entryPath: string, workerData: unknown): Worker {
  const entryUrl = pathToFileURL(entryPath).href;
  if (!entryPath.endsWith('.ts')) return new Worker(new URL(entryUrl), { workerData, resourceLimits });
  const tsxApi = import.meta.resolve('tsx/esm/api');
  const code = `import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(entryUrl)}); });`;
  return new Worker(code, { eval: true, workerData, resourceLimits });
}
