/**
 * Development, tests and the bench run the engine from its TypeScript sources. Starting the worker
 * process, and each worker thread, under the tsx loader costs about 0.7 CPU-seconds apiece (every
 * module is compiled on a loader thread first), a fixed cost that showed as a large share of a
 * 1M-row profile. So on first use the two entries are bundled with esbuild (a dependency of
 * vite and tsx) into `<repo>/out/analysis-worker.js` and `<repo>/out/parallel/csv-range-thread.js`
 * (the same relative layout as the sources, which profile-csv.ts relies on to find the thread),
 * and reused while no input is newer than the bundle. Any failure (no esbuild, as in a packaged
 * build, or a read-only tree) returns null and callers keep the .ts entry with tsx.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../..');
const outDir = join(repoRoot, 'out');
const metaFile = join(outDir, 'analysis-worker.inputs.json');
const ENTRIES = { 'analysis-worker': join(here, 'analysis-worker.ts'), 'parallel/csv-range-thread': join(here, 'parallel/csv-range-thread.ts') };
export type CompiledEntryName = keyof typeof ENTRIES;

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { metafile?: { inputs: Record<string, unknown> } };
}

/** Set once esbuild failed in this process: do not retry on every analysis. */
let unavailable = false;

function mtime(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Infinity;
  }
}

/** True when every bundle exists and no input it was built from changed since. */
function fresh(): boolean {
  let inputs: string[];
  try {
    inputs = JSON.parse(readFileSync(metaFile, 'utf8')) as string[];
  } catch {
    return false;
  }
  const built = Math.min(...Object.keys(ENTRIES).map((name) => mtime(join(outDir, `${name}.js`))), mtime(metaFile));
  if (!Number.isFinite(built)) return false;
  return inputs.every((file) => mtime(join(repoRoot, file)) < built);
}

function build(): void {
  const startedAt = new Date();
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
  // Build into a private directory, then rename into place: test files run in parallel and may
  // build at the same time; a rename never exposes a half-written bundle.
  const tmp = join(outDir, `.analysis-build-${process.pid}-${Date.now()}`);
  try {
    const result = esbuild.buildSync({
      entryPoints: ENTRIES,
      outdir: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      metafile: true,
      absWorkingDir: repoRoot,
      logLevel: 'silent',
    });
    for (const name of Object.keys(ENTRIES)) {
      mkdirSync(dirname(join(outDir, `${name}.js`)), { recursive: true });
      renameSync(join(tmp, `${name}.js`), join(outDir, `${name}.js`));
    }
    // The input list is stamped with the build's START time: a source saved while esbuild ran
    // is then newer than the bundle and triggers a rebuild next time.
    writeFileSync(`${tmp}.json`, JSON.stringify(Object.keys(result.metafile?.inputs ?? {})));
    utimesSync(`${tmp}.json`, startedAt, startedAt);
    renameSync(`${tmp}.json`, metaFile);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The bundled entry for `name`, built if missing or stale; null when it cannot be had (then run
 * the .ts source under tsx). Freshness is checked on every call (a few dozen stat calls), so a
 * developer's edit is picked up by the next analysis, as it was under tsx.
 */
export function compiledEntry(name: CompiledEntryName): string | null {
  if (unavailable) return null;
  try {
    if (!fresh()) build();
    return join(outDir, `${name}.js`);
  } catch {
    unavailable = true;
    return null;
  }
}
