import { spawn } from 'node:child_process';
import { resolveDataDir } from '../../data-dir';
import { launchElectron } from '../../launch-electron';
import { parseFlags, stringFlag } from '../args';
import { EXIT, type CliIo } from '../io';
import type { Command } from './command';
import { serveUntilStopped } from './serve.command';

const USAGE = 'tally start [--data-dir DIR] [--port N] [--browser-only]';

/** Opens a URL in the user's browser where a desktop session exists; silent where none does. */
function openBrowser(url: string, env: NodeJS.ProcessEnv): void {
  if (env.TALLY_NO_OPEN || env.CI) return;
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : env.DISPLAY || env.WAYLAND_DISPLAY ? 'xdg-open' : null;
  if (!cmd) return;
  try {
    spawn(cmd, [url], { stdio: 'ignore', detached: true }).on('error', () => undefined).unref();
  } catch {
    // no browser to open: the printed URL is enough
  }
}

export const startCommand: Command = {
  name: 'start',
  summary: 'Start the desktop app (falls back to the browser host when Electron cannot start)',
  usage: USAGE,
  async run(args, io) {
    const p = parseFlags(args, { 'data-dir': { type: 'string' }, port: { type: 'string' }, 'browser-only': { type: 'boolean' } }, USAGE);
    const dataDir = resolveDataDir(stringFlag(p, 'data-dir'), io.env, io.cwd);
    if (p.values['browser-only'] !== true) {
      const outcome = await launchElectron(dataDir, io.env);
      if (outcome.started) return outcome.exitCode === 0 ? EXIT.ok : EXIT.failed;
      io.out(`Electron cannot start here: ${outcome.reason}. Serving the same app to your browser instead.`);
    }
    const wrappedIo: CliIo = {
      ...io,
      out: (t) => {
        io.out(t);
        const m = /Tally is running at (\S+)/.exec(t);
        if (m) openBrowser(m[1]!, io.env);
      },
    };
    await serveUntilStopped(wrappedIo, stringFlag(p, 'data-dir'), stringFlag(p, 'port'), 'Browser host started.');
    return EXIT.ok;
  },
};
