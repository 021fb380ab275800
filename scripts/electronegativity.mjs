#!/usr/bin/env node
// The Electron security gate: Electronegativity (Doyensec's static scanner of Electron apps) on
// the built app. Usage: node scripts/electronegativity.mjs [--input DIR] [--json]
//   (no --input) builds main, preload and renderer with electron-vite into a temp folder first;
//   --input DIR  scans an existing build (e.g. out/ after `npm run build`) instead;
//   --json       ends with one line of JSON with every figure (the test reads it).
// Exit 0 when every finding is a manual-review one annotated in scripts/electronegativity-allow.txt,
// 1 when any finding is not (or the scanner could not read a file, or an annotation is stale),
// 2 when the build or the scan itself failed.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const ALLOW_FILE = join(root, 'scripts/electronegativity-allow.txt');
const args = process.argv.slice(2);
const json = args.includes('--json');
const inputAt = args.indexOf('--input');
const input = inputAt >= 0 ? args[inputAt + 1] : undefined;

/** The build or the scan could not run (exit 2), as opposed to findings (exit 1). */
class GateError extends Error {}
function fail(message) {
  throw new GateError(message);
}

/** `kind CHECK_ID file reason...` lines; kind is `exclude` (file `*`) or `manual`. */
function readAllowList() {
  const entries = [];
  readFileSync(ALLOW_FILE, 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) return;
      const [kind, id, file, ...reason] = line.split(/\s+/);
      if ((kind !== 'exclude' && kind !== 'manual') || !id || !file || reason.length === 0) {
        fail(`${ALLOW_FILE} line ${i + 1}: expected "exclude|manual CHECK_ID FILE REASON", got "${line}"`);
      }
      entries.push({ kind, id, file, reason: reason.join(' '), line: i + 1 });
    });
  return entries;
}

const require = createRequire(import.meta.url);
const scannerRequire = createRequire(require.resolve('@doyensec/electronegativity/package.json'));
const scannerVersion = scannerRequire('./package.json').version;
const electronVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).devDependencies.electron;

const work = mkdtempSync(join(tmpdir(), 'tally-electronegativity-'));
try {
  const scanDir = join(work, 'out');
  if (inputAt >= 0 && (!input || !existsSync(input))) fail(`--input needs the folder of a build (e.g. out/ after "npm run build"), got ${input ?? 'nothing'}`);
  if (input) {
    cpSync(input, scanDir, { recursive: true, filter: (src) => !relative(input, src).split(sep).some((part) => part.startsWith('.')) });
  } else {
    const built = spawnSync(process.execPath, [join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build', '--outDir', scanDir, '--logLevel', 'error'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (built.status !== 0) fail(`electron-vite build failed:\n${built.stderr}`);
  }

  // The scanner fetches updated translations (and, in the excluded check, Electron's release list)
  // with `got`. Nothing leaves the machine: answer every such request "not found" and count it;
  // the scanner then keeps the English texts it ships.
  let refusedRequests = 0;
  const offlineGot = () => {
    refusedRequests += 1;
    return Promise.resolve({ statusCode: 404, body: '' });
  };
  offlineGot.head = offlineGot;
  const gotPath = scannerRequire.resolve('got');
  const stub = new Module(gotPath);
  stub.filename = gotPath;
  stub.loaded = true;
  stub.exports = offlineGot;
  Module._cache[gotPath] = stub;
  process.env.LANG = 'en-US';

  const allow = readAllowList();
  const excluded = allow.filter((e) => e.kind === 'exclude');
  const run = scannerRequire('./dist/runner.js');
  const scan = () =>
    run(
      {
        input: scanDir,
        isRelative: true,
        electronVersionOverride: electronVersion,
        // The runner takes check class names in lower case: AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK -> availablesecurityfixesglobalcheck.
        excludeFromScan: excluded.map((e) => e.id.replaceAll('_', '').toLowerCase()),
      },
      false,
    );
  let result = await scan();

  // The scanner's parser predates class private fields (#x), which the renderer bundle's
  // dependencies use, and skips such a file with an error. Those files are scanned again as
  // copies lowered to ES2021 (the same code, private fields as WeakMaps); the others keep their
  // lines. Whatever it still cannot read fails the gate below.
  const lowered = result.errors.filter((e) => !e.tolerable).map((e) => e.file);
  if (lowered.length > 0) {
    const esbuild = require('esbuild');
    for (const file of lowered) writeFileSync(file, esbuild.transformSync(readFileSync(file, 'utf8'), { target: 'es2021', loader: 'js' }).code);
    result = await scan();
  }

  const manualEntries = allow.filter((e) => e.kind === 'manual');
  const findings = result.issues.map((issue) => {
    const file = issue.file.split(sep).join('/');
    const entry = issue.manualReview ? manualEntries.find((e) => e.id === issue.id && e.file === file) : undefined;
    return { id: issue.id, file, line: issue.location.line, manualReview: !!issue.manualReview, description: issue.description, annotation: entry?.reason ?? null };
  });
  const unannotated = findings.filter((f) => f.annotation === null);
  const stale = manualEntries.filter((e) => !findings.some((f) => f.annotation !== null && f.id === e.id && f.file === e.file));
  const unreadable = result.errors.filter((e) => !e.tolerable).map((e) => ({ file: relative(scanDir, e.file), message: e.message }));

  const summary = {
    scanner: `@doyensec/electronegativity ${scannerVersion}`,
    electron: electronVersion,
    checks: result.globalChecks + result.atomicChecks,
    excludedChecks: excluded.map((e) => e.id),
    findings: findings.length,
    annotated: findings.length - unannotated.length,
    unannotated: unannotated.length,
    staleAnnotations: stale.length,
    unreadableFiles: unreadable.length,
    refusedRequests,
    loweredFiles: lowered.map((file) => relative(scanDir, file).split(sep).join('/')),
    details: { findings, stale, unreadable },
  };

  console.log(
    `Electronegativity ${scannerVersion} on the built app (Electron ${electronVersion}, ${summary.checks} checks, excluded: ${summary.excludedChecks.join(', ') || 'none'}): ` +
      `${summary.findings} findings, ${summary.annotated} manual-review annotated, ${summary.unannotated} unannotated`,
  );
  for (const f of findings) {
    console.log(`  ${f.annotation === null ? 'FAIL' : 'ok  '} ${f.id} ${f.file}:${f.line}${f.manualReview ? ' (manual review)' : ''}: ${f.annotation ?? f.description}`);
  }
  for (const e of stale) console.log(`  FAIL stale annotation (no such finding any more), scripts/electronegativity-allow.txt line ${e.line}: ${e.id} ${e.file}`);
  for (const e of unreadable) console.log(`  FAIL the scanner could not read ${e.file}: ${e.message}`);
  if (unannotated.some((f) => !f.manualReview)) console.log('  Findings outside the manual-review checks cannot be annotated: fix the code.');
  if (json) console.log(JSON.stringify(summary));
  process.exitCode = unannotated.length + stale.length + unreadable.length === 0 ? 0 : 1;
} catch (e) {
  console.error(`electronegativity: ${e instanceof GateError ? e.message : e.stack}`);
  process.exitCode = 2;
} finally {
  rmSync(work, { recursive: true, force: true });
}
