import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { AppError } from '../../shared/domain/errors';

/**
 * Where a workspace lives when nobody says otherwise: the same folder Electron's
 * app.getPath('userData') gives for productName "Tally", so the desktop app, the browser host
 * and the CLI share one database.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Tally');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Tally');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Tally');
}

/** `--data-dir` beats TALLY_DATA_DIR beats the platform default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): string {
  // An empty flag is a mistake (an unset shell variable, usually), not a request for the default.
  if (flag !== undefined && flag.trim() === '') throw new AppError('INVALID_INPUT', `--data-dir is empty; give a folder, or leave the option out to use ${env.TALLY_DATA_DIR ? `TALLY_DATA_DIR (${env.TALLY_DATA_DIR})` : `the default folder (${defaultDataDir(env)})`}.`);
  if (flag) return resolve(cwd, flag);
  if (env.TALLY_DATA_DIR) return resolve(cwd, env.TALLY_DATA_DIR);
  return defaultDataDir(env);
}
