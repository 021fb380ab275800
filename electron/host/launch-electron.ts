import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { APP_ROOT, ELECTRON_MAIN } from './paths';

export type ElectronOutcome = { started: true; exitCode: number } | { started: false; reason: string };

/**
 * Tries to run the desktop app. Resolves `started: false` with a one-line reason when the
 * Electron binary is missing (it is downloaded on first use and cannot be on offline machines),
 * when the app is not built, or when Electron exits before the window reports ready.
 */
export async function launchElectron(dataDir: string, env: NodeJS.ProcessEnv): Promise<ElectronOutcome> {
  let binary: string;
  try {
    // The `electron` package exports the binary path, and throws when the binary is absent.
    binary = createRequire(import.meta.url)('electron') as string;
  } catch (e) {
    const first = String((e as Error).message).split('\n')[0];
    return { started: false, reason: `the Electron binary is not available (${first})` };
  }
  if (typeof binary !== 'string' || !existsSync(binary)) return { started: false, reason: 'the Electron binary is not available' };
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
