/**
 * Development, tests, the bench and the `tally` command run the TypeScript sources. Starting a
 * process, and each worker thread, under the tsx loader costs about 0.7 CPU-seconds apiece (every
 * module is compiled on a loader thread first), a fixed cost that showed as a large share of a
 * 1M-row profile and of every CLI command. So on first use the entries in bin/bundles.js (the
 * analysis worker process, its range thread and the CLI) are bundled with esbuild (a dependency
 * of vite and tsx) into `<repo>/out/` (`analysis-worker.js`, `parallel/csv-range-thread.js`,
 * `cli.js`: the same relative layout the modules rely on to find each other: run-analysis.ts and
 * profile-csv.ts look for siblings of their own file) and reused while no input is newer than the
 * bundles (bin/bundles.js says when; bin/tally.js asks it before loading any TypeScript). Any
 * failure (no esbuild, as in a packaged build, or a read-only tree) returns null and callers keep
 * the .ts entry with tsx.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { BUNDLE_ENTRIES, BUNDLE_INPUTS, BUNDLED_PACKAGES, bundlePath, bundlesFresh } from '../../../bin/bundles.js';
import { appRootFrom } from '../app-root';

/** Found on first use, not at import: a packaged build imports this module but never calls it. */
let root: string | null = null;
const repoRoot = (): string => (root ??= appRootFrom(import.meta.url));
export type CompiledEntryName = keyof typeof BUNDLE_ENTRIES;

interface EsbuildLike {
  buildSync(options: Record<string, unknown>): { metafile?: { inputs: Record<string, unknown> } };
}

/** Set once esbuild failed in this process: do not retry on every analysis. */
let unavailable = false;

/**
 * How the entries are built: together, with every package external; an entry listed in
 * BUNDLED_PACKAGES is built on its own and carries those packages inside it, every other package
 * of package.json (the one list of what may be imported) staying external.
 */
function buildGroups(): Array<{ names: CompiledEntryName[]; packages: Record<string, unknown> }> {
  const names = Object.keys(BUNDLE_ENTRIES) as CompiledEntryName[];
  const groups: Array<{ names: CompiledEntryName[]; packages: Record<string, unknown> }> = [{ names: names.filter((n) => !BUNDLED_PACKAGES[n]), packages: { packages: 'external' } }];
  for (const name of names) {
    const bundled = BUNDLED_PACKAGES[name];
    if (!bundled) continue;
    const manifest = JSON.parse(readFileSync(join(repoRoot(), 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    const declared = ['dependencies', 'devDependencies', 'optionalDependencies'].flatMap((field) => Object.keys(manifest[field] ?? {}));
    groups.push({ names: [name], packages: { external: declared.filter((p) => !bundled.includes(p)).flatMap((p) => [p, `${p}/*`]) } });
  }
  return groups;
}

function build(): void {
  const startedAt = new Date();
  const esbuild = createRequire(import.meta.url)('esbuild') as EsbuildLike;
  // Build into a private directory, then rename into place: test files run in parallel and may
  // build at the same time; a rename never exposes a half-written bundle.
  const tmp = join(repoRoot(), 'out', `.analysis-build-${process.pid}-${Date.now()}`);
  try {
    const inputs = new Set<string>();
    for (const group of buildGroups()) {
      const result = esbuild.buildSync({
        entryPoints: Object.fromEntries(group.names.map((name) => [name, join(repoRoot(), BUNDLE_ENTRIES[name])])),
        outdir: tmp,
        bundle: true,
        platform: 'node',
        format: 'esm',
        target: 'node20',
        ...group.packages,
        metafile: true,
        absWorkingDir: repoRoot(),
        logLevel: 'silent',
      });
      for (const input of Object.keys(result.metafile?.inputs ?? {})) inputs.add(input);
    }
    for (const name of Object.keys(BUNDLE_ENTRIES) as CompiledEntryName[]) {
      mkdirSync(dirname(bundlePath(repoRoot(), name)), { recursive: true });
      renameSync(join(tmp, `${name}.js`), bundlePath(repoRoot(), name));
    }
    // The input list is stamped with the build's START time: a source saved while esbuild ran
    // is then newer than the bundle and triggers a rebuild next time.
    writeFileSync(`${tmp}.json`, JSON.stringify([...inputs]));
    utimesSync(`${tmp}.json`, startedAt, startedAt);
    renameSync(`${tmp}.json`, join(repoRoot(), BUNDLE_INPUTS));
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
    if (!bundlesFresh(repoRoot())) build();
    return bundlePath(repoRoot(), name);
  } catch {
    unavailable = true;
    return null;
  }
}
