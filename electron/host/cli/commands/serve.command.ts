import { AppError } from '../../../../shared/domain/errors';
import { resolveDataDir } from '../../data-dir';
import { serve } from '../../serve';
import { parseFlags, stringFlag } from '../args';
import { CliError, EXIT, type CliIo } from '../io';
import type { Command } from './command';

const USAGE = 'tally serve [--port N] [--tracking-port N] [--data-dir DIR]';

export function parsePort(raw: string | undefined, flag = '--port'): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 0 || n > 65535) throw new CliError(`${flag} must be a whole number from 0 to 65535 (got "${raw}")`);
  return n;
}

/** Serves until stopped; shared by `serve` and the Electron-less fallback of `start`. */
export async function serveUntilStopped(
  io: CliIo,
  dataDirFlag: string | undefined,
  portFlag: string | undefined,
  banner: string,
  trackingPortFlag?: string,
) {
  const dataDir = resolveDataDir(dataDirFlag, io.env, io.cwd);
  let host;
  try {
    const port = parsePort(portFlag);
    const trackingPort = parsePort(trackingPortFlag, '--tracking-port');
    host = await serve({
      dataDir,
      ...(port !== undefined ? { port } : {}),
      ...(trackingPort !== undefined ? { trackingPort } : {}),
      ...(io.env.TALLY_TOKEN ? { token: io.env.TALLY_TOKEN } : {}),
    });
  } catch (e) {
    if (e instanceof CliError) throw e;
    const err = e as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') throw new CliError(`port ${portFlag} is already in use; pick another with --port`, EXIT.failed);
    if (e instanceof AppError && e.code === 'CONFLICT') throw new CliError(`${e.message} Use --tracking-port.`, EXIT.failed);
    throw new CliError(err.message, EXIT.failed);
  }
  const tracking = host.tracking
    ? `\nMLflow tracking API: set these two lines where your training code runs (MLflow clients send the token as a Bearer header):\n${host.tracking.envLines.join('\n')}`
    : '';
  const moved = host.portNote ? `\n${host.portNote}` : '';
  io.out(`${banner}\nTally is running at ${host.appUrl}${moved}${tracking}\nData folder: ${dataDir}\nPress Ctrl+C to stop.`);
  await io.untilStopped();
  await host.close();
  return host;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Serve the app to a browser on 127.0.0.1 (prints the URL with its token); --tracking-port also serves the MLflow tracking API',
  usage: USAGE,
  async run(args, io) {
    const p = parseFlags(args, { port: { type: 'string' }, 'tracking-port': { type: 'string' }, 'data-dir': { type: 'string' } }, USAGE);
    await serveUntilStopped(io, stringFlag(p, 'data-dir'), stringFlag(p, 'port'), 'Browser host started.', stringFlag(p, 'tracking-port'));
    return EXIT.ok;
  },
};
