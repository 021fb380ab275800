import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

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
  if (flag) return resolve(cwd, flag);
  if (env.TALLY_DATA_DIR) return resolve(cwd, env.TALLY_DATA_DIR);
  return defaultDataDir(env);
}
