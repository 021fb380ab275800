/**
 * `npm run bench`: runs every bench/*.bench.ts in its own Node process, one after another, so
 * each measures on a quiet machine. Each script prints its figure next to a reference measured in
 * the same run. Pass names to run a subset: `npm run bench -- montecarlo`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const scripts = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

let failed = 0;
for (const script of scripts) {
  console.log(`\n=== ${script} ===`);
  const r = spawnSync(process.execPath, ['bin/run-ts.js', `bench/${script}`], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
if (scripts.length === 0) console.log('No bench matched.');
process.exit(failed ? 1 : 0);
