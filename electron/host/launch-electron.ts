import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { APP_ROOT, ELECTRON_MAIN } from './paths';

export type ElectronOutcome = { started: true; exitCode: number } | { started: false; reason: string };

/**
 * Asks the `electron` package for its binary in a child process: on first use the package tries to
 * download the binary and prints to stdout and stderr, which must not reach the user's terminal.
 */
export function findElectronBinary(): { binary: string } | { reason: string } {
  const r = spawnSync(process.execPath, ['-e', "process.stdout.write('\\n@@' + require('electron'))"], {
    cwd: APP_ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ELECTRON_GET_USE_PROXY: '' },
  });
  const path = /\n@@(.+)$/.exec(r.stdout ?? '')?.[1];
  if (r.status === 0 && path && existsSync(path)) return { binary: path };
  const why = /Electron failed to install correctly|Cannot find module 'electron'/.exec(r.stderr ?? '')?.[0] ?? 'not installed';
  return { reason: `the Electron binary is not available (${why})` };
}

/**
 * Tries to run the desktop app. Resolves `started: false` with a one-line reason when the
 * Electron binary is missing (it is downloaded on first use and cannot be on offline machines),
 * when the app is not built, or when Electron exits before the window reports ready.
 */
export async function launchElectron(dataDir: string, env: NodeJS.ProcessEnv): Promise<ElectronOutcome> {
  const found = findElectronBinary();
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
