#!/usr/bin/env node
// `npm start`: build what is out of date, install the Electron binary once if it is missing (the
// only download, part of installing: the app itself never connects anywhere), then run
// `tally start` (Electron when it can start, otherwise the same app in your browser on 127.0.0.1).
// TALLY_NO_ELECTRON_DOWNLOAD=1 skips the download attempt.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const p = join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const built = 'out/renderer/index.html';
if (!existsSync(built) || newest('renderer') > statSync(built).mtimeMs || newest('shared') > statSync(built).mtimeMs) {
  console.log('Building the Tally interface...');
  run(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--config', 'renderer/vite.config.ts', '--logLevel', 'warn']);
}
function electronBinaryPresent() {
  const pathFile = 'node_modules/electron/path.txt';
  return existsSync(pathFile) && existsSync(join('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim()));
}
if (existsSync('node_modules/electron/install.js') && !electronBinaryPresent() && process.env.TALLY_NO_ELECTRON_DOWNLOAD !== '1') {
  console.log('Installing the Electron desktop shell (a one-time download)...');
  const got = spawnSync(process.execPath, ['node_modules/electron/install.js'], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', timeout: 600_000 });
  if (got.status !== 0) console.log('Could not download Electron (no internet?); Tally will run in your browser instead.');
}
const electronBuilt = 'out/main/index.js';
if (existsSync('node_modules/electron/dist') && (!existsSync(electronBuilt) || newest('electron') > statSync(electronBuilt).mtimeMs)) {
  console.log('Building the desktop app...');
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn']);
}
const r = spawnSync(process.execPath, ['bin/tally.js', 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);
