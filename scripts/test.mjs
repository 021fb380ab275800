#!/usr/bin/env node
// `npm test`: every suite. Unit, contract and integration tests first, then the end-to-end suite
// in Debian's Chromium. Ends with one line "N passed, N failed" for CI.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const out = 'test-results';
mkdirSync(out, { recursive: true });
const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;
let exitCode = 0;

for (const project of ['unit', 'e2e']) {
  const report = join(out, `vitest-${project}.json`);
  rmSync(report, { force: true });
  const r = spawnSync(
    process.execPath,
    ['node_modules/vitest/vitest.mjs', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
    { stdio: 'inherit' },
  );
  if (r.status !== 0) exitCode = 1;
  if (existsSync(report)) {
    const json = JSON.parse(readFileSync(report, 'utf8'));
    passed += json.numPassedTests ?? 0;
    failed += json.numFailedTests ?? 0;
    // A suite that could not start (e.g. Chromium missing) has no failed test but did fail.
    if (r.status !== 0 && (json.numFailedTests ?? 0) === 0) failed += 1;
  } else if (r.status !== 0) {
    failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode || (failed > 0 ? 1 : 0));
