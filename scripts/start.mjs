#!/usr/bin/env node
// `npm start`: build what is out of date, then run `tally start` (Electron when it can start,
// otherwise the same app in your browser on 127.0.0.1).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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
const electronBuilt = 'out/main/index.js';
if (existsSync('node_modules/electron/dist') && (!existsSync(electronBuilt) || newest('electron') > statSync(electronBuilt).mtimeMs)) {
  console.log('Building the desktop app...');
  run(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build', '--logLevel', 'warn']);
}
const r = spawnSync(process.execPath, ['bin/tally.js', 'start', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(r.status ?? 0);
