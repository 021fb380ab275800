// Builds the CSV fast lane's WebAssembly kernel from its AssemblyScript source (wasm/csv-lane.ts)
// and embeds the bytes, base64, in a TypeScript module, so the backend needs no path to a .wasm
// file in any bundle layout. `--check` rebuilds and compares instead of writing: the unit suite
// runs it, so the embedded bytes are always what the source in the repository compiles to.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import asc from 'assemblyscript/asc';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = 'wasm/csv-lane.ts';
const MODULE = join(root, 'electron/backend/analysis/read/csv-lane-bytes.ts');

async function build() {
  let binary = null;
  const errors = [];
  const { error } = await asc.main([SOURCE, '-O3', '--runtime', 'stub', '--noAssert', '--enable', 'simd', '--outFile', 'csv-lane.wasm'], {
    readFile: (name, baseDir) => {
      try {
        return readFileSync(join(root, baseDir, name), 'utf8');
      } catch {
        return null;
      }
    },
    writeFile: (name, contents) => {
      if (name.endsWith('.wasm')) binary = contents;
    },
    listFiles: () => [],
    stdout: { write: () => true },
    stderr: { write: (s) => errors.push(String(s)) },
  });
  if (error || binary === null) throw new Error(`asc failed: ${error?.message ?? ''}\n${errors.join('')}`);
  return Buffer.from(binary).toString('base64');
}

function moduleText(base64) {
  const lines = base64.match(/.{1,96}/g).map((l) => `  '${l}' +`);
  lines[lines.length - 1] = lines[lines.length - 1].slice(0, -2) + ';';
  return `/**
 * The CSV fast lane's WebAssembly kernel, compiled from wasm/csv-lane.ts by
 * scripts/build-csv-lane.mjs (do not edit: rebuild with \`node scripts/build-csv-lane.mjs\`; the
 * unit suite fails when these bytes differ from what the source compiles to).
 */
export const CSV_LANE_WASM_BASE64 =
${lines.join('\n')}
`;
}

const base64 = await build();
if (process.argv.includes('--check')) {
  const embedded = readFileSync(MODULE, 'utf8');
  if (embedded !== moduleText(base64)) {
    console.error(`${MODULE} differs from what ${SOURCE} compiles to: run node scripts/build-csv-lane.mjs`);
    process.exit(1);
  }
  console.log(`${MODULE} matches ${SOURCE} (${Buffer.from(base64, 'base64').length} bytes)`);
} else {
  writeFileSync(MODULE, moduleText(base64));
  console.log(`wrote ${MODULE} (${Buffer.from(base64, 'base64').length} bytes)`);
}
