import { buildSync } from 'esbuild';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { compiledEntry } from '../../electron/backend/analysis/compiled-entry';

export const REPO_ROOT = join(import.meta.dirname, '../..');

/**
 * Bundles a test's child-process script with esbuild so the child starts under plain `node` in a
 * fraction of a second (no tsx loader compiling ~200 modules per start). The bundle goes to
 * `out/<name>.js`, beside the analysis worker's own bundle, because the backend finds its worker
 * as a sibling of the running module; packages stay external and resolve from node_modules.
 * Built into a private folder and renamed into place, so parallel builds never expose half a file.
 */
export function bundleChildScript(entry: string, name: string): string {
  // The worker and its range thread must exist (and be fresh) beside the child's bundle.
  if (compiledEntry('analysis-worker') === null) throw new Error('the analysis worker bundle could not be built');
  const outDir = join(REPO_ROOT, 'out');
  const tmp = join(outDir, `.${name}-build-${process.pid}-${Date.now()}`);
  try {
    buildSync({
      entryPoints: { [name]: entry },
      outdir: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      absWorkingDir: REPO_ROOT,
      logLevel: 'silent',
    });
    mkdirSync(outDir, { recursive: true });
    const target = join(outDir, `${name}.js`);
    renameSync(join(tmp, `${name}.js`), target);
    return target;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
