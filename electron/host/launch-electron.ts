import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { APP_ROOT, ELECTRON_MAIN } from './paths';

export type ElectronOutcome = { started: true; exitCode: number } | { started: false; reason: string };

/**
 * Where the `electron` package keeps its binary, read from the files it writes (path.txt and
 * dist/), never through require('electron'): on a missing binary that call downloads ~100 MB
 * from the internet, and the running app makes no network connections. Installing the binary is
 * the installer's job (`npm start` does it once, saying so; see scripts/start.mjs).
 */
export function findElectronBinary(env: NodeJS.ProcessEnv = process.env): { binary: string } | { reason: string } {
  const pkg = join(APP_ROOT, 'node_modules', 'electron');
  if (!existsSync(join(pkg, 'package.json'))) return { reason: 'the electron package is not installed (run "npm install")' };
  const pathFile = join(pkg, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const binary = override ? join(override, executable ?? 'electron') : executable ? join(pkg, 'dist', executable) : null;
  if (binary && existsSync(binary)) return { binary };
  return { reason: 'the Electron binary is not installed (it is downloaded once, with internet access: "npm start" tries, or run "node node_modules/electron/install.js")' };
}

/**
 * Tries to run the desktop app. Resolves `started: false` with a one-line reason when the
 * Electron binary is missing (it is downloaded on first use and cannot be on offline machines),
 * when the app is not built, or when Electron exits before the window reports ready.
 */
export async function launchElectron(dataDir: string, env: NodeJS.ProcessEnv): Promise<ElectronOutcome> {
  const found = findElectronBinary(env);
  if ('reason' in found) return { started: false, reason: found.reason };
  const binary = found.binary;
  if (!existsSync(ELECTRON_MAIN)) return { started: false, reason: 'the desktop app is not built (run "npm run build")' };
  return new Promise((resolve) => {
    const child = spawn(binary, [APP_ROOT], { env: { ...env, TALLY_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
    let ready = false;
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => {
      const text = d.toString();
      if (!ready && text.includes('TALLY_READY')) ready = true;
      process.stdout.write(text.replace(/TALLY_READY\s*/g, ''));
    });
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (ready) process.stderr.write(d);
    });
    child.on('error', (e) => resolve({ started: false, reason: `Electron could not start (${e.message})` }));
    child.on('exit', (code) => {
      if (ready) resolve({ started: true, exitCode: code ?? 0 });
      else {
        const line = stderr.trim().split('\n').find((l) => l.trim()) ?? `exit code ${code}`;
        resolve({ started: false, reason: `Electron exited before the window opened (${line.slice(0, 300)})` });
      }
    });
  });
}
